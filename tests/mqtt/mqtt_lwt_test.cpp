// Last Will (mqtt.md): retained on the device's state topic when the device
// dies without a DISCONNECT; not sent after a clean disconnect.

#include <gtest/gtest.h>

#include <csignal>

#include "sync/mqtt/mqtt_client.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::sync {
namespace mqtt_lwt_test {
namespace {

constexpr const char* kDevice = "PL-WAW-001-edge1";
constexpr const char* kStateTopic = "witryna/v1/acme/device/PL-WAW-001-edge1/state";
constexpr const char* kBirth =
    R"({"device":"PL-WAW-001-edge1","store":"PL-WAW-001","status":"online"})";
constexpr const char* kWill =
    R"({"device":"PL-WAW-001-edge1","store":"PL-WAW-001","status":"offline"})";

class MqttLwtTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
  }

  test::Mosquitto broker_;
  test::TestEventLoop loop_;
};

TEST_F(MqttLwtTest, WillIsPublishedRetainedWhenTheDeviceProcessIsKilled) {
  auto fleet = MqttPeer::create(loop_, plain_options(broker_, "fleet"));
  ASSERT_TRUE(fleet);
  ASSERT_TRUE(fleet->connect());
  ASSERT_TRUE(ok(fleet->subscribe(kStateTopic, 1)));

  auto child = test::ChildProcess::spawn(
      {WITRYNA_MQTT_LWT_CHILD, broker_.plain_uri(), kDevice, kStateTopic, kBirth, kWill});
  ASSERT_TRUE(child) << child.error().context;
  ASSERT_TRUE(fleet->wait_messages(1)) << broker_.log();
  EXPECT_EQ(fleet->messages.back().payload, kBirth);

  child->signal(SIGKILL);
  ASSERT_TRUE(child->wait_for(std::chrono::seconds(5)));
  ASSERT_TRUE(fleet->wait_messages(2)) << broker_.log();
  EXPECT_EQ(fleet->messages.back().topic, kStateTopic);
  EXPECT_EQ(fleet->messages.back().payload, kWill);

  // Whoever looks later finds the will as the retained state.
  auto later = MqttPeer::create(loop_, plain_options(broker_, "dashboard"));
  ASSERT_TRUE(later);
  ASSERT_TRUE(later->connect());
  ASSERT_TRUE(ok(later->subscribe(kStateTopic, 1)));
  ASSERT_TRUE(later->wait_messages(1));
  EXPECT_EQ(later->messages.front().payload, kWill);
  EXPECT_TRUE(later->messages.front().retained);
}

TEST_F(MqttLwtTest, CleanDisconnectDoesNotSendTheWill) {
  auto fleet = MqttPeer::create(loop_, plain_options(broker_, "fleet"));
  ASSERT_TRUE(fleet);
  ASSERT_TRUE(fleet->connect());
  ASSERT_TRUE(ok(fleet->subscribe(kStateTopic, 1)));

  MqttOptions options = plain_options(broker_, kDevice);
  options.will = MqttWill{kStateTopic, kWill, 1, true};
  auto device = MqttPeer::create(loop_, options);
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect());
  // The owner publishes its own offline state, then disconnects.
  ASSERT_TRUE(ok(device->publish(kStateTopic, "clean offline", 1, true)));
  ASSERT_TRUE(ok(device->disconnect()));
  ASSERT_TRUE(fleet->wait_messages(1));
  EXPECT_EQ(fleet->messages.front().payload, "clean offline");
  // The broker has seen the DISCONNECT once its log says so; no will follows.
  ASSERT_TRUE(loop_.run_until([&] {
    return broker_.log().find(std::string("Client ") + kDevice + " disconnected") !=
           std::string::npos;
  }));
  loop_.run_for(std::chrono::milliseconds(100));
  EXPECT_EQ(fleet->messages.size(), 1u);
}

}  // namespace
}  // namespace mqtt_lwt_test
}  // namespace witryna::sync
