// witryna-bench-ingest: stock items/s applied durably by the edge, side by
// side with its ceilings, in one run on one broker (issue #3).
//
//   witryna-bench-ingest [--items 1000000] [--skus 200000] [--work build/bench-ingest]
//                        [--edge PATH] [--shapes 1,100]
//
// One item per message: the real witryna-edge binary against mosquitto_sub
// receiving the same feed to /dev/null (the broker's own delivery rate) and
// against tools/bench/ingest/python_consumer.py (python3-paho-mqtt + sqlite3,
// the same version-guarded upserts, committing every 1,000 items or 100 ms).
// 100 items per message: the edge against the sqlite3 shell applying the
// same upserts in one transaction on the same kind of file.
//
// Every consumer runs alone, one after the other, on a fresh store and a
// broker that queues without limit (a lost message would be a gap: the run
// is then invalid). The clock runs from the first publish until the
// consumer's file durably holds the last item: its stock last seq (written
// in the same transaction as the message's items) equals the last message's
// seq, polled every millisecond on a read-only connection; mosquitto_sub
// until it exits after -C messages. The stock table is then checked against
// what the feed must leave.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "edge/cli/command.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/mosquitto.hpp"
#include "tools/bench/ingest/feed.hpp"
#include "tools/bench/ingest/publisher.hpp"
#include "tools/bench/ingest/store_probe.hpp"

namespace {

using namespace witryna;
using bench::Clock;
namespace fs = std::filesystem;

constexpr const char* kDevice = "PL-WAW-001-edge1";
constexpr const char* kStockTopic = "witryna/v1/acme/store/PL-WAW-001/stock";
constexpr const char* kResyncTopic = "witryna/v1/acme/store/PL-WAW-001/resync";

struct Options {
  std::size_t items = 1'000'000;
  std::size_t skus = 200'000;
  fs::path work = "build/bench-ingest";
  fs::path edge;
  fs::path python = "/usr/bin/python3";
  std::vector<int> shapes{1, 100};
  int window = 1000;
  int broker_inflight = 1000;
  std::uint64_t seed = 42;
  bool only_edge = false;
};

double seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

std::string thousands(double value) {
  auto n = static_cast<long long>(value + 0.5);
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  std::string five;
  in >> one >> five;
  return one + " / " + five;
}

// CPU seconds (user + system) a live process has used so far.
double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

fs::path self_dir() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path();
}

