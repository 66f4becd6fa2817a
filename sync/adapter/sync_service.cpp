#include "sync/adapter/sync_service.hpp"

#include <boost/asio/post.hpp>
#include <chrono>
#include <utility>

#include "edge/service/log.hpp"
#include "edge/store/store.hpp"
#include "sync/adapter/clock.hpp"
#include "sync/adapter/mqtt_config.hpp"
#include "sync/core/reasons.hpp"
#include "sync/mqtt/mqtt_errors.hpp"

namespace witryna::sync {
namespace log = ::witryna::service::log;

namespace {

core::IdGenerator random_ids() {
  std::random_device device;
  const std::uint64_t high = (std::uint64_t{device()} << 32) ^ device();
  const std::uint64_t low = (std::uint64_t{device()} << 32) ^ device();
  return core::IdGenerator(high, low);
}

std::uint64_t random_seed() {
  std::random_device device;
  return (std::uint64_t{device()} << 32) ^ device();
}

core::OutboxOptions outbox_options(const service::Config& config) {
  core::OutboxOptions options;
  options.ack_timeout = std::chrono::duration_cast<Millis>(config.sync.ack_timeout());
  return options;
}

core::OutboxBounds outbox_bounds(const service::Config& config) {
  core::OutboxBounds bounds;
  bounds.max_bytes = static_cast<std::size_t>(config.outbox.max_bytes);
  bounds.max_age = Millis(config.outbox.max_age_s * 1000);
  return bounds;
}

}  // namespace

SyncService::SyncService(boost::asio::io_context& io, service::Config config, SyncOptions options)
    : io_(io),
      config_(std::move(config)),
      options_(std::move(options)),
      random_(random_seed()),
      backoff_(options_.backoff),
      reconnect_timer_(io),
      tick_timer_(io) {
  if (auto topics = core::Topics::make(identity_of(config_))) topics_.emplace(std::move(*topics));
  claims_ = std::make_unique<MqttCodeClaims>(
      io_, config_.device.id, topics_ ? topics_->claims() : std::string(), options_.claims,
      random_ids(), [this] { return connected(); },
      [this](std::string topic, std::string payload, bool retained, MqttCompletion done) {
        publish(std::move(topic), std::move(payload), retained, std::move(done));
      });
}

SyncService::~SyncService() {
  *alive_ = false;
  reconnect_timer_.cancel();
  tick_timer_.cancel();
  // The client goes first: no Paho event can reach the parts below any more.
  client_.reset();
}

Result<void> SyncService::start() {
  auto topics = core::Topics::make(identity_of(config_));
  if (!topics) return Unexpected(topics.error());
  // Checkpoints are the service's Checkpointer's (edge/app StoreComponent):
  // a stream message must not pay for copying the WAL.
  store::DatabaseOptions options;
  options.auto_checkpoint = false;
  auto db = store::open_store(config_.storage.db_path, options);
  if (!db) return Unexpected(db.error());
  db_.emplace(std::move(*db));

  InboundPipeline::Hooks hooks;
  hooks.publish_resync = [this](const core::ResyncRequest& request, MqttCompletion done) {
    publish(topics_->resync(), core::resync_payload(request, config_.device.id), false,
            std::move(done));
  };
  hooks.applied = [this](core::Stream stream) {
    if (on_applied) on_applied(::witryna::core::to_string(stream));
  };
  hooks.rejected = [this](core::Stream stream, const Error& error) {
    reject(::witryna::core::to_string(stream), error);
  };
  hooks.input_waiting = input_waiting;
  auto inbound = InboundPipeline::create(io_, *db_, options_, std::move(hooks), random_ids());
  if (!inbound) return Unexpected(inbound.error());
  inbound_ = std::move(*inbound);

  outbox_ = std::make_unique<OutboxSender>(
      *db_, config_.device.id, topics_->events(), outbox_options(config_), outbox_bounds(config_),
      [this](std::string topic, std::string payload, bool retained, MqttCompletion done) {
        publish(std::move(topic), std::move(payload), retained, std::move(done));
      });
  if (auto ok = outbox_->check_bounds(wall_now()); !ok) return ok;

  // A broken link configuration (a missing certificate, a plain broker URI)
  // must not take the shop down: the device runs offline, unhealthy, and
  // says why in the log.
  auto mqtt = mqtt_options_from(config_, *topics_);
  if (!mqtt) {
    log::error("sync: no link to central: ", mqtt.error().code, ": ", mqtt.error().context);
    started_ = true;
    if (on_started) on_started();
    return {};
  }
  MqttEvents events;
  const std::weak_ptr<bool> alive = alive_;
  events.on_connected = [this, alive](bool session_present) {
    if (!alive.expired()) on_connected(session_present);
  };
  events.on_disconnected = [this, alive](const Error& reason) {
    if (!alive.expired()) on_disconnected(reason);
  };
  events.on_message = [this, alive](const MqttMessage& message) {
    if (!alive.expired()) on_message(message);
  };
  events.on_error = [](const Error& error) {
    log::warn("sync: mqtt: ", error.code, ": ", error.context);
  };
  auto client = MqttClient::create(io_, std::move(*mqtt), std::move(events));
  if (!client) {
    log::error("sync: no link to central: ", client.error().code, ": ", client.error().context);
    started_ = true;
    if (on_started) on_started();
    return {};
  }
  client_.emplace(std::move(*client));
  std::vector<MqttSubscription> subscriptions;
  for (auto& filter : topics_->subscriptions())
    subscriptions.push_back(MqttSubscription{std::move(filter), 1});
  client_->subscribe(std::move(subscriptions));

  started_ = true;
  connect_now();
  arm_tick();
  if (on_started) on_started();
  return {};
}

void SyncService::stop() {
  if (!started_ || stopping_) return;
  stopping_ = true;
  reconnect_timer_.cancel();
  tick_timer_.cancel();
  if (client_ && client_->is_connected()) {
    // The clean shutdown's own offline state (the broker drops the will on
    // DISCONNECT), then the DISCONNECT once it is acknowledged.
    bool done = false;
    client_->publish(topics_->state(),
                     core::offline_payload(config_.device.id, config_.device.store), 1, true,
                     [](Result<void>) {});
    client_->disconnect(options_.stop_timeout, [&done](Result<void>) { done = true; });
    // stop() runs on the loop thread (a handler or the owner after run()):
    // run the loop here until the broker has it, bounded.
    const auto deadline =
        std::chrono::steady_clock::now() + options_.stop_timeout + std::chrono::milliseconds(500);
    while (!done && !io_.stopped() && std::chrono::steady_clock::now() < deadline) {
      io_.run_one_for(std::chrono::milliseconds(20));
    }
  }
  client_.reset();
  if (link_up_) {
    link_up_ = false;
    if (on_link) on_link(false, last_sync_);
  }
  if (claims_) claims_->on_connection_lost(wall_now());
  started_ = false;
}

void SyncService::reconfigure(const service::Config& config,
                              const std::vector<std::string>& changed) {
  config_ = config;
  if (!outbox_) return;
  for (const auto& key : changed) {
    if (key.starts_with("sync.ack_timeout")) {
      outbox_->set_ack_timeout(std::chrono::duration_cast<Millis>(config.sync.ack_timeout()));
    } else if (key.starts_with("outbox.")) {
      outbox_->set_bounds(outbox_bounds(config));
      after_outbox_change(wall_now());
    }
  }
}

bool SyncService::healthy() const {
  // Being offline is normal (the shop works on); broken is a service that
  // could not open its store or has no usable link configuration.
  return started_ && db_.has_value() && client_.has_value();
}

bool SyncService::connected() const {
  return client_ && client_->is_connected();
}

bool SyncService::redemptions_paused() const {
  return outbox_ && outbox_->redemptions_paused();
}

void SyncService::events_written() {
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.expired() || !outbox_) return;
    after_outbox_change(wall_now());
  });
}

