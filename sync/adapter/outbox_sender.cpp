#include "sync/adapter/outbox_sender.hpp"

#include <utility>
#include <vector>

#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/outbox_usage.hpp"
#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"

namespace witryna::sync {
namespace {

Result<core::OutboxStats> bounds_stats(store::Database& db) {
  auto usage = store::outbox_usage(db);
  if (!usage) return Unexpected(usage.error());
  return store::bounds_stats(*usage);
}

// The bytes drop_oldest_droppable must free to drop exactly what the
// decision says: droppable events oldest first, each while fewer than
// drop_bytes are freed or it is older than drop_older_than.
Result<std::int64_t> bytes_to_drop(store::Database& db, const core::BoundsDecision& decision) {
  auto q = store::query(db, "SELECT bytes, at FROM outbox WHERE droppable = 1 ORDER BY n");
  if (!q) return Unexpected(q.error());
  std::int64_t freed = 0;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return Unexpected(row.error());
    if (!*row) break;
    const bool for_bytes = freed < static_cast<std::int64_t>(decision.drop_bytes);
    const bool for_age = decision.drop_older_than &&
                         from_unix_millis((*q)->column_int(1)) < *decision.drop_older_than;
    if (!for_bytes && !for_age) break;
    freed += (*q)->column_int(0);
  }
  return freed;
}

}  // namespace

OutboxSender::OutboxSender(store::Database& db, std::string device, std::string topic,
                           core::OutboxOptions options, core::OutboxBounds bounds,
                           PublishFn publish)
    : db_(db),
      device_(std::move(device)),
      topic_(std::move(topic)),
      options_(options),
      bounds_(bounds),
      publish_(std::move(publish)),
      publisher_(device_, 0, options_) {
  (void)refresh_counts();
}

OutboxSender::~OutboxSender() {
  *alive_ = false;
}

void OutboxSender::set_ack_timeout(Millis timeout) {
  // The publisher keeps its options: a new one starts over from the first
  // unacknowledged event, which central drops as duplicates if need be.
  options_.ack_timeout = timeout;
  publisher_ = core::OutboxPublisher(device_, publisher_.acked_upto(), options_);
}

void OutboxSender::pump(TimePoint now, bool connected) {
  for (;;) {
    const auto want = publisher_.want(now, connected);
    if (want.max_events == 0) return;
    auto events = store::pending_events(db_, want.after_n, want.max_events);
    if (!events || events->empty()) return;
    std::vector<core::PendingEvent> pending;
    pending.reserve(events->size());
    for (const auto& e : *events)
      pending.push_back(core::PendingEvent{e.n, e.json.size()});
    const auto batches = publisher_.plan(pending, now);
    if (batches.empty()) return;
    for (const auto& batch : batches) {
      std::vector<std::string_view> texts;
      for (std::size_t i = batch.begin; i < batch.end; ++i)
        texts.emplace_back((*events)[i].json);
      publish_(topic_, core::events_payload(device_, texts), false,
               [this, alive = std::weak_ptr<bool>(alive_)](Result<void> result) {
                 if (alive.expired() || result) return;
                 publisher_.on_publish_failed();
               });
    }
  }
}

Result<void> OutboxSender::on_ack(std::string_view payload, TimePoint now, bool connected) {
  auto ack = core::parse_ack(payload);
  if (!ack) return Unexpected(ack.error());
  if (ack->device != device_) return {};
  const auto decision = publisher_.on_ack(ack->upto, now);
  if (decision.delete_upto) {
    if (auto deleted = store::ack_upto(db_, *decision.delete_upto); !deleted) {
      return Unexpected(deleted.error());
    }
    if (auto ok = check_bounds(now); !ok) return ok;
  }
  pump(now, connected);
  return {};
}

void OutboxSender::on_connected(TimePoint now) {
  publisher_.on_connected();
  pump(now, true);
}

void OutboxSender::on_disconnected() {
  publisher_.on_disconnected();
}

Result<void> OutboxSender::check_bounds(TimePoint now) {
  auto stats = bounds_stats(db_);
  if (!stats) return Unexpected(stats.error());
  const auto decision = core::decide_outbox_bounds(*stats, bounds_, now);
  if (decision.drops()) {
    auto bytes = bytes_to_drop(db_, decision);
    if (!bytes) return Unexpected(bytes.error());
    if (*bytes > 0) {
      auto tx = store::Transaction::begin(db_);
      if (!tx) return Unexpected(tx.error());
      auto dropped = store::drop_oldest_droppable(*tx, *bytes);
      if (!dropped) return Unexpected(dropped.error());
      if (auto ok = tx->commit(); !ok) return ok;
    }
  }
  paused_ = decision.refuse_redemptions;
  return refresh_counts();
}

Result<void> OutboxSender::refresh_counts() {
  auto stats = store::outbox_stats(db_);
  if (!stats) return Unexpected(stats.error());
  pending_ = stats->count;
  dropped_total_ = stats->dropped_total;
  return {};
}

}  // namespace witryna::sync
