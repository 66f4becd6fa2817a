// witryna-bench-decide: scan → decision latency at a store's full size.
//
//   witryna-bench-decide [--work build/bench-decide] [--customers 1000000]
//                        [--products 200000] [--offers 1000] [--scans 4000]
//                        [--phases]
//
// A kiosk on the real screen socket scans loyalty cards and signed app tokens
// of random customers; each latency runs from writing the scan line to reading
// the `customer` view it produces (classification, card or token check with
// the jti cache, profile, offer decision over the catalog, the scan and
// offers.shown events committed, the view built and sent). Side by side, the
// baseline: one bare SQLite point look-up of the same card's profile on its
// own connection — the least any implementation must do. Then the process's
// RSS: the edge's workflows, store connection and screen server after load.
// The store is generated and imported once (witryna-datagen → witryna-import)
// and reused. --phases: where the edge's time went, phase by phase, for the
// slowest 2 % of scans beside the middle of the distribution.
#include <pthread.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "edge/app/offline_claims.hpp"
#include "edge/app/workflows.hpp"
#include "edge/cli/command.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/screen/screen_server.hpp"
#include "edge/service/log.hpp"
#include "edge/store/checkpointer.hpp"
#include "edge/store/store.hpp"
#include "tools/bench/common/kiosk.hpp"
#include "tools/bench/common/latency.hpp"
#include "tools/bench/common/line_socket.hpp"
#include "tools/bench/common/prepared_store.hpp"

