#include "sync/mqtt/mqtt_client.hpp"

#include <mqtt/async_client.h>

#include <boost/asio/post.hpp>
#include <cassert>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "sync/mqtt/mqtt_errors.hpp"

namespace witryna::sync {

namespace {

using Executor = boost::asio::io_context::executor_type;

// Paho carries a `void*` user context per operation; ours is a request id,
// never a pointer, so a late callback cannot reach freed memory.
void* to_context(std::uint64_t id) {
  return reinterpret_cast<void*>(static_cast<std::uintptr_t>(id));
}

std::uint64_t from_context(void* context) {
  return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(context));
}

Unexpected error(std::string_view code, std::string context) {
  return fail(std::string(code), std::move(context));
}

// What a failed Paho token means, for logs and field engineers.
std::string describe_failure(int rc, int reason) {
  // MQTT 3.1.1 CONNACK return codes arrive as positive return codes.
  switch (rc) {
    case 1:
      return "refused by the broker: unacceptable protocol version";
    case 2:
      return "refused by the broker: client id rejected";
    case 3:
      return "refused by the broker: server unavailable";
    case 4:
      return "refused by the broker: bad user name or password";
    case 5:
      return "refused by the broker: not authorized";
    default:
      break;
  }
  return mqtt::exception::printable_error(rc, reason);
}

struct SubscribeBatch {
  std::size_t remaining = 0;
  std::optional<Error> first_error;
  MqttCompletion done;

  void finish(const Result<void>& result) {
    if (!result && !first_error) first_error = result.error();
    if (--remaining != 0) return;
    if (!done) return;
    auto call = std::move(done);
    if (first_error) {
      call(Unexpected(*first_error));
    } else {
      call({});
    }
  }
};

}  // namespace

const char* to_string(MqttState state) {
  switch (state) {
    case MqttState::kDisconnected:
      return "disconnected";
    case MqttState::kConnecting:
      return "connecting";
    case MqttState::kConnected:
      return "connected";
    case MqttState::kDisconnecting:
      return "disconnecting";
  }
  return "unknown";
}

