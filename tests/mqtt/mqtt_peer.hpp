#pragma once
// Test side of an MqttClient: records every event (and the thread it ran on)
// and offers "do it and run the loop until it is done" helpers.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sync/mqtt/mqtt_client.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"

namespace witryna::sync {

struct MqttPeer {
  test::TestEventLoop& loop;
  std::optional<MqttClient> client;

  int connects = 0;
  bool session_present = false;
  std::vector<Error> disconnects;
  std::string last_connect_failure;  // why the last connect() returned false
  std::vector<MqttMessage> messages;
  std::vector<Error> errors;
  std::vector<std::thread::id> handler_threads;

  explicit MqttPeer(test::TestEventLoop& event_loop) : loop(event_loop) {}

  // Events are recorded through `this`: keep the peer where it is (unique_ptr).
  [[nodiscard]] static std::unique_ptr<MqttPeer> create(test::TestEventLoop& loop,
                                                        const MqttOptions& options) {
    auto peer = std::make_unique<MqttPeer>(loop);
    MqttPeer* self = peer.get();
    MqttEvents events;
    events.on_connected = [self](bool present) {
      self->handler_threads.push_back(std::this_thread::get_id());
      ++self->connects;
      self->session_present = present;
    };
    events.on_disconnected = [self](const Error& reason) {
      self->handler_threads.push_back(std::this_thread::get_id());
      self->disconnects.push_back(reason);
    };
    events.on_message = [self](const MqttMessage& message) {
      self->handler_threads.push_back(std::this_thread::get_id());
      self->messages.push_back(message);
    };
    events.on_error = [self](const Error& error) { self->errors.push_back(error); };
    auto created = MqttClient::create(loop.io(), options, std::move(events));
    EXPECT_TRUE(created) << created.error().code << ": " << created.error().context;
    if (!created) return nullptr;
    peer->client.emplace(std::move(*created));
    return peer;
  }

  // Starts connect() and runs the loop until it succeeded or failed; true on
  // success.
  [[nodiscard]] bool connect() {
    const int connects_before = connects;
    const std::size_t disconnects_before = disconnects.size();
    if (auto started = client->connect(); !started) {
      ADD_FAILURE() << started.error().code << ": " << started.error().context;
      return false;
    }
    EXPECT_TRUE(loop.run_until(
        [&] { return connects > connects_before || disconnects.size() > disconnects_before; }));
    if (connects > connects_before) return true;
    if (disconnects.size() > disconnects_before) {
      last_connect_failure = disconnects.back().code + ": " + disconnects.back().context;
    }
    return false;
  }

  // Runs the loop until `done` is called; its result (or a timeout error).
  template <typename Start>
  [[nodiscard]] Result<void> run(Start start,
                                 std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    std::optional<Result<void>> outcome;
    start([&outcome](Result<void> result) { outcome = std::move(result); });
    if (!loop.run_until([&] { return outcome.has_value(); }, deadline)) {
      return fail("timeout", "no completion within the deadline");
    }
    return *outcome;
  }

  [[nodiscard]] Result<void> subscribe(const std::string& filter, int qos = 1) {
    return run([&](MqttCompletion done) { client->subscribe({{filter, qos}}, std::move(done)); });
  }

  [[nodiscard]] Result<void> publish(const std::string& topic, const std::string& payload,
                                     int qos = 1, bool retained = false) {
    return run([&](MqttCompletion done) {
      client->publish(topic, payload, qos, retained, std::move(done));
    });
  }

  [[nodiscard]] Result<void> disconnect() {
    return run([&](MqttCompletion done) {
      client->disconnect(std::chrono::milliseconds(2000), std::move(done));
    });
  }

  [[nodiscard]] bool wait_messages(std::size_t n,
                                   std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    return loop.run_until([&] { return messages.size() >= n; }, deadline);
  }
};

// For ASSERT_TRUE(ok(result)): shows the error when it fails.
inline ::testing::AssertionResult ok(const Result<void>& result) {
  if (result) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << result.error().code << ": " << result.error().context;
}

inline MqttOptions plain_options(const test::Mosquitto& broker, std::string client_id) {
  MqttOptions options;
  options.server_uri = broker.plain_uri();
  options.client_id = std::move(client_id);
  return options;
}

}  // namespace witryna::sync