namespace {

using namespace witryna;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

using bench::micros_since;

// What an action caused: the view in the mode awaited, when it came, and
// that the action's own result came too (in either order: the screen session
// sends results before a view that waits behind a write in progress).
struct Answered {
  json view;
  Clock::time_point view_at;
};

// Reads until both the view in `mode` and the result of action `id` came. A
// `message` view or a failed result is an error.
Result<Answered> await_answer(bench::LineSocket& screen, const std::string& mode, std::int64_t id) {
  std::optional<Answered> answered;
  bool done = false;
  while (!answered || !done) {
    auto line = screen.read_line(std::chrono::seconds(10));
    // The view is read once its line is in: parsing it is the bench's own
    // work (the display's, in a store), not the edge's answer time.
    const auto received = Clock::now();
    if (!line) return tl::unexpected(line.error());
    auto message = json::parse(*line, nullptr, false);
    if (message.is_discarded()) return fail(std::string(errc::kInvalidJson), "edge sent non-JSON");
    if (const auto view = message.find("view"); view != message.end() && !answered) {
      if (view->value("mode", "") == mode) answered = Answered{*view, received};
      if (view->value("mode", "") == "message") return fail("unexpected_message", view->dump());
    }
    if (const auto result = message.find("result");
        result != message.end() && result->value("id", std::int64_t{-1}) == id) {
      if (!result->value("ok", false)) return fail("action_failed", result->dump());
      done = true;
    }
  }
  return std::move(*answered);
}

// CPU time a thread has used, in microseconds: what the edge spent on a scan,
// whatever else the machine was doing (wall time on a busy 2-core box also
// measures the scheduler).
double thread_cpu_micros(clockid_t cpu_clock) {
  timespec ts{};
  clock_gettime(cpu_clock, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// VmRSS / VmHWM of this process, in MiB.
double status_mib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0;
}

// Mean phase times (us) and kernel counts of the scans in [from, to) of the
// order of `cpu` (ascending), among those of one kind.
void print_phases(const char* title, const std::vector<app::ScanTrace>& traces,
                  const std::vector<double>& cpu, const std::vector<double>& wall,
                  const std::vector<std::size_t>& of_kind) {
  std::vector<std::size_t> order = of_kind;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return cpu[a] < cpu[b]; });
  const auto n = order.size();
  if (n < 100) return;
  struct Band {
    const char* name;
    std::size_t from;
    std::size_t to;
  };
  const Band bands[] = {{"p40-60", n * 40 / 100, n * 60 / 100},
                        {"p90-98", n * 90 / 100, n * 98 / 100},
                        {"top 2%", n * 98 / 100, n}};
  std::printf("\n  %s: mean per scan, edge thread CPU (us unless said)\n", title);
  std::printf("    %-16s", "");
  for (const auto& b : bands)
    std::printf(" %9s", b.name);
  std::printf("\n");
  auto row = [&](const char* name, auto value) {
    std::printf("    %-16s", name);
    for (const auto& b : bands) {
      double sum = 0;
      for (std::size_t k = b.from; k < b.to; ++k)
        sum += value(order[k]);
      std::printf(" %9.1f", sum / static_cast<double>(b.to - b.from));
    }
    std::printf("\n");
  };
  row("edge CPU", [&](std::size_t i) { return cpu[i]; });
  row("wall", [&](std::size_t i) { return wall[i]; });
  row("handle_scan wall",
      [&](std::size_t i) { return static_cast<double>(traces[i].total_ns) / 1e3; });
  for (std::size_t p = 0; p < app::kScanPhases; ++p) {
    const std::string name(app::to_string(static_cast<app::ScanPhase>(p)));
    row(name.c_str(), [&](std::size_t i) { return static_cast<double>(traces[i].ns[p]) / 1e3; });
  }
  for (std::size_t c = 0; c < app::kScanCounts; ++c) {
    const std::string name(app::to_string(static_cast<app::ScanCount>(c)));
    row(name.c_str(), [&](std::size_t i) { return static_cast<double>(traces[i].counts[c]); });
  }
  row("user", [&](std::size_t i) { return static_cast<double>(traces[i].usage.user_us); });
  row("sys", [&](std::size_t i) { return static_cast<double>(traces[i].usage.sys_us); });
  row("minor faults #",
      [&](std::size_t i) { return static_cast<double>(traces[i].usage.minor_faults); });
  row("major faults #",
      [&](std::size_t i) { return static_cast<double>(traces[i].usage.major_faults); });
  row("blocks in #", [&](std::size_t i) { return static_cast<double>(traces[i].usage.blocks_in); });
  row("vol. switches #",
      [&](std::size_t i) { return static_cast<double>(traces[i].usage.voluntary_switches); });
  row("invol. switch #",
      [&](std::size_t i) { return static_cast<double>(traces[i].usage.involuntary_switches); });
  // Where in the run the slowest scans fall (a periodic cause shows as a pattern).
  std::printf("    top 2%% at scan #:");
  std::vector<std::size_t> top(order.begin() + static_cast<std::ptrdiff_t>(bands[2].from),
                               order.end());
  std::sort(top.begin(), top.end());
  for (const auto i : top)
    std::printf(" %zu", i);
  std::printf("\n");
}