// All members are touched on the io_context thread only. Paho's threads see
// nothing but a weak_ptr and the executor, copied into their callbacks, and
// only post; a posted handler finds the Impl gone or closed and does nothing.
class MqttClient::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(boost::asio::io_context& io, MqttOptions options, MqttEvents events, ServerAddress address)
      : io_(io),
        options_(std::move(options)),
        events_(std::move(events)),
        address_(std::move(address)) {}

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() = default;  // client_ goes first (declared last): MQTTAsync_destroy

  [[nodiscard]] Result<void> start();
  void close();

  [[nodiscard]] Result<void> connect();
  void disconnect(std::chrono::milliseconds timeout, MqttCompletion done);
  void subscribe(std::vector<MqttSubscription> subscriptions, MqttCompletion done);
  void publish(std::string topic, std::string payload, int qos, bool retained, MqttCompletion done);

  [[nodiscard]] MqttState state() const { return state_; }
  [[nodiscard]] const MqttOptions& options() const { return options_; }

 private:
  enum class Operation { kConnect, kDisconnect, kSubscribe, kPublish };

  // Receives Paho's completions on a Paho thread and posts them.
  class Listener final : public mqtt::iaction_listener {
   public:
    Listener(std::weak_ptr<Impl> impl, Executor executor, Operation operation, bool v5)
        : impl_(std::move(impl)), executor_(executor), operation_(operation), v5_(v5) {}

    void on_success(const mqtt::token& token) override {
      const std::uint64_t id = from_context(token.get_user_context());
      bool session_present = false;
      Result<void> result;
      try {
        if (operation_ == Operation::kConnect) {
          session_present = token.get_connect_response().is_session_present();
        } else if (operation_ == Operation::kSubscribe && v5_) {
          // MQTT 5 reports a refused filter as a reason code. (With 3.1.1 Paho
          // calls on_failure instead, and its success data holds no codes.)
          const mqtt::subscribe_response response = token.get_subscribe_response();
          for (const auto code : response.get_reason_codes()) {
            if (static_cast<int>(code) >= 0x80) {
              result = error(mqtt_errc::kSubscribeFailed,
                             "subscription refused by the broker (reason " +
                                 std::to_string(static_cast<int>(code)) + ")");
            }
          }
        }
      } catch (const std::exception&) {
        // No response data (e.g. MQTT 3.1.1 without it): nothing to learn.
      }
      deliver(id, std::move(result), session_present);
    }

    void on_failure(const mqtt::token& token) override {
      const std::uint64_t id = from_context(token.get_user_context());
      deliver(id,
              error(failure_code(), describe_failure(token.get_return_code(),
                                                     static_cast<int>(token.get_reason_code()))),
              false);
    }

   private:
    std::string_view failure_code() const {
      switch (operation_) {
        case Operation::kConnect:
          return mqtt_errc::kConnectFailed;
        case Operation::kDisconnect:
          return mqtt_errc::kDisconnectFailed;
        case Operation::kSubscribe:
          return mqtt_errc::kSubscribeFailed;
        case Operation::kPublish:
          return mqtt_errc::kPublishFailed;
      }
      return mqtt_errc::kPublishFailed;
    }

    void deliver(std::uint64_t id, Result<void> result, bool session_present) {
      boost::asio::post(executor_, [impl = impl_, operation = operation_, id,
                                    result = std::move(result), session_present]() mutable {
        const auto self = impl.lock();
        if (!self || self->closed_) return;
        self->on_completion(operation, id, std::move(result), session_present);
      });
    }

    std::weak_ptr<Impl> impl_;
    Executor executor_;
    Operation operation_;
    bool v5_;
  };

  void fill_connect_options(mqtt::connect_options& connect) const;
  void on_completion(Operation operation, std::uint64_t id, Result<void> result,
                     bool session_present);
  void on_connect_result(std::uint64_t attempt, Result<void> result, bool session_present);
  void on_disconnect_result(std::uint64_t id, Result<void> result);
  void on_connection_lost(const std::string& cause);
  void on_message(const mqtt::const_message_ptr& message);
  void finish_disconnect(Result<void> result);
  void fail_requests(const Error& reason);
  void pump(bool all = false);
  void fail_waiting(const Error& reason);
  void fail_in_paho(const Error& reason);
  void send_subscriptions(const std::vector<MqttSubscription>& subscriptions, MqttCompletion done);
  void post_completion(MqttCompletion done, Result<void> result);

  // Calls an owner's handler through a copy: the handler may destroy the
  // MqttClient (and so events_) while it runs.
  template <typename Handler, typename... Args>
  void emit(const Handler& handler, Args&&... args) {
    if (closed_ || !handler) return;
    auto copy = handler;
    copy(std::forward<Args>(args)...);
  }

  boost::asio::io_context& io_;
  MqttOptions options_;
  MqttEvents events_;
  ServerAddress address_;
  MqttState state_ = MqttState::kDisconnected;
  bool closed_ = false;

  std::uint64_t connect_attempt_ = 0;
  std::uint64_t next_request_ = 1;
  std::uint64_t disconnect_request_ = 0;
  bool disconnect_while_connecting_ = false;
  MqttCompletion disconnect_done_;
  std::map<std::string, int> subscriptions_;
  struct Waiting {
    mqtt::const_message_ptr message;
    MqttCompletion done;
  };
  std::deque<Waiting> waiting_;                                // not yet in Paho, in order
  std::unordered_map<std::uint64_t, MqttCompletion> in_paho_;  // at most max_inflight
  std::unordered_map<std::uint64_t, MqttCompletion> subscribes_;

  // Paho's tokens refer to the listeners: they must outlive client_.
  std::unique_ptr<Listener> connect_listener_;
  std::unique_ptr<Listener> disconnect_listener_;
  std::unique_ptr<Listener> subscribe_listener_;
  std::unique_ptr<Listener> publish_listener_;
  std::unique_ptr<mqtt::async_client> client_;
};

