#include "sync/core/snapshot_assembler.hpp"

#include <algorithm>
#include <utility>

#include "sync/core/reasons.hpp"

namespace witryna::sync::core {
namespace {

PartOutcome rejected(std::string_view reason) {
  PartOutcome out;
  out.verdict = PartVerdict::kRejected;
  out.reject_reason = reason;
  return out;
}

PartOutcome with_verdict(PartVerdict v) {
  PartOutcome out;
  out.verdict = v;
  return out;
}

}  // namespace

const char* to_string(PartVerdict v) {
  switch (v) {
    case PartVerdict::kAccepted:
      return "accepted";
    case PartVerdict::kDuplicate:
      return "duplicate";
    case PartVerdict::kStale:
      return "stale";
    case PartVerdict::kRejected:
      return "rejected";
  }
  return "?";
}

PartOutcome SnapshotAssembler::on_part(const SnapshotPart& part, TimePoint now) {
  if (part.parts < 1 || part.part < 1 || part.part > part.parts || part.upto_seq < 0 ||
      part.id.empty()) {
    return rejected(reason::kSnapshotInvalidPart);
  }
  if (part.parts > options_.max_parts) return rejected(reason::kSnapshotTooManyParts);
  if (retired(part.id, now)) return with_verdict(PartVerdict::kStale);

  if (current_ && current_->id == part.id) {
    if (current_->parts != part.parts || current_->upto_seq != part.upto_seq) {
      return rejected(reason::kSnapshotInconsistent);
    }
    if (current_->received.contains(part.part)) return with_verdict(PartVerdict::kDuplicate);
    return add(part, now);
  }

  std::optional<std::string> dropped;
  if (current_) {
    if (part.upto_seq < current_->upto_seq) {
      retire(part.id, now);
      return with_verdict(PartVerdict::kStale);
    }
    dropped = current_->id;
    retire(current_->id, now);
  }
  current_ = Current{part.id, part.parts, part.upto_seq, {}, now};
  auto out = add(part, now);
  out.dropped = std::move(dropped);
  return out;
}

PartOutcome SnapshotAssembler::add(const SnapshotPart& part, TimePoint now) {
  current_->received.insert(part.part);
  current_->last_progress = now;
  auto out = with_verdict(PartVerdict::kAccepted);
  if (static_cast<std::int64_t>(current_->received.size()) == current_->parts) {
    out.completed = CompletedSnapshot{current_->id, current_->upto_seq};
    retire(current_->id, now);
    current_.reset();
  }
  return out;
}

std::optional<std::string> SnapshotAssembler::expire(TimePoint now) {
  if (!current_ || now < current_->last_progress + options_.part_timeout) return std::nullopt;
  return abandon(now);
}

std::optional<std::string> SnapshotAssembler::abandon(TimePoint now) {
  if (!current_) return std::nullopt;
  auto id = current_->id;
  retire(id, now);
  current_.reset();
  return id;
}

void SnapshotAssembler::restart_clock(TimePoint now) {
  if (current_) current_->last_progress = std::max(current_->last_progress, now);
}

std::optional<std::string> SnapshotAssembler::current_id() const {
  if (!current_) return std::nullopt;
  return current_->id;
}

std::optional<TimePoint> SnapshotAssembler::deadline() const {
  if (!current_) return std::nullopt;
  return current_->last_progress + options_.part_timeout;
}

bool SnapshotAssembler::retired(std::string_view id, TimePoint now) {
  while (!retired_.empty() && now >= retired_.front().second + options_.retired_for) {
    retired_.pop_front();
  }
  return std::any_of(retired_.begin(), retired_.end(),
                     [&](const auto& r) { return r.first == id; });
}

void SnapshotAssembler::retire(std::string id, TimePoint now) {
  std::erase_if(retired_, [&](const auto& r) { return r.first == id; });
  retired_.emplace_back(std::move(id), now);
  while (retired_.size() > std::max<std::size_t>(options_.remembered_ids, 1)) {
    retired_.pop_front();
  }
}

}  // namespace witryna::sync::core
