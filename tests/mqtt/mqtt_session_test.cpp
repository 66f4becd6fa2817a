// Persistent sessions (clean session false, mqtt.md) and broker restarts.

#include <gtest/gtest.h>

#include "sync/mqtt/mqtt_client.hpp"
#include "sync/mqtt/mqtt_errors.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::sync {
namespace mqtt_session_test {
namespace {

constexpr const char* kDevice = "PL-WAW-001-edge1";
constexpr const char* kTopic = "witryna/v1/acme/store/PL-WAW-001/profiles";

class MqttSessionTest : public ::testing::TestWithParam<MqttVersion> {
 protected:
  void SetUp() override {
    const auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
  }

  std::unique_ptr<MqttPeer> peer(const std::string& client_id) {
    MqttOptions options = plain_options(broker_, client_id);
    options.version = GetParam();
    return MqttPeer::create(loop_, options);
  }

  void publish_all(const std::vector<std::string>& payloads) {
    auto publisher = peer("central-sim");
    ASSERT_TRUE(publisher);
    ASSERT_TRUE(publisher->connect());
    for (const auto& payload : payloads)
      ASSERT_TRUE(ok(publisher->publish(kTopic, payload, 1)));
    ASSERT_TRUE(ok(publisher->disconnect()));
  }

  static std::vector<std::string> payloads_of(const MqttPeer& peer) {
    std::vector<std::string> out;
    for (const auto& message : peer.messages)
      out.push_back(message.payload);
    return out;
  }

  test::Mosquitto broker_;
  test::TestEventLoop loop_;
};

TEST_P(MqttSessionTest, Qos1MessagesPublishedWhileAwayArriveOnReturn) {
  {
    auto device = peer(kDevice);
    ASSERT_TRUE(device);
    ASSERT_TRUE(device->connect());
    EXPECT_FALSE(device->session_present);
    ASSERT_TRUE(ok(device->subscribe(kTopic, 1)));
    ASSERT_TRUE(ok(device->disconnect()));
  }
  publish_all({"p1", "p2", "p3", "p4", "p5"});

  // A new client object, as after a restart of the service.
  auto device = peer(kDevice);
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect());
  EXPECT_TRUE(device->session_present);
  ASSERT_TRUE(device->wait_messages(5));
  EXPECT_EQ(payloads_of(*device), (std::vector<std::string>{"p1", "p2", "p3", "p4", "p5"}));
  // The broker saw the protocol asked for (mosquitto: p2 = 3.1.1, p5 = 5),
  // without clean session/start and with our keep alive.
  const std::string seen = std::string("as ") + kDevice +
                           (GetParam() == MqttVersion::kV5 ? " (p5, c0, k30)" : " (p2, c0, k30)");
  EXPECT_NE(broker_.log().find(seen), std::string::npos) << broker_.log();
}

TEST_P(MqttSessionTest, SameClientReconnectsToItsSession) {
  auto device = peer(kDevice);
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect());
  ASSERT_TRUE(ok(device->subscribe(kTopic, 1)));
  ASSERT_TRUE(ok(device->disconnect()));
  publish_all({"a", "b"});
  ASSERT_TRUE(device->connect());
  EXPECT_TRUE(device->session_present);
  ASSERT_TRUE(device->wait_messages(2));
  EXPECT_EQ(payloads_of(*device), (std::vector<std::string>{"a", "b"}));
}

TEST_P(MqttSessionTest, BrokerRestartDisconnectsAndTheOwnersReconnectResumesTheSession) {
  auto device = peer(kDevice);
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect());
  ASSERT_TRUE(ok(device->subscribe(kTopic, 1)));

  ASSERT_TRUE(broker_.stop());
  ASSERT_TRUE(loop_.run_until([&] { return !device->disconnects.empty(); }));
  EXPECT_EQ(device->disconnects.front().code, mqtt_errc::kConnectionLost);
  EXPECT_FALSE(device->client->is_connected());
  const auto publish = device->publish(kTopic, "while down", 1);
  ASSERT_FALSE(publish);
  EXPECT_EQ(publish.error().code, mqtt_errc::kNotConnected);

  // The owner's next attempt fails while the broker is down...
  EXPECT_FALSE(device->connect());
  EXPECT_EQ(device->disconnects.back().code, mqtt_errc::kConnectFailed);

  // ...and succeeds once it is back (persistence kept the session). Paho C
  // can fail the first attempt after a refused one without reaching the
  // broker (MQTTASYNC_FAILURE, seen about once in 20 runs); the service's
  // owner retries with backoff, so the test retries as the owner does.
  ASSERT_TRUE(broker_.start());
  bool reconnected = false;
  std::vector<std::string> failures;
  for (int attempt = 0; attempt < 5 && !reconnected; ++attempt) {
    reconnected = device->connect();
    if (!reconnected) failures.push_back(device->last_connect_failure);
  }
  ASSERT_TRUE(reconnected) << ::testing::PrintToString(failures) << "\n" << broker_.log();
  EXPECT_LE(failures.size(), 1u) << ::testing::PrintToString(failures);
  EXPECT_TRUE(device->session_present);
  publish_all({"after restart"});
  ASSERT_TRUE(device->wait_messages(1));
  EXPECT_EQ(device->messages.back().payload, "after restart");
}

TEST_P(MqttSessionTest, MessagesQueuedForAnAbsentDeviceSurviveABrokerRestart) {
  {
    auto device = peer(kDevice);
    ASSERT_TRUE(device);
    ASSERT_TRUE(device->connect());
    ASSERT_TRUE(ok(device->subscribe(kTopic, 1)));
    ASSERT_TRUE(ok(device->disconnect()));
  }
  publish_all({"q1", "q2", "q3"});
  ASSERT_TRUE(broker_.restart());

  auto device = peer(kDevice);
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect());
  ASSERT_TRUE(device->wait_messages(3));
  EXPECT_EQ(payloads_of(*device), (std::vector<std::string>{"q1", "q2", "q3"}));
}

INSTANTIATE_TEST_SUITE_P(Versions, MqttSessionTest,
                         ::testing::Values(MqttVersion::kV3_1_1, MqttVersion::kV5),
                         [](const auto& version) {
                           return version.param == MqttVersion::kV5 ? std::string("v5")
                                                                    : std::string("v3_1_1");
                         });

}  // namespace
}  // namespace mqtt_session_test
}  // namespace witryna::sync