Result<void> MqttClient::Impl::start() {
  const int version = options_.version == MqttVersion::kV5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1;
  // Publishing while disconnected is refused (the outbox keeps the messages),
  // so the buffer limit only bounds a burst queued inside Paho.
  const auto create_options = mqtt::create_options_builder()
                                  .mqtt_version(version)
                                  .send_while_disconnected(false)
                                  .max_buffered_messages(options_.max_buffered_messages)
                                  .finalize();
  try {
    // No persistence object: MQTTCLIENT_PERSISTENCE_NONE (see the header).
    client_ = std::make_unique<mqtt::async_client>(address_.paho_uri, options_.client_id,
                                                   create_options, nullptr);
  } catch (const std::exception& e) {
    return error(errc::kConfig, std::string("cannot create the MQTT client: ") + e.what());
  }

  const std::weak_ptr<Impl> weak = weak_from_this();
  const Executor executor = io_.get_executor();
  const bool v5 = options_.version == MqttVersion::kV5;
  connect_listener_ = std::make_unique<Listener>(weak, executor, Operation::kConnect, v5);
  disconnect_listener_ = std::make_unique<Listener>(weak, executor, Operation::kDisconnect, v5);
  subscribe_listener_ = std::make_unique<Listener>(weak, executor, Operation::kSubscribe, v5);
  publish_listener_ = std::make_unique<Listener>(weak, executor, Operation::kPublish, v5);

  // Set once, before any connect: changing Paho callbacks while it runs can
  // deadlock (paho.mqtt.cpp #356).
  try {
    client_->set_connection_lost_handler([weak, executor](const std::string& cause) {
      boost::asio::post(executor, [weak, cause] {
        const auto self = weak.lock();
        if (self && !self->closed_) self->on_connection_lost(cause);
      });
    });
    client_->set_message_callback([weak, executor](mqtt::const_message_ptr message) {
      boost::asio::post(executor, [weak, message = std::move(message)] {
        const auto self = weak.lock();
        if (self && !self->closed_) self->on_message(message);
      });
    });
    if (options_.version == MqttVersion::kV5) {
      // MQTT 5: the broker may close the connection with a DISCONNECT packet.
      client_->set_disconnected_handler(
          [weak, executor](const mqtt::properties&, mqtt::ReasonCode reason) {
            const std::string cause =
                "broker disconnected (reason " + std::to_string(static_cast<int>(reason)) + ")";
            boost::asio::post(executor, [weak, cause] {
              const auto self = weak.lock();
              if (self && !self->closed_) self->on_connection_lost(cause);
            });
          });
    }
  } catch (const std::exception& e) {
    return error(errc::kConfig, std::string("cannot set MQTT callbacks: ") + e.what());
  }
  return {};
}

void MqttClient::Impl::close() {
  closed_ = true;
  events_ = {};
  disconnect_done_ = {};
  waiting_.clear();
  in_paho_.clear();
  subscribes_.clear();
}

// Fills `options` in place: Paho 1.2.0's connect_options copies keep
// pointing at the original's MQTT 5 properties, so the object handed to
// connect() must be the one that owns them, alive for the call.
void MqttClient::Impl::fill_connect_options(mqtt::connect_options& connect) const {
  connect.set_keep_alive_interval(options_.keep_alive);
  connect.set_connect_timeout(options_.connect_timeout);
  connect.set_max_inflight(options_.max_inflight);
  connect.set_automatic_reconnect(false);
  if (options_.version == MqttVersion::kV5) {
    connect.set_mqtt_version(MQTTVERSION_5);
    connect.set_clean_session(false);
    connect.set_clean_start(options_.clean_session);
    // A four-byte unsigned value; Paho takes it as int32_t bits.
    connect.set_properties(mqtt::properties{
        {mqtt::property::SESSION_EXPIRY_INTERVAL,
         static_cast<std::int32_t>(static_cast<std::uint32_t>(options_.session_expiry.count()))}});
  } else {
    connect.set_mqtt_version(MQTTVERSION_3_1_1);
    connect.set_clean_session(options_.clean_session);
  }
  if (options_.will) {
    const MqttWill& will = *options_.will;
    connect.set_will(mqtt::will_options(will.topic, will.payload, will.qos, will.retained));
  }
  if (options_.tls) {
    const MqttTls& tls = *options_.tls;
    mqtt::ssl_options ssl;
    ssl.set_trust_store(tls.ca_file.string());
    ssl.set_enable_server_cert_auth(tls.verify);
    ssl.set_verify(tls.verify);
    if (!tls.cert_file.empty()) {
      ssl.set_key_store(tls.cert_file.string());
      ssl.set_private_key(tls.key_file.string());
    }
    // The protocol version is left to OpenSSL: Debian 12's OpenSSL 3 does not
    // negotiate below TLS 1.2, and pinning MQTT_SSL_VERSION_TLS_1_2 would
    // forbid TLS 1.3.
    connect.set_ssl(std::move(ssl));
  }
}

