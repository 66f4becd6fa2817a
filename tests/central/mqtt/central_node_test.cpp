// The central simulator's node against a real mosquitto, with a raw MQTT
// client playing the device: resync → snapshot parts, cumulative acks that
// drop duplicates, code claims, faults, mutual TLS.

#include "tools/central/central_node.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "edge/core/codec/envelope_codec.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"
#include "tests/support/tls_certs.hpp"

namespace witryna::central {
namespace central_node_test {
namespace {

using sync::MqttPeer;
using sync::ok;

constexpr const char* kDevice = "PL-WAW-001-edge1";
constexpr const char* kRoot = "witryna/v1/acme/store/PL-WAW-001/";

WorldState small_world(ClaimBook& claims) {
  WorldState world;
  for (const char* sku : {"A", "B", "C", "D", "E"}) {
    (void)world.put(Stream::kCatalog, {{"kind", "product"}, {"sku", sku}, {"ver", 1}});
    (void)world.put(Stream::kStock, {{"sku", sku}, {"on_hand", 2}, {"reserved", 0}, {"ver", 1}});
  }
  const Json code = {{"code_hash", "brand-code"},
                     {"valid_to", "2099-01-01T00:00:00Z"},
                     {"max_uses", 1},
                     {"scope", "brand"},
                     {"ver", 1},
                     {"benefit", {{"type", "amount"}, {"value", 1}}}};
  (void)world.put(Stream::kCodes, code);
  claims.learn(code);
  return world;
}

std::vector<Json> read_log(const std::filesystem::path& file) {
  std::vector<Json> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    out.push_back(Json::parse(line));
  return out;
}

std::vector<Json> of_kind(const std::vector<Json>& log, const std::string& kind) {
  std::vector<Json> out;
  for (const auto& entry : log) {
    if (entry["kind"] == kind) out.push_back(entry);
  }
  return out;
}

class CentralNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
  }

  void start_node(sync::MqttOptions mqtt) {
    NodeOptions options;
    options.mqtt = std::move(mqtt);
    options.received_log = dir_ / "received.jsonl";
    options.snapshot_part_items = 2;
    options.publish_initial = false;
    options.log = [](const std::string&) {};
    options.sha256_hex = [](std::string_view text) { return "sha-" + std::string(text); };
    ClaimBook claims;
    WorldState world = small_world(claims);
    auto topics = central_topics("acme", "PL-WAW-001");
    ASSERT_TRUE(topics);
    node_ = std::make_unique<CentralNode>(loop_.io(), options, std::move(*topics), std::move(world),
                                          std::move(claims), EventBook{}, SavedCounters{});
    ASSERT_TRUE(node_->start());
    ASSERT_TRUE(loop_.run_until([&] { return node_->connected(); }));
  }

  void start_plain() { start_node(sync::plain_options(broker_, "central-acme")); }

  std::unique_ptr<MqttPeer> device() {
    auto peer = MqttPeer::create(loop_, sync::plain_options(broker_, kDevice));
    EXPECT_TRUE(peer && peer->connect());
    return peer;
  }

  Reply run(const std::string& line) {
    auto parsed = parse_control_line(line);
    EXPECT_TRUE(parsed) << line;
    return node_->execute(*parsed);
  }

  std::vector<Json> on_topic(const MqttPeer& peer, const std::string& leaf) const {
    std::vector<Json> out;
    for (const auto& m : peer.messages) {
      if (m.topic == std::string(kRoot) + leaf)
        out.push_back(Json::parse(m.payload, nullptr, false));
    }
    return out;
  }