void SyncService::after_outbox_change(TimePoint now) {
  if (!outbox_) return;
  if (auto ok = outbox_->check_bounds(now); !ok) {
    log::warn("sync: outbox bound check failed: ", ok.error().code, ": ", ok.error().context);
  }
  outbox_->pump(now, connected());
  if (outbox_->redemptions_paused() != paused_reported_) {
    paused_reported_ = outbox_->redemptions_paused();
    log::warn("sync: outbox ", paused_reported_ ? "full, redemptions refused" : "below its bound");
    if (on_redemptions_paused) on_redemptions_paused(paused_reported_);
  }
  publish_state(now);
}

void SyncService::answer_command(const core::CommandResult& result) {
  if (!topics_) return;
  publish(topics_->cmd_result(), core::command_result_payload(result), false, {});
}

void SyncService::set_update_status(std::optional<core::UpdateStatus> update) {
  update_ = std::move(update);
  publish_state(wall_now());
}

void SyncService::set_config_status(std::int64_t config_ver,
                                    std::optional<core::ConfigError> error) {
  config_ver_ = config_ver;
  config_error_ = std::move(error);
  publish_state(wall_now());
}

core::DeviceState SyncService::device_state() const {
  core::DeviceState s;
  s.device = config_.device.id;
  s.store = config_.device.store;
  s.status = "online";
  s.version = options_.version;
  s.config_ver = config_ver_;
  s.since = since_;
  if (outbox_) {
    s.outbox = outbox_->pending();
    s.dropped_events = outbox_->dropped_total();
    s.redemptions_paused = outbox_->redemptions_paused();
  }
  if (inbound_) s.streams = inbound_->last_seqs();
  s.update = update_;
  s.config_error = config_error_;
  s.rejected_messages = rejected_;
  return s;
}

// --- connection -------------------------------------------------------------

void SyncService::connect_now() {
  if (!client_ || stopping_) return;
  if (auto started = client_->connect(); !started) {
    if (started.error().code == mqtt_errc::kBusy) return;  // an attempt is under way
    log::warn("sync: connect: ", started.error().code, ": ", started.error().context);
    schedule_reconnect();
  }
}

