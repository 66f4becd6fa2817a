// The outbox drain benchmark: the device comes back online with `events`
// events queued; central acknowledges cumulatively after every message.
#include <mqtt/async_client.h>

#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/store.hpp"
#include "sync/core/topics.hpp"
#include "tests/support/mosquitto.hpp"
#include "tools/bench/common/kiosk.hpp"
#include "tools/bench/sync/benches.hpp"
#include "tools/bench/sync/edge_process.hpp"
#include "tools/bench/sync/load.hpp"
#include "tools/bench/sync/mqtt_peer.hpp"

namespace witryna::bench {

namespace {

using nlohmann::json;

constexpr double kTargetPerSecond = 20'000;
constexpr auto kDrainDeadline = std::chrono::minutes(2);
constexpr std::size_t kEventsPerTransaction = 1'000;

int drain_error(const char* what, const Error& e) {
  std::fprintf(stderr, "bench drain: %s: %s %s\n", what, e.code.c_str(), e.context.c_str());
  return 1;
}

// A fresh store with `count` events in its outbox, written with the store's
// own append_event (what the workflows call) while no edge runs: a shop that
// was offline for a while. Half `scan`, half `offers.shown`, ~200 bytes each.
Result<void> queue_events(const std::filesystem::path& db_path, std::size_t count) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db_path.string() + suffix, ec);
  auto db = store::open_store(db_path);
  if (!db) return tl::unexpected(db.error());
  // Recent: the outbox bound drops scan/offers.shown events older than
  // outbox.max_age_s (7 days), and this is about sending, not dropping.
  const auto at = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now()) -
                  std::chrono::milliseconds(count);
  for (std::size_t done = 0; done < count;) {
    auto tx = store::Transaction::begin(*db);
    if (!tx) return tl::unexpected(tx.error());
    for (std::size_t i = 0; i < kEventsPerTransaction && done < count; ++i, ++done) {
      char customer[16];
      std::snprintf(customer, sizeof customer, "C-%06zu", done % 1'000'000 + 1);
      domain::Event event;
      event.at = at + std::chrono::milliseconds(done);
      if (done % 2 == 0) {
        event.type = "scan";
        event.fields = {{"screen", "kiosk-1"}, {"customer", customer}, {"kind", "card"}};
      } else {
        event.type = "offers.shown";
        event.fields = {{"screen", "kiosk-1"},
                        {"customer", customer},
                        {"offers", {"OF-2026-11-DRS", "OF-2026-11-SHO"}}};
      }
      if (auto ok = store::append_event(*tx, event); !ok) return tl::unexpected(ok.error());
    }
    if (auto ok = tx->commit(); !ok) return ok;
  }
  return {};
}

// Central: checks every event arrives once and in order of n, and
// acknowledges cumulatively (the highest n received) after every message.
class AckingCentral {
 public:
  AckingCentral(std::string acks_topic, std::int64_t expected)
      : acks_topic_(std::move(acks_topic)), expected_(expected) {}

  // On the peer's thread.
  void on_message(MqttPeer& peer, const sync::MqttMessage& m) {
    if (m.topic.ends_with("/state")) {
      auto state = json::parse(m.payload, nullptr, false);
      if (!state.is_discarded() && state.value("status", "") == "online" && !online_) {
        online_at_ = BenchClock::now();
        online_ = true;
      }
      return;
    }
    if (!m.topic.ends_with("/events")) return;
    const auto start = BenchClock::now();
    auto message = json::parse(m.payload, nullptr, false);
    if (message.is_discarded() || !message.contains("events")) {
      ++malformed_;
      return;
    }
    if (first_ == BenchClock::time_point{}) first_ = BenchClock::now();
    ++messages_;
    for (const auto& event : message["events"]) {
      const auto n = event.value("n", std::int64_t{0});
      if (n == highest_ + 1) {
        highest_ = n;
      } else if (n <= highest_) {
        ++duplicates_;  // dropped by (device, n), as central does
      } else {
        ++out_of_order_;
        highest_ = n;
      }
    }
    peer.client().publish(
        acks_topic_, json({{"device", message.value("device", "")}, {"upto", highest_}}).dump(), 1,
        false);
    busy_seconds_ += seconds_between(start, BenchClock::now());
    if (highest_ >= expected_ && !done_) {
      done_at_ = BenchClock::now();
      done_ = true;
    }
  }

