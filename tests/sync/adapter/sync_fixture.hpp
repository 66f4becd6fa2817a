#pragma once
// A device (SyncService on a real SQLite store in a temp folder) and a small
// "central" (a raw MqttClient) on a real mosquitto, all on one test loop.

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "edge/store/store.hpp"
#include "sync/adapter/clock.hpp"
#include "sync/adapter/sync_service.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::sync::test_support {

inline constexpr const char* kDevice = "PL-WAW-001-edge1";
inline constexpr const char* kRoot = "witryna/v1/acme";
inline const std::string kStoreRoot = std::string(kRoot) + "/store/PL-WAW-001";
inline const std::string kStateTopic = std::string(kRoot) + "/device/" + kDevice + "/state";

inline service::Config device_config(const std::string& broker_uri,
                                     const std::filesystem::path& dir) {
  service::Config config;
  config.device.id = kDevice;
  config.device.brand = "acme";
  config.device.store = "PL-WAW-001";
  config.device.group = "pilot";
  config.mqtt.broker = broker_uri;
  config.mqtt.allow_plain_loopback = true;
  config.storage.state_dir = dir;
  config.storage.db_path = dir / "witryna.db";
  config.sync.ack_timeout_s = 1;
  return config;
}

inline SyncOptions fast_options() {
  SyncOptions options;
  options.version = "1.4.2";
  options.tick = std::chrono::milliseconds(10);
  options.backoff.base = Millis(20);
  options.backoff.cap = Millis(200);
  options.claims.timeout = Millis(300);
  return options;
}

inline nlohmann::json stock(const std::string& sku, std::int64_t ver, int on_hand = 4) {
  return {{"sku", sku}, {"on_hand", on_hand}, {"reserved", 0}, {"ver", ver}};
}
inline nlohmann::json deleted_stock(const std::string& sku, std::int64_t ver) {
  return {{"sku", sku}, {"deleted", true}, {"ver", ver}};
}
inline std::string live(const std::string& stream, std::int64_t seq, nlohmann::json items) {
  return nlohmann::json{{"stream", stream},
                        {"seq", seq},
                        {"sent", "2026-11-22T10:00:00.123Z"},
                        {"items", std::move(items)}}
      .dump();
}
inline std::string part(const std::string& stream, const std::string& id, int n, int parts,
                        std::int64_t upto, nlohmann::json items) {
  return nlohmann::json{
      {"stream", stream},
      {"snapshot", {{"id", id}, {"part", n}, {"parts", parts}, {"upto_seq", upto}}},
      {"items", std::move(items)}}
      .dump();
}
inline std::string stream_topic(const std::string& stream) {
  if (stream == "catalog") return std::string(kRoot) + "/catalog";
  if (stream == "nearby") return std::string(kRoot) + "/nearby/PL-WAW-001";
  return kStoreRoot + "/" + stream;
}

class SyncFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
    config_ = device_config(broker_.plain_uri(), dir_.path());
  }
  void TearDown() override {
    device_.reset();
    central_.reset();
  }

  // The central peer: subscribed to everything the device sends.
  void start_central() {
    central_ = MqttPeer::create(loop_, plain_options(broker_, "central-sim"));
    ASSERT_TRUE(central_);
    ASSERT_TRUE(central_->connect());
    ASSERT_TRUE(ok(central_->subscribe(kStoreRoot + "/events")));
    ASSERT_TRUE(ok(central_->subscribe(kStoreRoot + "/resync")));
    ASSERT_TRUE(ok(central_->subscribe(kStoreRoot + "/claims")));
    ASSERT_TRUE(ok(central_->subscribe(std::string(kRoot) + "/device/+/state")));
    ASSERT_TRUE(ok(central_->subscribe(std::string(kRoot) + "/device/+/cmd/result")));
  }

  void start_device() {
    device_ = std::make_unique<SyncService>(loop_.io(), config_, options_);
    device_->on_applied = [this](std::string_view stream) { applied_.emplace_back(stream); };
    device_->on_link = [this](bool online, std::optional<TimePoint>) { links_.push_back(online); };
    device_->on_synced = [this](TimePoint last_sync) { synced_.push_back(last_sync); };
    auto started = device_->start();
    ASSERT_TRUE(started) << started.error().code << ": " << started.error().context;
    ASSERT_TRUE(loop_.run_until([&] { return device_->connected(); }));
  }

  // Answers the first-connect resync requests with empty snapshots, so that
  // every stream is idle (no outstanding request) afterwards.
  void answer_initial_resyncs() {
    ASSERT_TRUE(loop_.run_until([&] { return on_topic(kStoreRoot + "/resync").size() >= 6; }));
    int n = 0;
    for (const auto& request : on_topic(kStoreRoot + "/resync")) {
      const auto stream = request["stream"].get<std::string>();
      publish(stream, part(stream, "init-" + stream + std::to_string(++n), 1, 1, 0,
                           nlohmann::json::array()));
    }
    ASSERT_TRUE(loop_.run_until([&] {
      if (!device_->inbound()->idle()) return false;
      for (const auto s : core::kAllStreams)
        if (device_->inbound()->sync().stream(s).outstanding_request()) return false;
      return true;
    }));
    resync_seen_ = on_topic(kStoreRoot + "/resync").size();
  }

  void publish(const std::string& stream, const std::string& payload) {
    ASSERT_TRUE(ok(central_->publish(stream_topic(stream), payload, 1)));
  }

  // Runs until the device has applied everything it received.
  [[nodiscard]] bool settle(std::size_t applied_at_least) {
    return loop_.run_until(
        [&] { return applied_.size() >= applied_at_least && device_->inbound()->idle(); });
  }

  std::vector<nlohmann::json> on_topic(const std::string& topic) const {
    std::vector<nlohmann::json> out;
    for (const auto& m : central_->messages) {
      if (m.topic == topic && !m.payload.empty()) {
        out.push_back(nlohmann::json::parse(m.payload, nullptr, false));
      }
    }
    return out;
  }

  // Every event n central has received, in arrival order (duplicates kept).
  std::vector<std::int64_t> received_ns() const {
    std::vector<std::int64_t> ns;
    for (const auto& batch : on_topic(kStoreRoot + "/events"))
      for (const auto& e : batch["events"])
        ns.push_back(e["n"].get<std::int64_t>());
    return ns;
  }

  store::Database reader() {
    auto db = store::open_store(config_.storage.db_path);
    EXPECT_TRUE(db);
    return std::move(*db);
  }

  void append_events(const std::vector<std::string>& types) {
    auto db = reader();
    for (const auto& type : types) {
      auto tx = store::Transaction::begin(db);
      ASSERT_TRUE(tx);
      domain::Event event{type, wall_now(), {{"screen", "kiosk-1"}}};
      ASSERT_TRUE(store::append_event(*tx, event));
      ASSERT_TRUE(tx->commit());
    }
  }

  std::optional<store::StoredVersion> stock_version(const std::string& sku) {
    auto db = reader();
    auto v = store::stored_version(db, store::EntityKind::kStock, sku);
    EXPECT_TRUE(v);
    return v ? *v : std::nullopt;
  }

  test::Mosquitto broker_;
  test::TempDir dir_;
  test::TestEventLoop loop_;
  service::Config config_;
  SyncOptions options_ = fast_options();
  std::unique_ptr<MqttPeer> central_;
  std::unique_ptr<SyncService> device_;
  std::vector<std::string> applied_;
  std::vector<bool> links_;
  std::vector<TimePoint> synced_;  // what each on_synced told
  std::size_t resync_seen_ = 0;
};

}  // namespace witryna::sync::test_support