Result<void> MqttClient::Impl::connect() {
  if (state_ != MqttState::kDisconnected) {
    return error(mqtt_errc::kBusy, std::string("connect() while ") + to_string(state_));
  }
  const std::uint64_t attempt = ++connect_attempt_;
  try {
    mqtt::connect_options connect;
    fill_connect_options(connect);
    client_->connect(connect, to_context(attempt), *connect_listener_);
  } catch (const std::exception& e) {
    return error(mqtt_errc::kConnectFailed, e.what());
  }
  state_ = MqttState::kConnecting;
  return {};
}

void MqttClient::Impl::disconnect(std::chrono::milliseconds timeout, MqttCompletion done) {
  if (state_ == MqttState::kDisconnected) {
    post_completion(std::move(done), {});
    return;
  }
  if (state_ == MqttState::kDisconnecting) {
    post_completion(std::move(done), error(mqtt_errc::kBusy, "disconnect() already under way"));
    return;
  }
  pump(/*all=*/true);
  const std::uint64_t id = next_request_++;
  disconnect_request_ = id;
  disconnect_done_ = std::move(done);
  disconnect_while_connecting_ = state_ == MqttState::kConnecting;
  state_ = MqttState::kDisconnecting;
  try {
    client_->disconnect(static_cast<int>(timeout.count()), to_context(id), *disconnect_listener_);
  } catch (const mqtt::exception& e) {
    // Paho already considers itself disconnected: that is what was asked.
    auto result = e.get_return_code() == MQTTASYNC_DISCONNECTED
                      ? Result<void>{}
                      : Result<void>(error(mqtt_errc::kDisconnectFailed, e.what()));
    state_ = MqttState::kDisconnected;
    disconnect_request_ = 0;
    post_completion(std::exchange(disconnect_done_, {}), std::move(result));
  } catch (const std::exception& e) {
    state_ = MqttState::kDisconnected;
    disconnect_request_ = 0;
    post_completion(std::exchange(disconnect_done_, {}),
                    error(mqtt_errc::kDisconnectFailed, e.what()));
  }
}

void MqttClient::Impl::subscribe(std::vector<MqttSubscription> subscriptions, MqttCompletion done) {
  for (const auto& subscription : subscriptions) {
    if (subscription.filter.empty() || subscription.qos < 0 || subscription.qos > 2) {
      post_completion(std::move(done),
                      error(errc::kConfig, "subscription '" + subscription.filter +
                                               "' needs a filter and qos 0, 1 or 2"));
      return;
    }
  }
  for (const auto& subscription : subscriptions) {
    subscriptions_[subscription.filter] = subscription.qos;
  }
  if (state_ != MqttState::kConnected) {
    post_completion(std::move(done), {});  // sent at the next connect
    return;
  }
  send_subscriptions(subscriptions, std::move(done));
}

void MqttClient::Impl::send_subscriptions(const std::vector<MqttSubscription>& subscriptions,
                                          MqttCompletion done) {
  if (subscriptions.empty()) {
    post_completion(std::move(done), {});
    return;
  }
  auto batch = std::make_shared<SubscribeBatch>();
  batch->remaining = subscriptions.size();
  batch->done = std::move(done);
  // One SUBSCRIBE per filter: with MQTT 3.1.1 Paho reports a refused filter
  // (0x80) as a failure only when it is alone in its packet.
  for (const auto& subscription : subscriptions) {
    const std::uint64_t id = next_request_++;
    subscribes_.emplace(id, [batch](Result<void> result) { batch->finish(result); });
    try {
      client_->subscribe(subscription.filter, subscription.qos, to_context(id),
                         *subscribe_listener_);
    } catch (const std::exception& e) {
      auto node = subscribes_.extract(id);
      post_completion(std::move(node.mapped()),
                      error(mqtt_errc::kSubscribeFailed, subscription.filter + ": " + e.what()));
    }
  }
}

void MqttClient::Impl::publish(std::string topic, std::string payload, int qos, bool retained,
                               MqttCompletion done) {
  if (qos < 0 || qos > 2) {
    post_completion(std::move(done), error(errc::kConfig, "publish qos must be 0, 1 or 2"));
    return;
  }
  if (state_ != MqttState::kConnected) {
    post_completion(std::move(done),
                    error(mqtt_errc::kNotConnected,
                          std::string("publish while ") + to_string(state_) + ": " + topic));
    return;
  }
  waiting_.push_back(
      {mqtt::make_message(std::move(topic), payload.data(), payload.size(), qos, retained),
       std::move(done)});
  pump();
}

