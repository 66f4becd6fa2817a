#pragma once
// The fleet CLI's connection to the broker: sync::MqttClient (the Paho
// adapter the devices use) driven by an io_context the caller's thread runs,
// with blocking helpers for a command-line program — connect, publish and
// wait for the broker's acknowledgement, run until a condition holds.
//
// Threads: one. Everything, including the message handler, runs on the
// thread that calls the run_* and blocking methods.
//
// The session is clean (the operator's CLI keeps nothing on the broker).
// A connection lost while running is retried (1 s doubling to 30 s); the
// subscriptions are sent again, so retained states arrive again.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/result.hpp"
#include "sync/mqtt/mqtt_client.hpp"

namespace witryna::fleet {

struct LinkOptions {
  std::string server_uri;  // ssl://host:8883 (mutual TLS); tcp:// only to loopback
  std::string client_id;   // empty: "witryna-fleet-<pid>-<random>"
  std::optional<sync::MqttTls> tls;
  std::chrono::milliseconds timeout = std::chrono::seconds(10);  // connect and each ack
};

struct Publication {
  std::string topic;
  std::string payload;
  bool retained = true;
};

class FleetLink {
 public:
  using MessageHandler = std::function<void(const sync::MqttMessage&)>;

  // Connects and waits for the broker (up to options.timeout). Errors:
  // mqtt_errc::kInsecureTransport, kConnectFailed, errc::kConfig.
  [[nodiscard]] static Result<std::unique_ptr<FleetLink>> open(LinkOptions options,
                                                               MessageHandler on_message = {});
  // Only open() makes one (the passkey keeps the constructor usable by make_unique).
  class Passkey {
    friend class FleetLink;
    Passkey() = default;
  };
  FleetLink(Passkey, LinkOptions options, MessageHandler on_message);
  ~FleetLink();
  FleetLink(const FleetLink&) = delete;
  FleetLink& operator=(const FleetLink&) = delete;

  // QoS 1. Waits until the broker acknowledged every message (all of them
  // are in flight at once). Errors: mqtt_errc::kNotConnected,
  // kPublishFailed, "timeout".
  [[nodiscard]] Result<void> publish(std::vector<Publication> publications);
  // QoS 1, waits for the broker's grant. Retained messages follow as messages.
  [[nodiscard]] Result<void> subscribe(std::vector<std::string> filters);

  // Runs handlers until `done()` holds (checked after each) or `deadline`
  // passes; true if it held.
  [[nodiscard]] bool run_until(const std::function<bool()>& done,
                               std::chrono::milliseconds deadline);
  // Runs handlers until no message came for `quiet` (at most `deadline`):
  // how a one-shot reader knows the retained messages have all arrived.
  void run_until_quiet(std::chrono::milliseconds quiet, std::chrono::milliseconds deadline);

  // DISCONNECT, waiting up to options.timeout for what is in flight.
  void close();

  [[nodiscard]] bool connected() const;
  // Why the connection went down the last time, while it is down.
  [[nodiscard]] const std::optional<Error>& down_reason() const { return down_; }

 private:
  void reconnect_later();

  LinkOptions options_;
  MessageHandler on_message_;
  boost::asio::io_context io_;
  // Keeps run_one_for() waiting for Paho's posts instead of returning at once.
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  boost::asio::steady_timer retry_timer_;
  std::optional<sync::MqttClient> client_;
  std::optional<Error> down_;
  std::chrono::milliseconds retry_delay_ = std::chrono::seconds(1);
  std::chrono::steady_clock::time_point last_message_ = std::chrono::steady_clock::now();
  int connects_ = 0;
  bool closing_ = false;
};

}  // namespace witryna::fleet
