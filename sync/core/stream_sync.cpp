#include "sync/core/stream_sync.hpp"

#include <algorithm>
#include <utility>

namespace witryna::sync::core {

const char* to_string(Phase p) {
  switch (p) {
    case Phase::kIdle:
      return "idle";
    case Phase::kAwaitingAnswer:
      return "awaiting_answer";
    case Phase::kReceivingSnapshot:
      return "receiving_snapshot";
  }
  return "?";
}

StreamSync::StreamSync(Stream stream, std::optional<std::int64_t> persisted_last,
                       SyncOptions options)
    : stream_(stream),
      options_(options),
      window_(persisted_last.value_or(0), options.max_ahead),
      assembler_(options.snapshot),
      need_snapshot_(!persisted_last.has_value()),
      from_zero_(!persisted_last.has_value()) {}

StreamDecision StreamSync::on_live(std::int64_t seq, TimePoint now, IdGenerator& ids) {
  StreamDecision d;
  d.stream = stream_;
  const auto verdict = window_.accept(seq);
  d.live = verdict;
  if (verdict != LiveVerdict::kDuplicate) {
    d.apply_items = true;
    d.live_seq = seq;
  }
  if (verdict == LiveVerdict::kInOrder) d.persist_last = window_.last();
  d.resync = settle(now, ids);
  return d;
}

StreamDecision StreamSync::on_part(const SnapshotPart& part, TimePoint now, IdGenerator& ids) {
  StreamDecision d;
  d.stream = stream_;
  auto outcome = assembler_.on_part(part, now);
  d.part = outcome.verdict;
  d.reject_reason = outcome.reject_reason;
  d.dropped = std::move(outcome.dropped);
  if (outcome.verdict == PartVerdict::kAccepted) {
    d.apply_items = true;
    d.snapshot_id = part.id;
    phase_ = Phase::kReceivingSnapshot;
    outstanding_.reset();  // the snapshot under way answers it
  }
  if (outcome.completed) {
    window_.raise_to(outcome.completed->upto_seq);
    need_snapshot_ = false;
    from_zero_ = false;
    phase_ = Phase::kIdle;
    d.persist_last = window_.last();
    d.completed = std::move(outcome.completed);
  }
  d.resync = settle(now, ids);
  return d;
}

PollDecision StreamSync::poll(TimePoint now, bool connected, IdGenerator& ids) {
  PollDecision d;
  d.stream = stream_;
  if (!connected) return d;
  if (phase_ == Phase::kReceivingSnapshot) {
    d.dropped = assembler_.expire(now);
    if (d.dropped) {
      phase_ = Phase::kIdle;
      need_snapshot_ = true;
    }
  }
  d.resync = settle(now, ids);
  return d;
}

void StreamSync::on_connected(TimePoint now) {
  assembler_.restart_clock(now);
  if (phase_ == Phase::kAwaitingAnswer) sent_at_ = std::max(sent_at_, now);
}

void StreamSync::request_not_sent(std::string_view request) {
  if (phase_ == Phase::kAwaitingAnswer && outstanding_ == request) {
    phase_ = Phase::kIdle;
    outstanding_.reset();
  }
}

PollDecision StreamSync::on_apply_failed(TimePoint now, bool connected, IdGenerator& ids) {
  PollDecision d;
  d.stream = stream_;
  need_snapshot_ = true;
  if (phase_ == Phase::kReceivingSnapshot) {
    // A part that was not applied would make the completed snapshot delete
    // entities it actually contains.
    d.dropped = assembler_.abandon(now);
    phase_ = Phase::kIdle;
  }
  if (connected) d.resync = settle(now, ids);
  return d;
}

PollDecision StreamSync::force_resync(TimePoint now, bool connected, IdGenerator& ids) {
  PollDecision d;
  d.stream = stream_;
  need_snapshot_ = true;
  from_zero_ = true;
  if (connected) d.resync = settle(now, ids);
  return d;
}

std::optional<TimePoint> StreamSync::next_due() const {
  switch (phase_) {
    case Phase::kReceivingSnapshot:
      return assembler_.deadline();
    case Phase::kAwaitingAnswer:
      return sent_at_ + options_.resync_retry;
    case Phase::kIdle:
      if (needs_resync()) return TimePoint{};
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ResyncRequest> StreamSync::settle(TimePoint now, IdGenerator& ids) {
  switch (phase_) {
    case Phase::kReceivingSnapshot:
      return std::nullopt;
    case Phase::kAwaitingAnswer:
      if (now < sent_at_ + options_.resync_retry) return std::nullopt;
      if (!needs_resync()) {
        phase_ = Phase::kIdle;
        outstanding_.reset();
        return std::nullopt;
      }
      return send(now, ids);
    case Phase::kIdle:
      if (!needs_resync()) return std::nullopt;
      return send(now, ids);
  }
  return std::nullopt;
}

ResyncRequest StreamSync::send(TimePoint now, IdGenerator& ids) {
  ResyncRequest r{stream_, from_zero_ ? 0 : window_.last(), ids.next()};
  outstanding_ = r.request;
  sent_at_ = now;
  phase_ = Phase::kAwaitingAnswer;
  return r;
}

}  // namespace witryna::sync::core