// Waits until the broker logged that `client` subscribed to the stock topic
// (log_type subscribe), so that no message of the feed goes unseen.
// `log_before`: the broker's log when the client was started (an earlier
// consumer with the same id logged the same line).
bool wait_subscribed(test::Mosquitto& broker, const std::string& client, std::size_t log_before,
                     test::ChildProcess& child) {
  const std::string line = client + " 1 " + kStockTopic;
  const auto end = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < end) {
    if (broker.log().find(line, log_before) != std::string::npos) return true;
    if (!child.running()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

struct Measured {
  std::string name;
  bool valid = false;
  std::string problem;
  double items_per_s = 0;
  double elapsed_s = 0;
  double publish_rate = 0;  // messages/s the publisher got acknowledged
  double lag_s = 0;         // from the last acknowledgement to done
  double cpu_s = 0;         // the consumer's CPU time (0: not measured)
  std::int64_t gap_resyncs = 0;
  std::string note;  // what the consumer said about itself
};

// Publishes `feed` on a thread; `done` is polled on this thread (the one that
// spawned the consumer) every millisecond until it returns true or `limit`.
template <typename Done>
Measured run_feed(bench::FeedPublisher& publisher, const std::vector<std::string>& feed,
                  std::size_t items, Clock::duration limit, Done done) {
  Measured m;
  Result<bench::PublishRun> run = fail("bench", "not run");
  const std::int64_t gaps_before = publisher.gap_resyncs();
  std::thread thread([&] { run = publisher.publish(kStockTopic, feed); });
  const auto start = Clock::now();
  std::optional<Clock::time_point> finished;
  while (Clock::now() - start < limit) {
    if (done()) {
      finished = Clock::now();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  thread.join();
  m.gap_resyncs = publisher.gap_resyncs() - gaps_before;
  if (!run) {
    m.problem = run.error().code + ": " + run.error().context;
    return m;
  }
  m.publish_rate = static_cast<double>(run->messages) / seconds(run->last_ack - run->first);
  if (!finished) {
    m.problem = "did not finish within " + std::to_string(static_cast<int>(seconds(limit))) +
                " s (a lost message?)";
    return m;
  }
  m.elapsed_s = seconds(*finished - run->first);
  m.lag_s = seconds(*finished - run->last_ack);
  m.items_per_s = static_cast<double>(items) / m.elapsed_s;
  m.valid = true;
  return m;
}

Clock::duration limit_for(std::size_t messages) {
  // Generous: 1,000 messages/s at least; a hang means a lost message.
  return std::chrono::seconds(120 + messages / 1000);
}

void check_totals(Measured& m, bench::StoreProbe& probe, const bench::StockTotals& expected) {
  auto totals = probe.totals();
  if (!totals) {
    m.valid = false;
    m.problem = "cannot read the stock table: " + totals.error().context;
  } else if (!(*totals == expected)) {
    m.valid = false;
    m.problem = "stock table differs from the feed: " + std::to_string(totals->rows) + " rows, " +
                "sum(ver) " + std::to_string(totals->sum_ver) + " (expected " +
                std::to_string(expected.rows) + ", " + std::to_string(expected.sum_ver) + ")";
  }
  if (m.gap_resyncs > 0 && m.valid) {
    m.valid = false;
    m.problem = std::to_string(m.gap_resyncs) + " resync requests for a gap";
  }
}

Measured publisher_alone(bench::FeedPublisher& publisher, const std::vector<std::string>& feed,
                         std::size_t items) {
  // No subscriber on the topic: the broker acknowledges and discards.
  Measured m = run_feed(publisher, feed, items, limit_for(feed.size()), [] { return true; });
  m.name = "publisher alone (no subscriber)";
  if (m.valid) {
    m.items_per_s = m.publish_rate * static_cast<double>(items) / static_cast<double>(feed.size());
    m.elapsed_s = static_cast<double>(feed.size()) / m.publish_rate;
  }
  return m;
}

Measured mosquitto_sub(test::Mosquitto& broker, bench::FeedPublisher& publisher,
                       const std::vector<std::string>& feed, std::size_t items) {
  Measured m;
  m.name = "mosquitto_sub -q 1 > /dev/null";
  const std::size_t log_before = broker.log().size();
  auto child = test::ChildProcess::spawn(
      {"/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p", std::to_string(broker.plain_port()), "-q",
       "1", "-t", kStockTopic, "-i", "bench-sub", "-C", std::to_string(feed.size())},
      "/dev/null");
  if (!child) {
    m.problem = child.error().context;
    return m;
  }
  if (!wait_subscribed(broker, "bench-sub", log_before, *child)) {
    m.problem = "mosquitto_sub did not subscribe";
    return m;
  }
  const std::string name = m.name;
  m = run_feed(publisher, feed, items, limit_for(feed.size()), [&] { return !child->running(); });
  m.name = name;
  return m;
}

Measured python_consumer(const Options& o, test::Mosquitto& broker, bench::FeedPublisher& publisher,
                         const std::vector<std::string>& feed, std::size_t items,
                         const bench::StockTotals& expected, const fs::path& dir) {
  Measured m;
  m.name = "python3-paho-mqtt + sqlite3";
  fs::create_directories(dir);
  const fs::path db = dir / "stock.db";
  const std::size_t log_before = broker.log().size();
  auto child = test::ChildProcess::spawn(
      {o.python.string(), std::string(WITRYNA_BENCH_INGEST_DIR) + "/python_consumer.py", "--port",
       std::to_string(broker.plain_port()), "--topic", kStockTopic, "--db", db.string(),
       "--messages", std::to_string(feed.size()), "--client-id", "bench-python"},
      dir / "python.log");
  if (!child) {
    m.problem = child.error().context;
    return m;
  }
  if (!wait_subscribed(broker, "bench-python", log_before, *child)) {
    m.problem = "the Python consumer did not subscribe (see " + (dir / "python.log").string() + ")";
    return m;
  }
  auto probe = bench::StoreProbe::open(db);
  if (!probe) {
    m.problem = probe.error().context;
    return m;
  }
  const auto last = static_cast<std::int64_t>(feed.size());
  double cpu = 0;
  m = run_feed(publisher, feed, items, limit_for(feed.size()), [&] {
    if (probe->stock_seq() < last) return false;
    cpu = cpu_seconds(child->pid());
    return true;
  });
  m.name = "python3-paho-mqtt + sqlite3";
  m.cpu_s = cpu;
  if (m.valid) check_totals(m, *probe, expected);
  (void)child->wait_for(std::chrono::seconds(10));
  std::ifstream log(dir / "python.log");
  std::string line;
  while (std::getline(log, line)) {
    if (line.rfind("python consumer:", 0) == 0) m.note = line;
  }
  return m;
}

Result<fs::path> write_edge_config(const fs::path& dir, std::uint16_t port) {
  const fs::path config = dir / "witryna.toml";
  std::ofstream out(config);
  out << "[device]\nid = \"" << kDevice << "\"\nbrand = \"acme\"\nstore = \"PL-WAW-001\"\n\n"
      << "[storage]\nstate_dir = \"" << (dir / "state").string() << "\"\ndb_path = \""
      << (dir / "state" / "witryna.db").string() << "\"\n\n"
      << "[screen_api]\nsocket = \"" << (dir / "screen.sock").string() << "\"\n\n"
      << "[mqtt]\nbroker = \"tcp://127.0.0.1:" << port << "\"\nallow_plain_loopback = true\n\n"
      << "[log]\nlevel = \"warn\"\n";
  out.close();
  if (!out) return fail("io", "cannot write " + config.string());
  return config;
}

Measured edge_consumer(const Options& o, test::Mosquitto& broker, bench::FeedPublisher& publisher,
                       const std::vector<std::string>& feed, std::size_t items,
                       const bench::StockTotals& expected, const fs::path& dir) {
  Measured m;
  m.name = "witryna-edge";
  fs::create_directories(dir);
  auto config = write_edge_config(dir, broker.plain_port());
  if (!config) {
    m.problem = config.error().context;
    return m;
  }
  const std::size_t log_before = broker.log().size();
  auto child =
      test::ChildProcess::spawn({o.edge.string(), "--config", config->string()}, dir / "edge.log");
  if (!child) {
    m.problem = child.error().context;
    return m;
  }
  if (!wait_subscribed(broker, kDevice, log_before, *child)) {
    m.problem = "witryna-edge did not subscribe (see " + (dir / "edge.log").string() + ")";
    return m;
  }
  auto probe = bench::StoreProbe::open(dir / "state" / "witryna.db");
  if (!probe) {
    m.problem = probe.error().context;
    return m;
  }
  const auto last = static_cast<std::int64_t>(feed.size());
  double cpu_before = cpu_seconds(child->pid());
  double cpu = 0;
  m = run_feed(publisher, feed, items, limit_for(feed.size()), [&] {
    if (probe->stock_seq() < last) return false;
    cpu = cpu_seconds(child->pid()) - cpu_before;
    return true;
  });
  m.name = "witryna-edge";
  m.cpu_s = cpu;
  if (m.valid) check_totals(m, *probe, expected);
  if (!child->running()) {
    m.valid = false;
    m.problem = "witryna-edge exited (see " + (dir / "edge.log").string() + ")";
  }
  child->signal(SIGTERM);
  if (!child->wait_for(std::chrono::seconds(15))) child->kill();
  return m;
}

Measured sqlite_shell(const std::vector<bench::FeedItem>& items, std::size_t per_message,
                      const bench::StockTotals& expected, const fs::path& dir) {
  Measured m;
  m.name = "sqlite3 shell, one transaction";
  fs::create_directories(dir);
  const fs::path sql = dir / "upserts.sql";
  const fs::path db = dir / "stock.db";
  if (auto ok = bench::write_upserts_sql(items, per_message, sql); !ok) {
    m.problem = ok.error().context;
    return m;
  }
  const std::string command = "/usr/bin/sqlite3 '" + db.string() + "' < '" + sql.string() + "'";
  const auto start = Clock::now();
  auto child = test::ChildProcess::spawn({"/bin/sh", "-c", command}, dir / "sqlite3.log");
  if (!child) {
    m.problem = child.error().context;
    return m;
  }
  const auto status = child->wait_for(std::chrono::seconds(600));
  const auto end = Clock::now();
  if (!status || *status != 0) {
    m.problem = "sqlite3 failed (see " + (dir / "sqlite3.log").string() + ")";
    return m;
  }
  m.elapsed_s = seconds(end - start);
  m.items_per_s = static_cast<double>(items.size()) / m.elapsed_s;
  m.valid = true;
  auto probe = bench::StoreProbe::open(db);
  if (!probe) {
    m.valid = false;
    m.problem = probe.error().context;
    return m;
  }
  check_totals(m, *probe, expected);
  return m;
}

void print(const Measured& m, std::size_t messages) {
  if (!m.valid) {
    std::printf("  %-34s INVALID: %s\n", m.name.c_str(), m.problem.c_str());
    return;
  }
  std::printf("  %-34s %10s items/s  (%6.2f s", m.name.c_str(), thousands(m.items_per_s).c_str(),
              m.elapsed_s);
  if (m.publish_rate > 0 && m.lag_s > 0.0005) {
    std::printf("; publisher %s msg/s, done %.2f s after its last ack",
                thousands(m.publish_rate).c_str(), m.lag_s);
  }
  if (m.cpu_s > 0) {
    std::printf("; CPU %.1f s = %.1f us/item", m.cpu_s,
                m.cpu_s * 1e6 / (m.items_per_s * m.elapsed_s));
  }
  std::printf(")\n");
  if (!m.note.empty()) std::printf("  %-34s %s\n", "", m.note.c_str());
  (void)messages;
}

bool ratio(const char* what, const Measured& a, const Measured& b, double target) {
  if (!a.valid || !b.valid) {
    std::printf("  %-40s n/a (a run was invalid): MISSED\n", what);
    return false;
  }
  const double r = a.items_per_s / b.items_per_s;
  const bool met = r >= target;
  std::printf("  %-40s %5.2fx  (target >= %.1fx): %s\n", what, r, target, met ? "MET" : "MISSED");
  return met;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  witryna::cli::Command cli{
      "witryna-bench-ingest: stock items/s applied by the edge, next to its ceilings"};
  cli.add_option("--items", o.items, "stock items in each feed")->capture_default_str();
  cli.add_option("--skus", o.skus, "distinct SKUs the items cycle over")->capture_default_str();
  cli.add_option("--work", o.work, "work folder (emptied first)")->capture_default_str();
  cli.add_option("--edge", o.edge, "witryna-edge binary (default: the one of this build)");
  cli.add_option("--python", o.python, "Python with Debian's paho-mqtt")->capture_default_str();
  cli.add_option("--shapes", o.shapes, "items per message of each feed (1 and/or 100)")
      ->capture_default_str();
  cli.add_option("--window", o.window, "publisher: QoS 1 messages unacknowledged at once")
      ->capture_default_str();
  cli.add_option("--broker-inflight", o.broker_inflight,
                 "broker: max_inflight_messages towards each consumer")
      ->capture_default_str();
  cli.add_option("--seed", o.seed, "feed generator seed")->capture_default_str();
  cli.add_flag("--only-edge", o.only_edge,
               "run the edge alone (no ceilings; for profiling, e.g. --edge a valgrind wrapper)");
  if (const auto exit = cli.parse(argc, argv)) return *exit;
  if (o.edge.empty()) o.edge = self_dir() / "../../../edge/witryna-edge";
  if (!fs::exists(o.edge)) {
    std::fprintf(stderr, "no witryna-edge at %s (--edge PATH)\n", o.edge.c_str());
    return 2;
  }
  // The edge's config resolves relative paths against its own folder.
  o.work = fs::absolute(o.work);
  std::error_code ec;
  fs::remove_all(o.work, ec);
  fs::create_directories(o.work);

  const auto feed_items = bench::make_feed(o.items, o.skus, o.seed);
  const auto expected = bench::totals_of(feed_items);

  test::MosquittoConfig broker_config;
  broker_config.persistence = false;
  // Queue without limit (the default of 1,000 queued QoS 1 messages per
  // client drops the rest while a consumer is behind), and log
  // subscriptions so the feed starts only once its consumer listens.
  broker_config.extra_lines = {"max_queued_messages 0", "max_queued_bytes 0",
                               "max_inflight_messages " + std::to_string(o.broker_inflight),
                               "log_type subscribe"};
  test::Mosquitto broker(broker_config);
  if (auto ok = broker.start(); !ok) {
    std::fprintf(stderr, "mosquitto: %s\n", ok.error().context.c_str());
    return 1;
  }
  auto publisher = bench::FeedPublisher::connect(broker.plain_port(), kResyncTopic, o.window);
  if (!publisher) {
    std::fprintf(stderr, "%s\n", publisher.error().context.c_str());
    return 1;
  }

  std::printf(
      "stock ingest: %s items over %s SKUs, QoS 1, one mosquitto (max_inflight_messages "
      "%d, unlimited queue), publisher window %d\n",
      thousands(static_cast<double>(feed_items.size())).c_str(),
      thousands(static_cast<double>(expected.rows)).c_str(), o.broker_inflight, o.window);
  std::printf("load average (1 / 5 min) at start: %s\n\n", load_average().c_str());
  std::fflush(stdout);

  bool all_met = true;
  for (const int shape : o.shapes) {
    const auto per_message = static_cast<std::size_t>(std::max(1, shape));
    const auto feed = bench::envelopes(feed_items, per_message);
    std::printf("%zu item%s per message: %s messages of ~%zu B\n", per_message,
                per_message == 1 ? "" : "s", thousands(static_cast<double>(feed.size())).c_str(),
                feed.front().size());
    std::fflush(stdout);
    const fs::path dir = o.work / ("shape-" + std::to_string(per_message));
    const std::size_t n = feed_items.size();
    if (o.only_edge) {
      print(edge_consumer(o, broker, **publisher, feed, n, expected, dir / "edge"), feed.size());
    } else if (per_message == 1) {
      const auto alone = publisher_alone(**publisher, feed, n);
      print(alone, feed.size());
      const auto sub = mosquitto_sub(broker, **publisher, feed, n);
      print(sub, feed.size());
      std::fflush(stdout);
      const auto py = python_consumer(o, broker, **publisher, feed, n, expected, dir / "python");
      print(py, feed.size());
      std::fflush(stdout);
      const auto edge = edge_consumer(o, broker, **publisher, feed, n, expected, dir / "edge");
      print(edge, feed.size());
      if (sub.valid && alone.valid) {
        // mosquitto_sub measures the broker only if the publisher can offer
        // more than the broker delivers: alone (the broker acknowledges and
        // discards) it must be clearly faster. With a subscriber the broker
        // acknowledges publishes only as fast as it also delivers them, so
        // both then run at the broker's pace and mosquitto_sub keeps up.
        const bool publisher_ahead = alone.publish_rate > 1.2 * sub.items_per_s;
        const bool keeps_up = sub.lag_s < 0.05 * sub.elapsed_s;
        std::printf(
            "  publisher check: alone %s msg/s = %.1fx mosquitto_sub's rate (%s); with "
            "mosquitto_sub %s msg/s, mosquitto_sub done %.2f s after the last ack (%s)\n",
            thousands(alone.publish_rate).c_str(), alone.publish_rate / sub.items_per_s,
            publisher_ahead ? "not the bottleneck" : "THE PUBLISHER MAY BE THE BOTTLENECK",
            thousands(sub.publish_rate).c_str(), sub.lag_s, keeps_up ? "keeps up" : "falls behind");
      }
      all_met &= ratio("edge / mosquitto_sub", edge, sub, 0.8);
      all_met &= ratio("edge / Python consumer", edge, py, 2.5);
    } else {
      const auto sub = mosquitto_sub(broker, **publisher, feed, n);
      print(sub, feed.size());
      std::fflush(stdout);
      const auto edge = edge_consumer(o, broker, **publisher, feed, n, expected, dir / "edge");
      print(edge, feed.size());
      std::fflush(stdout);
      const auto shell = sqlite_shell(feed_items, per_message, expected, dir / "sqlite3");
      print(shell, feed.size());
      all_met &= ratio("edge / sqlite3 shell", edge, shell, 0.7);
    }
    std::printf("load average (1 / 5 min): %s\n\n", load_average().c_str());
    std::fflush(stdout);
  }
  return all_met ? 0 : 3;
}