  test::TempDir dir_;
  test::Mosquitto broker_;
  test::TestEventLoop loop_;
  std::unique_ptr<CentralNode> node_;
};

TEST_F(CentralNodeTest, ResyncIsAnsweredWithSnapshotPartsOnTheStreamTopic) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "stock")));
  ASSERT_TRUE(run("stock A 9").ok);  // live message seq 1
  ASSERT_TRUE(peer->wait_messages(1));

  ASSERT_TRUE(ok(peer->publish(
      std::string(kRoot) + "resync",
      Json{{"stream", "stock"}, {"have_seq", 0}, {"device", kDevice}, {"request", "r-1"}}.dump())));
  ASSERT_TRUE(peer->wait_messages(4));  // 1 live + 3 parts of 2, 2, 1 items
  const auto messages = on_topic(*peer, "stock");
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0]["seq"], 1);
  std::set<std::string> skus;
  std::string id;
  for (std::size_t i = 1; i < messages.size(); ++i) {
    auto parsed = core::parse_envelope(messages[i]);
    ASSERT_TRUE(parsed) << parsed.error().code;
    ASSERT_TRUE(parsed->snapshot);
    if (id.empty()) id = parsed->snapshot->id;
    EXPECT_EQ(parsed->snapshot->id, id);
    EXPECT_EQ(parsed->snapshot->part, static_cast<std::int64_t>(i));
    EXPECT_EQ(parsed->snapshot->parts, 3);
    EXPECT_EQ(parsed->snapshot->upto_seq, 1);
    for (const auto& item : parsed->items)
      skus.insert(item["sku"].get<std::string>());
  }
  EXPECT_EQ(skus, (std::set<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_EQ(of_kind(read_log(dir_ / "received.jsonl"), "resync").size(), 1u);
}

TEST_F(CentralNodeTest, EventsAreAckedCumulativelyAndDuplicatesDropped) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "acks")));
  const auto events = [](std::initializer_list<int> ns) {
    Json list = Json::array();
    for (int n : ns)
      list.push_back({{"n", n}, {"type", "scan"}, {"at", "2026-11-22T10:00:00Z"}});
    return Json{{"device", kDevice}, {"events", list}}.dump();
  };
  ASSERT_TRUE(ok(peer->publish(std::string(kRoot) + "events", events({1, 2, 3}))));
  ASSERT_TRUE(peer->wait_messages(1));
  // The ack was "lost": the device sends 2..4 again.
  ASSERT_TRUE(ok(peer->publish(std::string(kRoot) + "events", events({2, 3, 4}))));
  ASSERT_TRUE(peer->wait_messages(2));
  const auto acks = on_topic(*peer, "acks");
  ASSERT_EQ(acks.size(), 2u);
  EXPECT_EQ(acks[0], (Json{{"device", kDevice}, {"upto", 3}}));
  EXPECT_EQ(acks[1], (Json{{"device", kDevice}, {"upto", 4}}));

  const auto log = read_log(dir_ / "received.jsonl");
  std::vector<int> fresh;
  for (const auto& e : of_kind(log, "event"))
    fresh.push_back(e["event"]["n"].get<int>());
  EXPECT_EQ(fresh, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(of_kind(log, "duplicate").size(), 2u);
  EXPECT_EQ(node_->events().upto(kDevice), 4);
}

TEST_F(CentralNodeTest, ClaimsAreAnsweredAndABrandCodeIsUsedOnce) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "claims/result")));
  const auto claim = [&](const std::string& id, const std::string& hash) {
    return peer->publish(std::string(kRoot) + "claims", Json{{"claim", id},
                                                             {"device", kDevice},
                                                             {"till", "T1"},
                                                             {"code_hash", hash},
                                                             {"at", "2026-11-22T10:00:00Z"}}
                                                            .dump());
  };
  ASSERT_TRUE(ok(claim("c-1", "brand-code")));
  ASSERT_TRUE(ok(claim("c-2", "brand-code")));
  ASSERT_TRUE(ok(claim("c-3", "no-such-code")));
  ASSERT_TRUE(peer->wait_messages(3));
  const auto results = on_topic(*peer, "claims/result");
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0], (Json{{"claim", "c-1"}, {"result", "granted"}}));
  EXPECT_EQ(results[1], (Json{{"claim", "c-2"}, {"result", "already_used"}}));
  EXPECT_EQ(results[2], (Json{{"claim", "c-3"}, {"result", "unknown"}}));
}