  [[nodiscard]] bool done() const { return done_.load(); }
  [[nodiscard]] BenchClock::time_point online_at() const { return online_at_; }
  [[nodiscard]] BenchClock::time_point first() const { return first_; }
  [[nodiscard]] BenchClock::time_point done_at() const { return done_at_; }
  [[nodiscard]] std::int64_t highest() const { return highest_; }
  [[nodiscard]] std::int64_t messages() const { return messages_; }
  [[nodiscard]] std::int64_t duplicates() const { return duplicates_; }
  [[nodiscard]] std::int64_t out_of_order() const { return out_of_order_; }
  [[nodiscard]] std::int64_t malformed() const { return malformed_; }
  // Time spent handling events messages (parse, check, ack): what central
  // itself costs, so it can be told apart from the device.
  [[nodiscard]] double busy_seconds() const { return busy_seconds_; }

 private:
  std::string acks_topic_;
  std::int64_t expected_;
  std::atomic<bool> online_ = false;
  std::atomic<bool> done_ = false;
  BenchClock::time_point online_at_{};
  BenchClock::time_point first_{};
  BenchClock::time_point done_at_{};
  std::int64_t highest_ = 0;
  std::int64_t messages_ = 0;
  std::int64_t duplicates_ = 0;
  std::int64_t out_of_order_ = 0;
  std::int64_t malformed_ = 0;
  double busy_seconds_ = 0;
};

// The baseline: a bare Paho client publishing the same messages (the
// edge's batches, as central received them), QoS 1, 8 in flight like the
// edge's window, to a subscriber that parses and counts every event. Seconds
// from the first publish until the subscriber has every event.
Result<double> bare_paho_seconds(const std::string& uri, const std::vector<std::string>& payloads,
                                 std::int64_t events) {
  const std::string topic = "bench/baseline/events";
  std::atomic<std::int64_t> received = 0;
  auto subscriber =
      MqttPeer::start(uri, "bench-baseline-sub", {topic}, [&received](const sync::MqttMessage& m) {
        auto message = json::parse(m.payload, nullptr, false);
        if (!message.is_discarded())
          received += static_cast<std::int64_t>(message["events"].size());
      });
  if (!subscriber) return tl::unexpected(subscriber.error());
  try {
    mqtt::async_client client(uri, "bench-baseline-pub");
    auto options = mqtt::connect_options_builder().clean_session(true).finalize();
    client.connect(options)->wait();
    const auto start = BenchClock::now();
    std::deque<mqtt::delivery_token_ptr> window;
    for (const auto& payload : payloads) {
      if (window.size() >= 8) {
        window.front()->wait();
        window.pop_front();
      }
      window.push_back(client.publish(topic, payload.data(), payload.size(), 1, false));
    }
    for (auto& token : window)
      token->wait();
    const auto deadline = BenchClock::now() + std::chrono::seconds(60);
    while (received < events && BenchClock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    const double seconds = seconds_between(start, BenchClock::now());
    client.disconnect()->wait();
    if (received < events) return fail("timeout", "the baseline subscriber missed events");
    return seconds;
  } catch (const mqtt::exception& e) {
    return fail(std::string(errc::kIo), std::string("paho: ") + e.what());
  }
}

}  // namespace