int measure(const std::filesystem::path& db_path, const std::filesystem::path& work,
            std::size_t scans, bool phases) {
  service::log::set_level(service::LogLevel::kWarn);
  // As the service runs it (edge/app StoreComponent): the serving connection
  // never checkpoints; a Checkpointer thread does.
  store::DatabaseOptions serving;
  serving.auto_checkpoint = false;
  auto db = store::open_store(db_path, serving);
  auto baseline_db = store::open_store(db_path);
  auto checkpointer = store::Checkpointer::start(db_path);
  if (!db || !baseline_db || !checkpointer) {
    std::fprintf(stderr, "cannot open %s\n", db_path.c_str());
    return 1;
  }
  auto customers = bench::sample_customers(*baseline_db, scans);
  if (!customers) {
    std::fprintf(stderr, "%s\n", customers.error().context.c_str());
    return 1;
  }
  auto signer = crypto::Ed25519Signer::generate();
  crypto::Ed25519KeyRing app_keys;
  if (!signer || !app_keys.add_raw_hex("bench-2026", *signer->public_key_hex())) {
    std::fprintf(stderr, "cannot make the app key\n");
    return 1;
  }

  // The generated brand's offers are valid around its `now`: run the edge's
  // clock from there, at the real pace.
  const auto world_now = *parse_rfc3339("2026-11-22T10:00:00.000Z");
  const auto started = Clock::now();
  const app::WallClock clock = [world_now, started] {
    return world_now + std::chrono::duration_cast<Millis>(Clock::now() - started);
  };

  boost::asio::io_context io;
  auto work_guard = boost::asio::make_work_guard(io);
  app::OfflineClaims claims(io);
  app::WorkflowOptions options;
  options.device = "PL-WAW-001-edge1";
  options.store = "PL-WAW-001";
  options.version = WITRYNA_VERSION;
  options.idle_after = std::chrono::minutes(10);
  app::Workflows workflows(io, *db, app_keys, claims, options, clock);
  screen::ScreenServer server(io, workflows);
  workflows.set_server(&server);
  app::ScanProbe probe;
  if (phases) workflows.set_scan_probe(&probe);
  std::vector<double> all_cpu;
  std::vector<double> all_wall;
  std::vector<std::size_t> card_index;
  std::vector<std::size_t> token_index;
  const auto socket_path = work / "screen.sock";
  std::filesystem::remove(socket_path);
  screen::ScreenServerOptions server_options;
  server_options.unix_path = socket_path;
  server_options.unix_group = "";
  if (auto ok = server.start(server_options); !ok) {
    std::fprintf(stderr, "screen server: %s\n", ok.error().context.c_str());
    return 1;
  }
  workflows.start();
  std::thread edge([&io] { io.run(); });
  clockid_t edge_cpu{};
  pthread_getcpuclockid(edge.native_handle(), &edge_cpu);

  int exit_code = 0;
  bench::Latencies card_scans;
  bench::Latencies token_scans;
  bench::Latencies baseline;
  bench::Latencies card_cpu;
  bench::Latencies token_cpu;
  auto kiosk = bench::LineSocket::connect(socket_path, std::chrono::seconds(5));
  auto fail_with = [&](const Error& e) {
    std::fprintf(stderr, "bench: %s %s\n", e.code.c_str(), e.context.c_str());
    exit_code = 1;
  };
  if (!kiosk) {
    fail_with(kiosk.error());
  } else if (auto hello = bench::hello_kiosk(*kiosk); !hello) {
    fail_with(hello.error());
  }
  auto lookup = baseline_db->prepare(
      "SELECT p.body FROM cards c JOIN profiles p ON p.customer = c.customer WHERE c.card = ?1");
  std::int64_t id = 0;
  // The store remembers every jti (replay protection across restarts): each
  // run needs its own.
  const auto run_id = std::to_string(std::random_device{}());
  for (std::size_t i = 0; exit_code == 0 && i < customers->size(); ++i) {
    const auto& customer = (*customers)[i];
    const bool by_token = i % 2 == 1;
    std::string payload = customer.card;
    if (by_token) {
      core::AppTokenClaims token;
      token.sub = customer.id;
      token.typ = core::AppTokenType::kId;
      token.iat = to_unix_seconds(clock());
      token.exp = token.iat + 300;
      token.jti = "bench-" + run_id + "-" + std::to_string(i);
      payload = *crypto::make_app_token(*signer, "bench-2026", token);
    }
    const json scan = {{"action", "scan"}, {"id", ++id}, {"payload", payload}};
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_micros(edge_cpu);
    if (auto sent = kiosk->send(scan.dump()); !sent) {
      fail_with(sent.error());
      break;
    }
    // The wall time ends with the view; the CPU is read once the scan's
    // result came too, after all of its work (a scan-only transaction
    // commits after its view is pushed).
    auto view = await_answer(*kiosk, "customer", id);
    if (!view) {
      fail_with(view.error());
      break;
    }
    const double micros = std::chrono::duration<double, std::micro>(view->view_at - start).count();
    const double cpu = thread_cpu_micros(edge_cpu) - cpu_start;
    if (view->view["customer"].value("id", "") != customer.id) {
      fail_with(Error{"wrong_customer", "the view shows someone else"});
      break;
    }
    (by_token ? token_scans : card_scans).add(micros);
    (by_token ? token_cpu : card_cpu).add(cpu);
    (by_token ? token_index : card_index).push_back(all_cpu.size());
    all_cpu.push_back(cpu);
    all_wall.push_back(micros);

    const auto base_start = Clock::now();
    lookup->reset();
    lookup->bind_text(1, customer.card);
    auto row = lookup->step();
    const auto body = row && *row ? lookup->column_view(0).size() : 0;
    baseline.add(micros_since(base_start));
    if (body == 0) {
      fail_with(Error{"baseline", "no profile for a sampled card"});
      break;
    }

    if (auto sent = kiosk->send(json({{"action", "session.end"}, {"id", ++id}}).dump()); !sent) {
      fail_with(sent.error());
      break;
    }
    // Idle and answered, as a kiosk is when the next customer comes: no
    // write of this session is still under way when the next scan arrives.
    if (auto idle = await_answer(*kiosk, "idle", id); !idle) {
      fail_with(idle.error());
      break;
    }
  }
  const double rss = status_mib("VmRSS");
  const double hwm = status_mib("VmHWM");
  boost::asio::post(io, [&] {
    workflows.stop();
    server.stop();
    work_guard.reset();
  });
  edge.join();
  if (exit_code != 0) return exit_code;

  std::printf("\nscan → customer view on the kiosk socket (%s build)\n",
#ifdef NDEBUG
              "release"
#else
              "debug"
#endif
  );
  std::printf("  wall, card scans       %s\n", card_scans.summary().c_str());
  std::printf("  wall, app-token scans  %s\n", token_scans.summary().c_str());
  std::printf("  edge CPU, card         %s\n", card_cpu.summary().c_str());
  std::printf("  edge CPU, app token    %s\n", token_cpu.summary().c_str());
  std::printf("  baseline look-up, wall %s\n", baseline.summary().c_str());
  std::printf("  wall p99 ratio to baseline: card %.1fx, token %.1fx\n",
              card_scans.percentile(99) / baseline.percentile(99),
              token_scans.percentile(99) / baseline.percentile(99));
  std::printf("  target wall p99 < 1000 us: card %s, token %s\n",
              card_scans.percentile(99) < 1000 ? "met" : "MISSED",
              token_scans.percentile(99) < 1000 ? "met" : "MISSED");
  std::printf("edge RSS after load: %.1f MiB (peak %.1f MiB); target < 64 MiB: %s\n", rss, hwm,
              hwm < 64 ? "met" : "MISSED");
  if (phases && probe.traces().size() == all_cpu.size()) {
    print_phases("card scans", probe.traces(), all_cpu, all_wall, card_index);
    print_phases("app-token scans", probe.traces(), all_cpu, all_wall, token_index);
  } else if (phases) {
    std::printf("phases: %zu traces for %zu scans, not shown\n", probe.traces().size(),
                all_cpu.size());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  witryna::cli::Command cli{"witryna-bench-decide: scan → decision latency at a store's full size"};
  std::filesystem::path work = "build/bench-decide";
  bench::StoreSize size;
  std::size_t scans = 4'000;
  cli.add_option("--work", work, "folder for the generated store (reused)")->capture_default_str();
  cli.add_option("--customers", size.customers, "profiles")->capture_default_str();
  cli.add_option("--products", size.products, "sku variants")->capture_default_str();
  cli.add_option("--offers", size.offers, "offers")->capture_default_str();
  cli.add_option("--scans", scans, "scans measured (half cards, half app tokens)")
      ->capture_default_str();
  bool phases = false;
  cli.add_flag("--phases", phases, "where the edge's time went for the slowest scans");
  if (const auto exit = cli.parse(argc, argv)) return *exit;
  // Prepare in a child so this process's RSS is the edge's, not the loader's.
  const pid_t child = fork();
  if (child < 0) return 1;
  if (child == 0) {
    auto db = bench::prepared_store(work, size);
    if (!db) std::fprintf(stderr, "bench: %s\n", db.error().context.c_str());
    std::fflush(stdout);
    _exit(db ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
  return measure(work / "witryna.db", work, scans, phases);
}
