// The snapshot benchmark: central answers the device's `profiles` resync
// with a snapshot of every profile while a kiosk keeps scanning.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "edge/store/db/sql.hpp"
#include "edge/store/store.hpp"
#include "sync/core/topics.hpp"
#include "tests/support/mosquitto.hpp"
#include "tools/bench/common/kiosk.hpp"
#include "tools/bench/common/latency.hpp"
#include "tools/bench/common/prepared_store.hpp"
#include "tools/bench/sync/benches.hpp"
#include "tools/bench/sync/cpu_use.hpp"
#include "tools/bench/sync/edge_process.hpp"
#include "tools/bench/sync/load.hpp"
#include "tools/bench/sync/mqtt_peer.hpp"
#include "tools/bench/sync/snapshot_parts.hpp"

namespace witryna::bench {

namespace {

using nlohmann::json;

constexpr double kTargetSeconds = 20;
constexpr double kTargetP99Micros = 5'000;
constexpr auto kSnapshotDeadline = std::chrono::minutes(5);

struct StoreTotals {
  std::int64_t live = 0;
  std::int64_t ver_sum = 0;
  std::int64_t last_seq = 0;
};

Result<StoreTotals> store_totals(store::Database& db) {
  StoreTotals t;
  auto q = db.prepare("SELECT count(*), total(ver) FROM profiles WHERE deleted = 0");
  if (!q) return tl::unexpected(q.error());
  auto row = q->step();
  if (!row) return tl::unexpected(row.error());
  t.live = q->column_int(0);
  t.ver_sum = q->column_int(1);
  auto seq = store::query_int(db, "SELECT last_seq FROM stream_state WHERE stream = 'profiles'");
  if (!seq) return tl::unexpected(seq.error());
  t.last_seq = seq->value_or(0);
  return t;
}

// Central's side: waits for the device's resync request of `profiles`, then
// (when told) publishes the parts, at most `in_flight` unacknowledged.
class SnapshotCentral {
 public:
  SnapshotCentral(SnapshotParts parts, std::size_t in_flight)
      : parts_(std::move(parts)), in_flight_(std::max<std::size_t>(1, in_flight)) {}

  void on_message(const sync::MqttMessage& m) {
    auto request = json::parse(m.payload, nullptr, false);
    if (!request.is_discarded() && request.value("stream", "") == "profiles") requested_ = true;
  }

  // On the peer's thread.
  void publish_all(MqttPeer& peer, std::string topic) {
    topic_ = std::move(topic);
    started_at_ = BenchClock::now();
    for (std::size_t i = 0; i < in_flight_; ++i)
      publish_next(peer);
  }

  [[nodiscard]] bool requested() const { return requested_; }
  [[nodiscard]] bool started() const { return started_.load(); }
  [[nodiscard]] BenchClock::time_point started_at() const { return started_at_; }
  [[nodiscard]] std::size_t acked() const { return acked_.load(); }
  [[nodiscard]] std::size_t failed() const { return failed_.load(); }
  [[nodiscard]] BenchClock::time_point all_acked_at() const { return all_acked_at_; }
  [[nodiscard]] std::size_t parts() const { return parts_.payloads.size(); }

 private:
  void publish_next(MqttPeer& peer) {
    if (next_ >= parts_.payloads.size()) return;
    std::string payload = std::move(parts_.payloads[next_++]);  // memory goes as parts go
    started_ = true;
    peer.client().publish(topic_, std::move(payload), 1, false, [this, &peer](Result<void> r) {
      if (!r) ++failed_;
      if (++acked_ == parts_.payloads.size()) all_acked_at_ = BenchClock::now();
      publish_next(peer);
    });
  }

