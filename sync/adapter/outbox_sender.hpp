#pragma once
// Store → central: the store's outbox published by core::OutboxPublisher on
// …/events (QoS 1, batches in order of n), deleted on central's cumulative
// ack, re-sent after the ack timeout and on every reconnect; and the outbox
// bound (core::decide_outbox_bounds): only offers.shown and scan are ever
// dropped, and past the bound redemptions are refused.
//
// Loop thread only. Completions arriving after destruction are ignored.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "sync/adapter/publish_fn.hpp"
#include "sync/core/outbox_bounds.hpp"
#include "sync/core/outbox_publisher.hpp"

namespace witryna::sync {

class OutboxSender {
 public:
  // `topic`: {root}/store/{store}/events.
  OutboxSender(store::Database& db, std::string device, std::string topic,
               core::OutboxOptions options, core::OutboxBounds bounds, PublishFn publish);
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;
  ~OutboxSender();

  // Publishes what the window allows. Call after writes, acks, connects and
  // on every tick (the ack timeout is applied here).
  void pump(TimePoint now, bool connected);
  // A message on …/acks. An ack of another device of the store is ignored;
  // a malformed one is an error (count it), nothing changes.
  [[nodiscard]] Result<void> on_ack(std::string_view payload, TimePoint now, bool connected);
  void on_connected(TimePoint now);
  void on_disconnected();
  // Applies the bound (drops droppable events when over it) and refreshes
  // the counters below. Call after events were written and after acks.
  [[nodiscard]] Result<void> check_bounds(TimePoint now);
  void set_bounds(core::OutboxBounds bounds) { bounds_ = bounds; }
  void set_ack_timeout(Millis timeout);

  [[nodiscard]] std::int64_t pending() const { return pending_; }
  [[nodiscard]] std::int64_t dropped_total() const { return dropped_total_; }
  [[nodiscard]] bool redemptions_paused() const { return paused_; }
  [[nodiscard]] const core::OutboxPublisher& publisher() const { return publisher_; }

 private:
  [[nodiscard]] Result<void> refresh_counts();

  store::Database& db_;
  std::string device_;
  std::string topic_;
  core::OutboxOptions options_;
  core::OutboxBounds bounds_;
  PublishFn publish_;
  core::OutboxPublisher publisher_;
  std::int64_t pending_ = 0;
  std::int64_t dropped_total_ = 0;
  bool paused_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::sync
