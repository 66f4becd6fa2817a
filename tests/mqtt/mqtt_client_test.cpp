// MqttClient against a real mosquitto on loopback: plain TCP basics.

#include "sync/mqtt/mqtt_client.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "sync/mqtt/mqtt_errors.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::sync {
namespace mqtt_client_test {
namespace {

constexpr const char* kTopic = "witryna/v1/acme/store/PL-WAW-001/stock";

class MqttClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
  }

  std::unique_ptr<MqttPeer> peer(const std::string& client_id) {
    return MqttPeer::create(loop_, plain_options(broker_, client_id));
  }

  test::Mosquitto broker_;
  test::TestEventLoop loop_;
};

TEST_F(MqttClientTest, PublishesAndReceivesQos1WithHandlersOnTheLoopThread) {
  auto subscriber = peer("sub-1");
  auto publisher = peer("pub-1");
  ASSERT_TRUE(subscriber && publisher);
  ASSERT_TRUE(subscriber->connect());
  ASSERT_TRUE(publisher->connect());
  EXPECT_TRUE(subscriber->client->is_connected());
  EXPECT_FALSE(subscriber->session_present);  // first connection ever

  ASSERT_TRUE(ok(subscriber->subscribe(kTopic, 1)));
  ASSERT_TRUE(ok(publisher->publish(kTopic, R"({"stream":"stock","seq":1})", 1)));
  ASSERT_TRUE(subscriber->wait_messages(1));

  const MqttMessage& got = subscriber->messages.front();
  EXPECT_EQ(got.topic, kTopic);
  EXPECT_EQ(got.payload, R"({"stream":"stock","seq":1})");
  EXPECT_EQ(got.qos, 1);
  EXPECT_FALSE(got.retained);
  // The loop runs on this (the test's) thread; Paho's threads only post.
  for (const auto id : subscriber->handler_threads)
    EXPECT_EQ(id, std::this_thread::get_id());
  EXPECT_GE(subscriber->handler_threads.size(), 2u);
}

TEST_F(MqttClientTest, SubscriptionsMadeBeforeConnectAreSentOnConnect) {
  auto subscriber = peer("sub-early");
  auto publisher = peer("pub-early");
  ASSERT_TRUE(subscriber && publisher);
  ASSERT_TRUE(ok(subscriber->subscribe("witryna/v1/acme/store/+/stock", 1)));
  ASSERT_TRUE(subscriber->connect());
  ASSERT_TRUE(publisher->connect());
  // The SUBSCRIBE left before on_connected, but the broker may read the
  // publisher's connection first: publish until one arrives.
  ASSERT_TRUE(loop_.run_until([&] {
    if (!subscriber->messages.empty()) return true;
    EXPECT_TRUE(ok(publisher->publish(kTopic, "x", 1)));
    return !subscriber->messages.empty();
  }));
  EXPECT_EQ(subscriber->messages.front().topic, kTopic);
  EXPECT_TRUE(subscriber->errors.empty());
}

TEST_F(MqttClientTest, RetainedMessageReachesALateSubscriberMarkedRetained) {
  auto publisher = peer("pub-retained");
  auto late = peer("late");
  ASSERT_TRUE(publisher && late);
  ASSERT_TRUE(publisher->connect());
  ASSERT_TRUE(ok(publisher->publish("witryna/v1/acme/device/d1/desired", "cfg-7", 1, true)));
  ASSERT_TRUE(late->connect());
  ASSERT_TRUE(ok(late->subscribe("witryna/v1/acme/device/d1/desired")));
  ASSERT_TRUE(late->wait_messages(1));
  EXPECT_EQ(late->messages.front().payload, "cfg-7");
  EXPECT_TRUE(late->messages.front().retained);
}

TEST_F(MqttClientTest, PublishWithoutConnectionFailsNotConnected) {
  auto client = peer("idle");
  ASSERT_TRUE(client);
  const auto published = client->publish(kTopic, "x", 1);
  ASSERT_FALSE(published);
  EXPECT_EQ(published.error().code, mqtt_errc::kNotConnected);
}

TEST_F(MqttClientTest, CompletionIsNeverCalledInsideTheCall) {
  auto client = peer("inline");
  ASSERT_TRUE(client);
  bool called = false;
  client->client->publish(kTopic, "x", 1, false, [&](Result<void>) { called = true; });
  EXPECT_FALSE(called);
  ASSERT_TRUE(loop_.run_until([&] { return called; }));
}

TEST_F(MqttClientTest, ConnectWhileConnectedIsBusy) {
  auto client = peer("busy");
  ASSERT_TRUE(client);
  ASSERT_TRUE(client->connect());
  const auto again = client->client->connect();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, mqtt_errc::kBusy);
}