  SnapshotParts parts_;
  std::size_t in_flight_;
  std::string topic_;
  std::size_t next_ = 0;
  std::atomic<bool> requested_ = false;
  std::atomic<bool> started_ = false;
  std::atomic<std::size_t> acked_ = 0;
  std::atomic<std::size_t> failed_ = 0;
  BenchClock::time_point started_at_{};
  BenchClock::time_point all_acked_at_{};
};

// One kiosk visit: scan a card, wait for the customer view, end the session.
Result<double> visit(LineSocket& kiosk, const Customer& customer, std::int64_t& id) {
  const auto start = BenchClock::now();
  if (auto sent =
          kiosk.send(json({{"action", "scan"}, {"id", ++id}, {"payload", customer.card}}).dump());
      !sent) {
    return tl::unexpected(sent.error());
  }
  auto view = await_view(kiosk, "customer");
  const double micros = micros_since(start);
  if (!view) return tl::unexpected(view.error());
  if ((*view)["customer"].value("id", "") != customer.id) {
    return fail("wrong_customer", "the view shows someone else");
  }
  if (auto sent = kiosk.send(json({{"action", "session.end"}, {"id", ++id}}).dump()); !sent) {
    return tl::unexpected(sent.error());
  }
  if (auto idle = await_view(kiosk, "idle"); !idle) return tl::unexpected(idle.error());
  return micros;
}

// CPU seconds of every thread of `pid`, less what they had used at `before`.
std::map<std::string, double> since(std::map<std::string, double> now,
                                    const std::map<std::string, double>& before) {
  for (auto& [name, seconds] : now) {
    if (const auto it = before.find(name); it != before.end()) seconds -= it->second;
  }
  return now;
}

void print_cpu(const std::map<std::string, double>& cpu) {
  for (const auto& [name, seconds] : cpu) {
    if (seconds >= 0.005) std::printf(" %s %.2f s", name.c_str(), seconds);
  }
}

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

int snapshot_error(const char* what, const Error& e) {
  std::fprintf(stderr, "bench snapshot: %s: %s %s\n", what, e.code.c_str(), e.context.c_str());
  return 1;
}

}  // namespace

int run_snapshot_bench(const SnapshotBenchOptions& options) {
  StoreSize size;
  size.customers = options.profiles;
  size.products = options.products;
  size.offers = options.offers;
  auto db_path = prepared_store(options.work, size);
  if (!db_path) return snapshot_error("store", db_path.error());
  auto db = store::open_store(*db_path);
  if (!db) return snapshot_error("open store", db.error());
  auto before = store_totals(*db);
  if (!before) return snapshot_error("store totals", before.error());
  auto customers = sample_customers(*db, 20'000);
  if (!customers) return snapshot_error("sample", customers.error());

  const auto upto_seq = before->last_seq + 1;
  const std::string snapshot_id = "bench-" + std::to_string(upto_seq);
  const auto cut_start = BenchClock::now();
  auto parts = profile_snapshot(*db, snapshot_id, upto_seq, options.part_items);
  if (!parts) return snapshot_error("cut snapshot", parts.error());
  std::printf("snapshot: %lld profiles in %zu parts of %zu, %.1f MiB of JSON (cut in %.1f s)\n",
              static_cast<long long>(parts->items), parts->payloads.size(), options.part_items,
              static_cast<double>(parts->bytes) / (1024.0 * 1024.0),
              seconds_between(cut_start, BenchClock::now()));
  std::fflush(stdout);
  const auto items = parts->items;

  test::Mosquitto broker;
  if (auto ok = broker.start(); !ok) return snapshot_error("mosquitto", ok.error());
  auto topics = sync::core::Topics::make({kBrand, kStore, kDevice, {}});
  if (!topics) return snapshot_error("topics", topics.error());
  SnapshotCentral central(std::move(*parts), options.in_flight);
  auto peer = MqttPeer::start(broker.plain_uri(), "bench-central", {topics->resync()},
                              [&central](const sync::MqttMessage& m) { central.on_message(m); });
  if (!peer) return snapshot_error("central", peer.error());
  // In a store the broker and central run on other machines; here they share
  // the edge's two cores. --others-nice 19 models the store (printed with
  // the numbers; the default 0 is the plain co-located run).
  if (options.others_nice != 0) {
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(broker.pid()), options.others_nice) != 0) {
      return snapshot_error("renice", Error{"io", "cannot renice the broker"});
    }
    const auto threads = renice_other_threads(options.others_nice);
    std::printf("broker and the bench's central (%zu threads) at nice %d; the kiosk unchanged\n",
                threads, options.others_nice);
  }

