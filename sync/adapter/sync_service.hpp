#pragma once
// The device side of sync (mqtt.md): one MQTT connection to central, driven
// from the service's io_context. It glues the sync cores to the store:
// - streams in (InboundPipeline), resync requests out on …/resync;
// - the outbox out on …/events, acks in (OutboxSender);
// - code claims (MqttCodeClaims, the workflows' core::CodeClaims);
// - the retained device state: the birth on connect, changes at most once a
//   second, the Last Will, and the offline state on a clean stop();
// - fleet messages (desired, update, cmd) handed to hooks; the `resync`
//   command is answered here.
// Connecting retries with capped exponential backoff and jitter; the device
// keeps working offline meanwhile.
//
// Threads: everything on the io_context thread, including the hooks.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "edge/service/component.hpp"
#include "edge/service/config.hpp"
#include "edge/store/db/database.hpp"
#include "sync/adapter/inbound_pipeline.hpp"
#include "sync/adapter/mqtt_code_claims.hpp"
#include "sync/adapter/outbox_sender.hpp"
#include "sync/adapter/sync_options.hpp"
#include "sync/core/backoff.hpp"
#include "sync/core/device_state.hpp"
#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"
#include "sync/core/state_rate_limit.hpp"
#include "sync/core/topics.hpp"
#include "sync/mqtt/mqtt_client.hpp"

namespace witryna::sync {

class SyncService final : public service::Component {
 public:
  // Nothing is opened or connected before start(). `io` must outlive this.
  SyncService(boost::asio::io_context& io, service::Config config, SyncOptions options = {});
  SyncService(const SyncService&) = delete;
  SyncService& operator=(const SyncService&) = delete;
  ~SyncService() override;

  // --- hooks, set by the wiring before start() -----------------------------
  // The link to central went up or down; `last_sync`: when central was last
  // heard from (a stream message or an ack), nullopt if never since start.
  std::function<void(bool online, std::optional<TimePoint> last_sync)> on_link;
  // Items of a stream were applied (or a snapshot of it completed): caches
  // built on it (offers, catalog) are stale. The contract's stream name.
  std::function<void(std::string_view stream)> on_applied;
  // Central was heard from (a stream message or an ack) at `last_sync`: the
  // first time after start, then at most every 30 s — screens show it, and
  // each notice refreshes every screen.
  std::function<void(TimePoint last_sync)> on_synced;
  // A retained desired configuration / update manifest (fleet.md), as sent;
  // `group`: empty for the device's own topic, else the group's name.
  std::function<void(std::string_view payload, std::string_view group)> on_desired;
  std::function<void(std::string_view payload, std::string_view group)> on_update;
  // A fleet command other than `resync` (restart, screenshot): the hook
  // answers with answer_command(). Unset: answered ok=false.
  std::function<void(const core::Command& command)> on_cmd;
  // The outbox bound started or stopped refusing new redemptions.
  std::function<void(bool refused)> on_redemptions_paused;
  // At the end of a successful start() (the wiring connects the parts that
  // only exist once every component before this one has started).
  std::function<void()> on_started;
  // Whether input waits for the loop (a screen request not read yet):
  // applying a stream then ends its step after a few items, so a scan does
  // not wait for a whole time slice. Called on the loop thread every few
  // items (SyncOptions::yield_check_items): must be cheap and never block.
  std::function<bool()> input_waiting;

  // --- service::Component --------------------------------------------------
  [[nodiscard]] std::string_view name() const override { return "sync"; }
  // Opens its own store connection, reads the persisted seqs, creates the
  // client and starts connecting (failures to connect are retried, not
  // returned). Errors: an invalid identity (topics), the store. An unusable
  // mqtt configuration is logged and leaves the service offline and
  // !healthy(): the shop keeps working without central.
  [[nodiscard]] Result<void> start() override;
  // Publishes the offline state, disconnects cleanly (waiting at most
  // SyncOptions::stop_timeout), stops every timer.
  void stop() override;
  void reconfigure(const service::Config& config, const std::vector<std::string>& changed) override;
  [[nodiscard]] bool healthy() const override;

  // --- for the rest of the service ----------------------------------------
  // The workflows' claims port (valid from construction; offline until started).
  [[nodiscard]] ::witryna::core::CodeClaims& claims() { return *claims_; }
  // Events were committed to the outbox: publish them (posted; never inline).
  void events_written();
  void answer_command(const core::CommandResult& result);
  void set_update_status(std::optional<core::UpdateStatus> update);
  // The applied desired config_ver and, when the latest one was refused, why.
  void set_config_status(std::int64_t config_ver, std::optional<core::ConfigError> error);

  // --- state, for the device state, health and tests ----------------------
  [[nodiscard]] bool connected() const;
  [[nodiscard]] bool redemptions_paused() const;
  [[nodiscard]] std::int64_t rejected_messages() const { return rejected_; }
  [[nodiscard]] core::DeviceState device_state() const;
  [[nodiscard]] const core::Topics* topics() const { return topics_ ? &*topics_ : nullptr; }
  [[nodiscard]] const InboundPipeline* inbound() const { return inbound_.get(); }
  [[nodiscard]] const OutboxSender* outbox() const { return outbox_.get(); }

 private:
  void connect_now();
  void schedule_reconnect();
  void on_connected(bool session_present);
  void on_disconnected(const Error& reason);
  void on_message(const MqttMessage& message);
  // Central was heard from at `now` (a stream message or an ack).
  void note_sync(TimePoint now);
  void on_command(std::string_view payload);
  void reject(std::string_view what, const Error& error);
  void tick();
  void arm_tick();
  void publish_state(TimePoint now);
  void after_outbox_change(TimePoint now);
  void publish(std::string topic, std::string payload, bool retained, MqttCompletion done);

  boost::asio::io_context& io_;
  service::Config config_;
  SyncOptions options_;
  std::mt19937_64 random_;
  std::optional<core::Topics> topics_;
  std::optional<store::Database> db_;
  std::unique_ptr<InboundPipeline> inbound_;
  std::unique_ptr<OutboxSender> outbox_;
  std::unique_ptr<MqttCodeClaims> claims_;
  std::optional<MqttClient> client_;
  core::Backoff backoff_;
  boost::asio::steady_timer reconnect_timer_;
  boost::asio::steady_timer tick_timer_;

  bool started_ = false;
  bool stopping_ = false;
  bool link_up_ = false;
  TimePoint since_{};
  std::optional<TimePoint> last_sync_;
  // When on_synced last told of last_sync_.
  std::optional<TimePoint> last_sync_told_;
  std::optional<core::PublishedState> last_state_;
  std::int64_t rejected_ = 0;
  std::int64_t config_ver_ = 0;
  std::optional<core::ConfigError> config_error_;
  std::optional<core::UpdateStatus> update_;
  bool paused_reported_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::sync