TEST_F(MqttClientTest, ConnectToNoBrokerReportsDisconnectedThenReconnectWorks) {
  auto client = peer("retry");
  ASSERT_TRUE(client);
  ASSERT_TRUE(broker_.stop());
  EXPECT_FALSE(client->connect());
  ASSERT_EQ(client->disconnects.size(), 1u);
  EXPECT_EQ(client->disconnects.front().code, mqtt_errc::kConnectFailed);
  EXPECT_EQ(client->client->state(), MqttState::kDisconnected);

  ASSERT_TRUE(broker_.start());
  EXPECT_TRUE(client->connect());
}

TEST_F(MqttClientTest, DisconnectIsCleanAndCanReconnect) {
  auto client = peer("cycle");
  ASSERT_TRUE(client);
  ASSERT_TRUE(ok(client->disconnect()));  // not connected: nothing to do
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(ok(client->disconnect()));
  EXPECT_EQ(client->client->state(), MqttState::kDisconnected);
  EXPECT_TRUE(client->disconnects.empty());  // asked for: no event
  ASSERT_TRUE(client->connect());
  EXPECT_TRUE(ok(client->publish(kTopic, "again", 1)));
}

TEST_F(MqttClientTest, DisconnectDuringAFailingConnectCompletes) {
  auto client = peer("give-up");
  ASSERT_TRUE(client);
  ASSERT_TRUE(broker_.stop());
  ASSERT_TRUE(client->client->connect());
  const auto disconnected = client->disconnect();
  EXPECT_TRUE(disconnected) << disconnected.error().context;
  EXPECT_EQ(client->client->state(), MqttState::kDisconnected);
}

// debian12.md: Paho's default buffer of 100 messages fails a burst with -12.
class MqttBurstTest : public MqttClientTest, public ::testing::WithParamInterface<int> {};

TEST_P(MqttBurstTest, ThreeHundredQos1MessagesPublishedAtOnceAllArriveInOrder) {
  constexpr int kMessages = 300;
  auto subscriber = peer("burst-sub");
  MqttOptions options = plain_options(broker_, "burst-pub");
  options.max_inflight = GetParam();
  auto publisher = MqttPeer::create(loop_, options);
  ASSERT_TRUE(subscriber && publisher);
  ASSERT_TRUE(subscriber->connect());
  ASSERT_TRUE(publisher->connect());
  ASSERT_TRUE(ok(subscriber->subscribe(kTopic, 1)));

  int completed = 0;
  std::vector<Error> failures;
  for (int i = 0; i < kMessages; ++i) {
    publisher->client->publish(kTopic, std::to_string(i), 1, false, [&](Result<void> result) {
      ++completed;
      if (!result) failures.push_back(result.error());
    });
  }
  ASSERT_TRUE(loop_.run_until([&] { return completed == kMessages; }, std::chrono::seconds(20)))
      << completed << " of " << kMessages << " completed";
  ASSERT_TRUE(failures.empty()) << failures.front().code << ": " << failures.front().context;
  ASSERT_TRUE(subscriber->wait_messages(kMessages, std::chrono::seconds(20)));
  for (int i = 0; i < kMessages; ++i) {
    ASSERT_EQ(subscriber->messages[static_cast<std::size_t>(i)].payload, std::to_string(i));
  }
}

INSTANTIATE_TEST_SUITE_P(InFlight, MqttBurstTest, ::testing::Values(1024, 10));

TEST_F(MqttClientTest, DestroyingTheClientWithCallbacksInFlightIsSafe) {
  auto doomed = peer("doomed");
  ASSERT_TRUE(doomed);
  ASSERT_TRUE(doomed->connect());
  ASSERT_TRUE(ok(doomed->subscribe(kTopic, 1)));
  int completions = 0;
  for (int i = 0; i < 200; ++i) {
    doomed->client->publish(kTopic, "bye", 1, false, [&](Result<void>) { ++completions; });
  }
  // Destroy it while acknowledgements and its own messages stream in: Paho
  // is calling back (and has posted handlers) at that moment.
  ASSERT_TRUE(loop_.run_until([&] { return completions > 0; }));
  doomed->client.reset();
  const int completions_then = completions;
  const std::size_t messages_then = doomed->messages.size();
  loop_.run_for(std::chrono::milliseconds(200));
  EXPECT_EQ(completions, completions_then);
  EXPECT_EQ(doomed->messages.size(), messages_then);
}

TEST_F(MqttClientTest, TheOwnerMayDestroyTheClientInsideItsOwnHandler) {
  auto client = peer("self-destruct");
  ASSERT_TRUE(client);
  ASSERT_TRUE(client->connect());
  ASSERT_TRUE(ok(client->subscribe(kTopic, 1)));
  bool destroyed = false;
  client->client->publish(kTopic, "x", 1, false, [&](Result<void>) {
    client->client.reset();
    destroyed = true;
  });
  ASSERT_TRUE(loop_.run_until([&] { return destroyed; }));
  loop_.run_for(std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace mqtt_client_test
}  // namespace witryna::sync