TEST_F(CentralNodeTest, DroppedMessageLeavesASeqGapAndWithheldAcksComeOnRelease) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "stock")));
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "acks")));
  ASSERT_TRUE(run("fault drop 1").ok);
  ASSERT_TRUE(run("stock A 1").ok);
  ASSERT_TRUE(run("stock A 2").ok);
  ASSERT_TRUE(peer->wait_messages(1));
  loop_.run_for(std::chrono::milliseconds(200));
  auto stock = on_topic(*peer, "stock");
  ASSERT_EQ(stock.size(), 1u);
  EXPECT_EQ(stock[0]["seq"], 2);  // seq 1 was dropped: the device sees a gap

  ASSERT_TRUE(run("fault withhold-acks on").ok);
  ASSERT_TRUE(ok(
      peer->publish(std::string(kRoot) + "events",
                    Json{{"device", kDevice}, {"events", {{{"n", 1}, {"type", "scan"}}}}}.dump())));
  ASSERT_TRUE(loop_.run_until([&] { return node_->events().upto(kDevice) == 1; }));
  loop_.run_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(on_topic(*peer, "acks").empty());
  ASSERT_TRUE(run("fault withhold-acks off").ok);
  ASSERT_TRUE(peer->wait_messages(2));
  EXPECT_EQ(on_topic(*peer, "acks").at(0), (Json{{"device", kDevice}, {"upto", 1}}));
}

TEST_F(CentralNodeTest, GarbageAndDuplicatesAreInjectedOnCommand) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "stock")));
  ASSERT_TRUE(run("fault duplicate 1").ok);
  ASSERT_TRUE(run("stock B 5").ok);
  ASSERT_TRUE(run("fault garbage streams").ok);
  ASSERT_TRUE(peer->wait_messages(3));
  const auto stock = on_topic(*peer, "stock");
  ASSERT_EQ(stock.size(), 3u);
  EXPECT_EQ(stock[0]["seq"], 1);
  EXPECT_EQ(stock[1]["seq"], 1);         // the same message twice
  EXPECT_TRUE(stock[2].is_discarded());  // not JSON
}

TEST_F(CentralNodeTest, SilentCentralAnswersNothing) {
  start_plain();
  auto peer = device();
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "#")));
  ASSERT_TRUE(run("fault silent on").ok);
  ASSERT_TRUE(ok(peer->publish(std::string(kRoot) + "claims",
                               R"({"claim":"c-9","device":"x","code_hash":"brand-code"})")));
  ASSERT_TRUE(peer->wait_messages(1));  // its own claim, echoed by the # subscription
  loop_.run_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(on_topic(*peer, "claims/result").empty());
  EXPECT_EQ(node_->claims().uses("brand-code"), 0);
}

TEST(CentralNodeTlsTest, ConnectsWithMutualTls) {
  test::TlsCerts certs;
  test::MosquittoConfig config;
  config.plain_listener = false;
  config.tls = test::MosquittoTls{certs.ca_file(), certs.server().cert, certs.server().key};
  test::Mosquitto broker(config);
  ASSERT_TRUE(broker.start());
  test::TestEventLoop loop;
  const test::CertFiles central_cert = certs.issue_client("central-acme");

  NodeOptions options;
  options.mqtt.server_uri = broker.tls_uri();
  options.mqtt.client_id = "central-acme";
  options.mqtt.tls = sync::MqttTls{certs.ca_file(), central_cert.cert, central_cert.key, true};
  options.publish_initial = false;
  options.log = [](const std::string&) {};
  options.sha256_hex = [](std::string_view text) { return "sha-" + std::string(text); };
  ClaimBook claims;
  auto topics = central_topics("acme", "PL-WAW-001");
  ASSERT_TRUE(topics);
  CentralNode node(loop.io(), options, std::move(*topics), small_world(claims), std::move(claims),
                   EventBook{}, SavedCounters{});
  ASSERT_TRUE(node.start());
  ASSERT_TRUE(loop.run_until([&] { return node.connected(); })) << broker.log();

  sync::MqttOptions device_options;
  device_options.server_uri = broker.tls_uri();
  device_options.client_id = kDevice;
  device_options.tls =
      sync::MqttTls{certs.ca_file(), certs.device().cert, certs.device().key, true};
  auto peer = MqttPeer::create(loop, device_options);
  ASSERT_TRUE(peer && peer->connect());
  ASSERT_TRUE(ok(peer->subscribe(std::string(kRoot) + "codes")));
  ASSERT_TRUE(ok(peer->publish(
      std::string(kRoot) + "resync",
      R"({"stream":"codes","have_seq":0,"device":"PL-WAW-001-edge1","request":"r"})")));
  ASSERT_TRUE(peer->wait_messages(1));
  const Json part = Json::parse(peer->messages[0].payload);
  EXPECT_EQ(part["snapshot"]["parts"], 1);
  EXPECT_EQ(part["items"][0]["code_hash"], "brand-code");
}

}  // namespace
}  // namespace central_node_test
}  // namespace witryna::central