  const auto load_before = load_average();
  auto edge = EdgeProcess::start({options.work / "edge", *db_path, broker.plain_uri()});
  if (!edge) return snapshot_error("edge", edge.error());
  auto kiosk = LineSocket::connect(edge->socket(), std::chrono::seconds(10));
  if (!kiosk) return snapshot_error("kiosk", kiosk.error());
  if (auto ok = hello_kiosk(*kiosk); !ok) return snapshot_error("kiosk hello", ok.error());

  // The device asks for every stream after its first connection to a broker
  // without its session; central holds the answer while the baseline runs.
  const auto wait_until = BenchClock::now() + std::chrono::seconds(30);
  while (!central.requested() && BenchClock::now() < wait_until)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (!central.requested()) {
    return snapshot_error("resync", Error{"timeout", "the edge sent no profiles resync request"});
  }

  Latencies baseline;
  Latencies baseline_warm;  // without the first scans (cold statements and caches)
  constexpr std::size_t kColdScans = 100;
  Latencies during;
  std::int64_t id = 0;
  std::size_t next = 0;
  auto next_customer = [&]() -> const Customer& {
    return (*customers)[next++ % customers->size()];
  };
  const auto baseline_waits_before = thread_run_delay_seconds(edge->pid());
  const auto baseline_start = BenchClock::now();
  for (std::size_t i = 0; i < options.baseline_scans; ++i) {
    auto micros = visit(*kiosk, next_customer(), id);
    if (!micros) return snapshot_error("baseline scan", micros.error());
    baseline.add(*micros);
    if (i >= kColdScans) baseline_warm.add(*micros);
  }

  const double baseline_seconds = seconds_between(baseline_start, BenchClock::now());
  const auto baseline_waits = since(thread_run_delay_seconds(edge->pid()), baseline_waits_before);