int run_drain_bench(const DrainBenchOptions& options) {
  const auto dir = options.work / "drain";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto db_path = dir / "witryna.db";
  const auto queue_start = BenchClock::now();
  if (auto ok = queue_events(db_path, options.events); !ok) return drain_error("queue", ok.error());
  std::printf("outbox: %zu events queued with store::append_event in %.1f s\n", options.events,
              seconds_between(queue_start, BenchClock::now()));
  std::fflush(stdout);

  test::Mosquitto broker;
  if (auto ok = broker.start(); !ok) return drain_error("mosquitto", ok.error());
  auto topics = sync::core::Topics::make({kBrand, kStore, kDevice, {}});
  if (!topics) return drain_error("topics", topics.error());
  const auto expected = static_cast<std::int64_t>(options.events);
  AckingCentral central(topics->acks(), expected);
  std::mutex payloads_mutex;
  std::vector<std::string> payloads;  // what central received, for the baseline
  MqttPeer* peer_ptr = nullptr;
  std::atomic<bool> peer_ready = false;
  auto peer = MqttPeer::start(broker.plain_uri(), "bench-central",
                              {topics->events(), topics->state()}, [&](const sync::MqttMessage& m) {
                                if (!peer_ready) return;
                                if (m.topic.ends_with("/events")) {
                                  const std::lock_guard lock(payloads_mutex);
                                  payloads.push_back(m.payload);
                                }
                                central.on_message(*peer_ptr, m);
                              });
  if (!peer) return drain_error("central", peer.error());
  peer_ptr = peer->get();
  peer_ready = true;

  const auto load_before = load_average();
  const auto spawned = BenchClock::now();
  auto edge = EdgeProcess::start({dir / "edge", db_path, broker.plain_uri()});
  if (!edge) return drain_error("edge", edge.error());
  const auto deadline = BenchClock::now() + kDrainDeadline;
  while (!central.done() && BenchClock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  // Acked means deleted: wait until the edge's outbox is empty too.
  auto watch_db = store::open_store(db_path);
  if (!watch_db) return drain_error("open store", watch_db.error());
  std::optional<BenchClock::time_point> emptied;
  while (central.done() && BenchClock::now() < deadline) {
    auto left = store::query_int(*watch_db, "SELECT count(*) FROM outbox");
    if (left && left->value_or(1) == 0) {
      emptied = BenchClock::now();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  const auto load_after = load_average();
  const double peak_rss = edge->peak_rss_mib();
  auto stopped = edge->stop();
  peer->reset();  // no message handler runs after this
  if (!central.done()) {
    return drain_error("drain",
                       Error{"timeout", "central got up to n " + std::to_string(central.highest()) +
                                            " of " + std::to_string(expected)});
  }
  if (!stopped) return drain_error("edge stop", stopped.error());

  const auto from =
      central.online_at() != BenchClock::time_point{} ? central.online_at() : central.first();
  const double seconds = seconds_between(from, central.done_at());
  const double rate = static_cast<double>(expected) / seconds;
  auto baseline = bare_paho_seconds(broker.plain_uri(), payloads, expected);
  if (!baseline) return drain_error("baseline", baseline.error());
  const bool exact = central.duplicates() == 0 && central.out_of_order() == 0 &&
                     central.malformed() == 0 && central.highest() == expected;

  std::printf(
      "\noutbox drain of %lld events after connect (%s build; load average %s before, %s "
      "after)\n",
      static_cast<long long>(expected), kBuildType, load_before.c_str(), load_after.c_str());
  std::printf("  edge online (birth) → central acked all  %7.2f s  %9.0f events/s\n", seconds,
              rate);
  std::printf("  of which central handling the messages   %7.2f s\n", central.busy_seconds());
  std::printf("  edge process start → edge online         %7.2f s\n",
              seconds_between(spawned, from));
  std::printf("  … → outbox empty in the edge's store     %7.2f s\n",
              emptied ? seconds_between(from, *emptied) : -1.0);
  std::printf(
      "  messages %lld (%.0f events each); duplicates %lld, out of order %lld, "
      "malformed %lld: %s\n",
      static_cast<long long>(central.messages()),
      static_cast<double>(expected) / static_cast<double>(central.messages()),
      static_cast<long long>(central.duplicates()), static_cast<long long>(central.out_of_order()),
      static_cast<long long>(central.malformed()),
      exact ? "each event exactly once, in order of n" : "NOT exactly once in order");
  std::printf("  edge peak RSS                            %7.1f MiB\n", peak_rss);
  std::printf(
      "  baseline, bare Paho QoS 1 of the same %zu messages, 8 in flight: %.2f s  %9.0f "
      "events/s\n",
      payloads.size(), *baseline, static_cast<double>(expected) / *baseline);
  std::printf("  target ≥ %.0f events/s: %s\n", kTargetPerSecond,
              rate >= kTargetPerSecond ? "MET" : "MISSED");
  return exact && emptied ? 0 : 1;
}

}  // namespace witryna::bench