// Hands waiting publishes to Paho while fewer than max_inflight are inside
// it. Paho 1.3 starts a publish beyond its in-flight window only on its next
// one-second tick, so a burst larger than the window would crawl.
// `all`: hand everything over regardless of the window (before a disconnect,
// so that what was published first still goes out first).
void MqttClient::Impl::pump(bool all) {
  while (!closed_ && state_ == MqttState::kConnected && !waiting_.empty() &&
         (all || in_paho_.size() < static_cast<std::size_t>(options_.max_inflight))) {
    Waiting next = std::move(waiting_.front());
    waiting_.pop_front();
    const std::uint64_t id = next_request_++;
    in_paho_.emplace(id, std::move(next.done));
    try {
      client_->publish(next.message, to_context(id), *publish_listener_);
    } catch (const std::exception& e) {
      // Paho may notice a lost connection before its callback reaches us.
      const auto* paho = dynamic_cast<const mqtt::exception*>(&e);
      const auto code = paho != nullptr && paho->get_return_code() == MQTTASYNC_DISCONNECTED
                            ? mqtt_errc::kNotConnected
                            : mqtt_errc::kPublishFailed;
      auto node = in_paho_.extract(id);
      post_completion(std::move(node.mapped()), error(code, e.what()));
    }
  }
}

// Publishes not yet handed to Paho have no connection to go out on.
void MqttClient::Impl::fail_waiting(const Error& reason) {
  auto waiting = std::exchange(waiting_, {});
  for (auto& publish : waiting) {
    if (closed_) return;
    if (publish.done) publish.done(Unexpected(reason));
  }
}

// Paho drops its in-flight publishes when the broker has no session for us:
// their completions would never come.
void MqttClient::Impl::fail_in_paho(const Error& reason) {
  auto lost = std::exchange(in_paho_, {});
  for (auto& [id, done] : lost) {
    if (closed_) return;
    if (done) done(Unexpected(reason));
  }
}

void MqttClient::Impl::on_completion(Operation operation, std::uint64_t id, Result<void> result,
                                     bool session_present) {
  switch (operation) {
    case Operation::kConnect:
      on_connect_result(id, std::move(result), session_present);
      return;
    case Operation::kDisconnect:
      on_disconnect_result(id, std::move(result));
      return;
    case Operation::kSubscribe: {
      auto node = subscribes_.extract(id);
      if (!node.empty() && node.mapped()) node.mapped()(std::move(result));
      return;
    }
    case Operation::kPublish: {
      auto node = in_paho_.extract(id);
      if (!node.empty() && node.mapped()) node.mapped()(std::move(result));
      pump();
      return;
    }
  }
}

void MqttClient::Impl::on_connect_result(std::uint64_t attempt, Result<void> result,
                                         bool session_present) {
  if (attempt != connect_attempt_) return;  // an older attempt
  if (state_ == MqttState::kDisconnecting) {
    // The disconnect queued behind this attempt may never be answered when
    // the attempt failed: there is nothing left to close.
    if (!result) finish_disconnect({});
    return;
  }
  if (state_ != MqttState::kConnecting) return;
  if (!result) {
    state_ = MqttState::kDisconnected;
    emit(events_.on_disconnected, result.error());
    return;
  }
  state_ = MqttState::kConnected;
  if (!session_present) {
    fail_in_paho(Error{std::string(mqtt_errc::kConnectionLost),
                       "the broker had no session: publish not delivered"});
    if (closed_ || state_ != MqttState::kConnected) return;
  }
  if (!subscriptions_.empty()) {
    std::vector<MqttSubscription> all;
    all.reserve(subscriptions_.size());
    for (const auto& [filter, qos] : subscriptions_)
      all.push_back({filter, qos});
    send_subscriptions(all, [this](Result<void> resubscribed) {
      if (!resubscribed) emit(events_.on_error, resubscribed.error());
    });
  }
  emit(events_.on_connected, session_present);
  pump();
}