  // Complete and durable: the stream's last seq reaches upto_seq in the
  // store's file only in the transaction that finishes the completion.
  std::atomic<bool> complete = false;
  BenchClock::time_point completed_at{};
  const auto wal_path = std::filesystem::path(db_path->string() + "-wal");
  const auto wal_before = file_size_or_zero(wal_path);
  std::uintmax_t wal_peak = wal_before;
  std::thread watcher([&] {
    auto watch_db = store::open_store(*db_path);
    const auto deadline = BenchClock::now() + kSnapshotDeadline;
    while (watch_db && BenchClock::now() < deadline) {
      // The WAL file never shrinks while the store is open: its size is the
      // most frames it held (a checkpoint that catches up restarts it).
      wal_peak = std::max(wal_peak, file_size_or_zero(wal_path));
      auto seq = store::query_int(*watch_db,
                                  "SELECT last_seq FROM stream_state WHERE stream = 'profiles'");
      if (seq && seq->value_or(0) >= upto_seq) {
        completed_at = BenchClock::now();
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    complete = true;
  });
  const auto cpu_before = edge->thread_cpu_seconds();
  const auto waits_before = thread_run_delay_seconds(edge->pid());
  const auto broker_before = thread_cpu_seconds(broker.pid());
  const auto bench_before = thread_cpu_seconds(::getpid());
  MqttPeer& central_peer = **peer;
  central_peer.post(
      [&central, &central_peer, topic = topics->stream(sync::core::Stream::kProfiles)] {
        central.publish_all(central_peer, topic);
      });
  while (!central.started())
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  int exit_code = 0;
  // Without pause by default; with --scan-interval-ms one visit starts per
  // interval, so two edges that answer at different speeds serve the same
  // number of scans (without pause a faster edge serves more, and its loop
  // then spends more of the snapshot on them).
  const auto interval = std::chrono::milliseconds(options.scan_interval_ms);
  auto next_visit = BenchClock::now();
  while (!complete) {
    auto micros = visit(*kiosk, next_customer(), id);
    if (!micros) {
      exit_code = snapshot_error("scan during the snapshot", micros.error());
      break;
    }
    if (!complete) during.add(*micros);
    if (interval.count() > 0) {
      next_visit += interval;
      while (!complete && BenchClock::now() < next_visit)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  }
  watcher.join();
  const auto load_after = load_average();
  const auto cpu = since(thread_cpu_seconds(edge->pid()), cpu_before);
  const auto waits = since(thread_run_delay_seconds(edge->pid()), waits_before);
  double cpu_total = 0;
  for (const auto& [name, seconds] : cpu)
    cpu_total += seconds;
  const auto broker_cpu = since(thread_cpu_seconds(broker.pid()), broker_before);
  const auto bench_cpu = since(thread_cpu_seconds(::getpid()), bench_before);
  const double peak_rss = edge->peak_rss_mib();
  auto stopped = edge->stop();
  if (exit_code != 0) return exit_code;
  if (completed_at == BenchClock::time_point{}) {
    return snapshot_error("snapshot", Error{"timeout", "not complete after 5 minutes"});
  }
  if (!stopped) return snapshot_error("edge stop", stopped.error());

  auto after = store_totals(*db);
  if (!after) return snapshot_error("store totals", after.error());
  const bool all_applied = after->live == before->live && after->ver_sum == before->ver_sum + items;

  const double total = seconds_between(central.started_at(), completed_at);
  const double publish = seconds_between(central.started_at(), central.all_acked_at());
  std::printf("\nsnapshot of %lld profiles (%s build; load average %s before, %s after)\n",
              static_cast<long long>(items), kBuildType, load_before.c_str(), load_after.c_str());
  std::printf("  first part published → complete and committed  %7.2f s  (%.0f items/s)\n", total,
              static_cast<double>(items) / total);
  std::printf("  central publishing all parts (broker acks)     %7.2f s\n", publish);
  std::printf("  every item applied (ver +1), nothing deleted   %s\n", all_applied ? "yes" : "NO");
  std::printf("  parts refused by the broker                    %zu\n", central.failed());
  std::printf("  edge peak RSS                                  %7.1f MiB\n", peak_rss);
  // Includes the scans served meanwhile; judged per item it is far less
  // noisy than the wall time on a shared machine.
  std::printf("  edge CPU during it                             %7.2f s  (%.1f us/item:", cpu_total,
              cpu_total * 1e6 / static_cast<double>(items));
  print_cpu(cpu);
  std::printf(")\n");
  std::printf("  edge threads runnable, waiting for a CPU       ");
  print_cpu(waits);
  std::printf("\n");
  std::printf("  broker and bench CPU during it (nice %d)       ", options.others_nice);
  print_cpu(broker_cpu);
  std::printf(" | bench:");
  print_cpu(bench_cpu);
  std::printf("\n");
  std::printf("  store WAL file: %.1f MiB before, peak %.1f MiB during it\n",
              static_cast<double>(wal_before) / (1024.0 * 1024.0),
              static_cast<double>(wal_peak) / (1024.0 * 1024.0));
  std::printf("scan → customer view on the kiosk socket, wall\n");
  std::printf("  before the snapshot  %s\n", baseline.summary().c_str());
  std::printf("    of which after the first %zu  %s\n", kColdScans,
              baseline_warm.summary().c_str());
  std::printf("    edge threads runnable, waiting for a CPU in its %.2f s:", baseline_seconds);
  print_cpu(baseline_waits);
  std::printf("\n");
  std::printf("  during the snapshot  %s\n", during.summary().c_str());
  if (options.scan_interval_ms > 0) {
    std::printf("    (one scan started every %d ms)\n", options.scan_interval_ms);
  }
  std::printf("  target total < %.0f s: %s;  target scan p99 < %.0f ms during it: %s\n",
              kTargetSeconds, total < kTargetSeconds ? "MET" : "MISSED", kTargetP99Micros / 1000,
              during.percentile(99) < kTargetP99Micros ? "MET" : "MISSED");
  return all_applied && central.failed() == 0 ? 0 : 1;
}

}  // namespace witryna::bench
