#pragma once
// The MQTT transport: one connection to the broker, driven from the service's
// io_context. Wraps Paho's mqtt::async_client.
//
// Threads: every method must be called on the io_context's thread (the one
// running it; one thread only), and every event and completion handler runs
// there too. Paho's own threads only post onto the io_context: the client is
// never called from inside a Paho callback (that can hang Paho).
//
// Reconnecting is the owner's job (its own backoff): after on_disconnected it
// calls connect() again. Paho's automatic reconnect is off. Subscriptions are
// remembered and sent again after every successful connect, so retained
// messages of those filters arrive again after each reconnect.
//
// Persistence: Paho keeps no files (MQTTCLIENT_PERSISTENCE_NONE). The durable
// store is the SQLite outbox, which republishes everything unacknowledged on
// every reconnect; a QoS 1 publish in flight when the process dies is sent
// again from there. Within one process, unacknowledged QoS 1 publishes are
// resent by Paho after a reconnect of the same persistent session.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "sync/mqtt/mqtt_options.hpp"

namespace witryna::sync {

struct MqttMessage {
  std::string topic;
  std::string payload;
  int qos = 0;
  bool retained = false;   // true: a retained copy (sent on subscribe), not a live publish
  bool duplicate = false;  // the broker may have delivered it before
};

struct MqttSubscription {
  std::string filter;
  int qos = 1;
};

enum class MqttState { kDisconnected, kConnecting, kConnected, kDisconnecting };

[[nodiscard]] const char* to_string(MqttState state);

// Events to the owner, all on the io_context thread. Any may be empty.
struct MqttEvents {
  // The broker accepted the connection; every remembered subscription has
  // already been sent again. `session_present`: the broker kept the
  // persistent session (false after its first connection ever, or when the
  // broker lost it: then a resync is due).
  std::function<void(bool session_present)> on_connected;
  // The connection is down without having been asked to: a connect() attempt
  // failed (mqtt_errc::kConnectFailed) or an established connection was lost
  // (mqtt_errc::kConnectionLost). The owner schedules the next connect().
  // Not called for a disconnect() the owner asked for.
  std::function<void(const Error& reason)> on_disconnected;
  std::function<void(const MqttMessage& message)> on_message;
  // Failures no caller's completion receives: a resubscribe after a connect
  // was refused (mqtt_errc::kSubscribeFailed).
  std::function<void(const Error& error)> on_error;
};

// Called exactly once, on the io_context thread, never from inside the call
// that was given it. Not called at all if the MqttClient is destroyed first.
using MqttCompletion = std::function<void(Result<void>)>;

class MqttClient {
 public:
  // Checks the options (see validate()) and creates the Paho client; does not
  // connect. `io` must outlive the client.
  [[nodiscard]] static Result<MqttClient> create(boost::asio::io_context& io, MqttOptions options,
                                                 MqttEvents events);

  MqttClient(MqttClient&&) noexcept;
  MqttClient& operator=(MqttClient&&) noexcept;
  MqttClient(const MqttClient&) = delete;
  MqttClient& operator=(const MqttClient&) = delete;
  // Safe with Paho callbacks in flight: handlers posted before it run as
  // no-ops. Pending completions are dropped. Does not publish anything; Paho
  // closes the session with a DISCONNECT, so the broker does not send the will.
  ~MqttClient();

  // Starts one connection attempt; the outcome comes as on_connected or
  // on_disconnected. Fails at once (no event follows) with mqtt_errc::kBusy
  // unless disconnected, or mqtt_errc::kConnectFailed if Paho refuses to start.
  [[nodiscard]] Result<void> connect();

  // Closes the connection cleanly (DISCONNECT, so the broker drops the will),
  // waiting up to `timeout` for QoS 1 publishes in flight. Publishes nothing
  // itself: the owner publishes the offline state first. `done` gets ok when
  // the connection is closed (also if it was not open).
  void disconnect(std::chrono::milliseconds timeout, MqttCompletion done = {});

  // Remembers the filters (a filter given again replaces its QoS) and, when
  // connected, subscribes now: `done` gets ok once the broker granted all of
  // them, or mqtt_errc::kSubscribeFailed. When not connected `done` gets ok
  // at once and the filters are sent at the next connect (failures then go to
  // on_error).
  void subscribe(std::vector<MqttSubscription> subscriptions, MqttCompletion done = {});

  // Publishes in order. At most options().max_inflight messages are inside
  // Paho at once; the rest wait here (unbounded: the owner paces itself).
  // `done` gets ok when the broker acknowledged the message (QoS 1/2) or it
  // was written to the socket (QoS 0); mqtt_errc::kNotConnected when there is
  // no connection or it closed before the message was handed to Paho
  // (nothing is kept for later: the outbox republishes), or
  // mqtt_errc::kPublishFailed. A QoS 1 message in flight when the connection
  // drops completes after the next connect of the same session, or fails with
  // mqtt_errc::kConnectionLost if the broker no longer has the session.
  void publish(std::string topic, std::string payload, int qos, bool retained,
               MqttCompletion done = {});

  [[nodiscard]] bool is_connected() const;
  [[nodiscard]] MqttState state() const;
  [[nodiscard]] const MqttOptions& options() const;

 private:
  class Impl;
  explicit MqttClient(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace witryna::sync