void SyncService::schedule_reconnect() {
  if (stopping_) return;
  const Millis delay = backoff_.next_delay(random_());
  reconnect_timer_.expires_after(delay);
  reconnect_timer_.async_wait(
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        if (ec || alive.expired()) return;
        connect_now();
      });
}

void SyncService::on_connected(bool session_present) {
  const TimePoint now = wall_now();
  backoff_.reset();
  since_ = now;
  last_state_.reset();  // the birth always goes out at once
  log::info("sync: connected to the broker", session_present ? "" : " (new session)");
  publish_state(now);
  inbound_->on_connected(now, session_present);
  outbox_->on_connected(now);
  link_up_ = true;
  if (on_link) on_link(true, last_sync_);
}

void SyncService::on_disconnected(const Error& reason) {
  const TimePoint now = wall_now();
  if (reason.code == mqtt_errc::kConnectionLost) {
    log::warn("sync: connection lost: ", reason.context);
  } else {
    log::debug("sync: connect failed: ", reason.context);
  }
  outbox_->on_disconnected();
  claims_->on_connection_lost(now);
  inbound_->poll(now, false);
  if (link_up_) {
    link_up_ = false;
    if (on_link) on_link(false, last_sync_);
  }
  schedule_reconnect();
}

void SyncService::note_sync(TimePoint now) {
  last_sync_ = now;
  constexpr auto kLastSyncNotice = std::chrono::seconds(30);
  if (last_sync_told_ && now - *last_sync_told_ < kLastSyncNotice) return;
  last_sync_told_ = now;
  if (on_synced) on_synced(now);
}

void SyncService::on_message(const MqttMessage& message) {
  const auto ref = topics_->parse(message.topic);
  if (!ref || !core::is_inbound(ref->kind)) return;
  const TimePoint now = wall_now();
  switch (ref->kind) {
    case core::TopicKind::kStream:
      note_sync(now);
      inbound_->push(*ref->stream, message.payload);
      break;
    case core::TopicKind::kAcks:
      note_sync(now);
      if (auto ok = outbox_->on_ack(message.payload, now, connected()); !ok) {
        reject("acks", ok.error());
      }
      after_outbox_change(now);
      break;
    case core::TopicKind::kClaimsResult:
      if (auto ok = claims_->on_result(message.payload, now); !ok) {
        reject("claims/result", ok.error());
      }
      break;
    case core::TopicKind::kDesired:
      // An empty retained payload only clears the topic: nothing to apply.
      if (!message.payload.empty() && on_desired) on_desired(message.payload, ref->group);
      break;
    case core::TopicKind::kUpdate:
      if (!message.payload.empty() && on_update) on_update(message.payload, ref->group);
      break;
    case core::TopicKind::kCmd:
      on_command(message.payload);
      break;
    default:
      break;
  }
}

void SyncService::on_command(std::string_view payload) {
  auto command = core::parse_command(payload);
  if (!command) {
    reject("cmd", command.error());
    return;
  }
  switch (command->kind) {
    case core::Command::Kind::kResync:
      inbound_->force_resync(wall_now(), connected());
      answer_command({command->id, true, "resync requested for every stream", std::nullopt});
      return;
    case core::Command::Kind::kRestart:
    case core::Command::Kind::kScreenshot:
      if (on_cmd) {
        on_cmd(*command);
      } else {
        answer_command({command->id, false, "not available on this device", std::nullopt});
      }
      return;
    case core::Command::Kind::kUnknown:
      answer_command({command->id, false,
                      std::string(core::reason::kUnknownCommand) + ": " + command->name,
                      std::nullopt});
      return;
  }
}

void SyncService::reject(std::string_view what, const Error& error) {
  ++rejected_;
  // Error::context names a field, never a value (validate_stream_message).
  log::warn("sync: rejected a message on ", what, ": ", error.code, " (", error.context, ")");
}

// --- timers and the device state ---------------------------------------------

void SyncService::arm_tick() {
  tick_timer_.expires_after(options_.tick);
  tick_timer_.async_wait(
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        if (ec || alive.expired() || stopping_) return;
        tick();
        arm_tick();
      });
}

void SyncService::tick() {
  const TimePoint now = wall_now();
  const bool up = connected();
  inbound_->poll(now, up);
  claims_->poll(now);
  outbox_->pump(now, up);
  publish_state(now);
}

void SyncService::publish_state(TimePoint now) {
  if (!connected() || !topics_) return;
  std::string payload = core::state_payload(device_state());
  const auto decision = core::decide_state_publish(last_state_, payload, now);
  if (decision.kind != core::StatePublishDecision::Kind::kPublishNow) return;  // tick retries
  last_state_ = core::PublishedState{payload, now};
  publish(topics_->state(), std::move(payload), true, {});
}

void SyncService::publish(std::string topic, std::string payload, bool retained,
                          MqttCompletion done) {
  if (!client_) {
    if (done) {
      boost::asio::post(io_, [done = std::move(done)] {
        done(fail(std::string(mqtt_errc::kNotConnected), "sync not started"));
      });
    }
    return;
  }
  client_->publish(std::move(topic), std::move(payload), 1, retained, std::move(done));
}

}  // namespace witryna::sync