void MqttClient::Impl::on_disconnect_result(std::uint64_t id, Result<void> result) {
  if (id != disconnect_request_ || state_ != MqttState::kDisconnecting) return;
  // Paho may fail a disconnect that overtook a connect attempt (it has no
  // connection to close, and the attempt's own failure can arrive later):
  // not connected is what was asked.
  if (!result && disconnect_while_connecting_) result = {};
  finish_disconnect(std::move(result));
}

void MqttClient::Impl::finish_disconnect(Result<void> result) {
  state_ = MqttState::kDisconnected;
  disconnect_request_ = 0;
  auto done = std::exchange(disconnect_done_, {});
  const Error reason{std::string(mqtt_errc::kNotConnected), "disconnected"};
  fail_requests(reason);
  fail_waiting(reason);
  if (!closed_ && done) done(std::move(result));
}

void MqttClient::Impl::on_connection_lost(const std::string& cause) {
  if (state_ == MqttState::kDisconnecting) {
    // Paho may never answer a disconnect whose connection is already gone.
    finish_disconnect({});
    return;
  }
  if (state_ != MqttState::kConnected) return;  // duplicate report (MQTT 5)
  state_ = MqttState::kDisconnected;
  const Error reason{std::string(mqtt_errc::kConnectionLost),
                     cause.empty() ? std::string("connection lost") : cause};
  fail_requests(reason);
  fail_waiting(reason);
  emit(events_.on_disconnected, reason);
}

// Subscriptions in flight belong to the closed connection; they are sent
// again at the next connect. Publishes stay: Paho resends them.
void MqttClient::Impl::fail_requests(const Error& reason) {
  auto pending = std::exchange(subscribes_, {});
  for (auto& [id, completion] : pending) {
    if (closed_) return;
    if (completion) completion(Unexpected(reason));
  }
}

void MqttClient::Impl::on_message(const mqtt::const_message_ptr& message) {
  if (!message) return;
  MqttMessage converted;
  converted.topic = message->get_topic();
  converted.payload = message->get_payload_str();
  converted.qos = message->get_qos();
  converted.retained = message->is_retained();
  converted.duplicate = message->is_duplicate();
  emit(events_.on_message, converted);
}

void MqttClient::Impl::post_completion(MqttCompletion done, Result<void> result) {
  if (!done) return;
  boost::asio::post(
      io_, [weak = weak_from_this(), done = std::move(done), result = std::move(result)]() mutable {
        const auto self = weak.lock();
        if (self && !self->closed_) done(std::move(result));
      });
}

// --- MqttClient -----------------------------------------------------------

Result<MqttClient> MqttClient::create(boost::asio::io_context& io, MqttOptions options,
                                      MqttEvents events) {
  auto address = validate(options);
  if (!address) return Unexpected(address.error());
  auto impl =
      std::make_shared<Impl>(io, std::move(options), std::move(events), std::move(*address));
  if (auto started = impl->start(); !started) return Unexpected(started.error());
  return MqttClient(std::move(impl));
}

MqttClient::MqttClient(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

MqttClient::MqttClient(MqttClient&&) noexcept = default;

MqttClient& MqttClient::operator=(MqttClient&& other) noexcept {
  if (this != &other) {
    if (impl_) impl_->close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

MqttClient::~MqttClient() {
  if (impl_) impl_->close();
}

Result<void> MqttClient::connect() {
  assert(impl_);
  return impl_->connect();
}

void MqttClient::disconnect(std::chrono::milliseconds timeout, MqttCompletion done) {
  assert(impl_);
  impl_->disconnect(timeout, std::move(done));
}

void MqttClient::subscribe(std::vector<MqttSubscription> subscriptions, MqttCompletion done) {
  assert(impl_);
  impl_->subscribe(std::move(subscriptions), std::move(done));
}

void MqttClient::publish(std::string topic, std::string payload, int qos, bool retained,
                         MqttCompletion done) {
  assert(impl_);
  impl_->publish(std::move(topic), std::move(payload), qos, retained, std::move(done));
}

bool MqttClient::is_connected() const {
  return impl_ && impl_->state() == MqttState::kConnected;
}

MqttState MqttClient::state() const {
  return impl_ ? impl_->state() : MqttState::kDisconnected;
}

const MqttOptions& MqttClient::options() const {
  assert(impl_);
  return impl_->options();
}

}  // namespace witryna::sync
