#include "sync/core/claim_tracker.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace witryna::sync::core {

const char* to_string(ClaimStart s) {
  switch (s) {
    case ClaimStart::kPublish:
      return "publish";
    case ClaimStart::kApplyOfflinePolicy:
      return "apply_offline_policy";
    case ClaimStart::kDuplicateClaim:
      return "duplicate_claim";
  }
  return "?";
}

const char* to_string(ClaimAnswer::Kind k) {
  switch (k) {
    case ClaimAnswer::Kind::kOutcome:
      return "outcome";
    case ClaimAnswer::Kind::kLate:
      return "late";
    case ClaimAnswer::Kind::kNotOurs:
      return "not_ours";
  }
  return "?";
}

ClaimStart ClaimTracker::start(std::string claim, std::string ticket, TimePoint now,
                               bool connected) {
  forget_old_late(now);
  const bool known =
      outstanding_.contains(claim) ||
      std::any_of(late_.begin(), late_.end(), [&](const Late& l) { return l.claim == claim; });
  if (known) return ClaimStart::kDuplicateClaim;
  if (!connected) return ClaimStart::kApplyOfflinePolicy;
  outstanding_.emplace(std::move(claim), Outstanding{std::move(ticket), now});
  return ClaimStart::kPublish;
}

ClaimAnswer ClaimTracker::on_result(std::string_view claim, ClaimResult result, TimePoint now) {
  forget_old_late(now);
  ClaimAnswer a;
  a.result = result;
  if (const auto it = outstanding_.find(claim); it != outstanding_.end()) {
    // Answered before any poll saw the deadline pass: the real answer wins.
    a.kind = ClaimAnswer::Kind::kOutcome;
    a.ticket = std::move(it->second.ticket);
    a.waited = now - it->second.sent_at;
    outstanding_.erase(it);
    return a;
  }
  const auto late =
      std::find_if(late_.begin(), late_.end(), [&](const Late& l) { return l.claim == claim; });
  if (late != late_.end()) {
    a.kind = ClaimAnswer::Kind::kLate;
    a.ticket = std::move(late->ticket);
    a.waited = now - late->sent_at;
    late_.erase(late);
    return a;
  }
  a.kind = ClaimAnswer::Kind::kNotOurs;
  return a;
}

ClaimTimeout ClaimTracker::time_out(std::map<std::string, Outstanding, std::less<>>::iterator it,
                                    TimePoint now) {
  ClaimTimeout t{it->first, it->second.ticket};
  late_.push_back(Late{it->first, std::move(it->second.ticket), it->second.sent_at, now});
  while (late_.size() > options_.remembered_late)
    late_.pop_front();
  outstanding_.erase(it);
  return t;
}

std::vector<ClaimTimeout> ClaimTracker::poll(TimePoint now) {
  forget_old_late(now);
  std::vector<ClaimTimeout> out;
  for (auto it = outstanding_.begin(); it != outstanding_.end();) {
    auto next = std::next(it);
    if (now >= it->second.sent_at + options_.timeout) out.push_back(time_out(it, now));
    it = next;
  }
  return out;
}

std::vector<ClaimTimeout> ClaimTracker::on_connection_lost(TimePoint now) {
  std::vector<ClaimTimeout> out;
  while (!outstanding_.empty())
    out.push_back(time_out(outstanding_.begin(), now));
  return out;
}

std::optional<ClaimTimeout> ClaimTracker::publish_failed(std::string_view claim, TimePoint now) {
  const auto it = outstanding_.find(claim);
  if (it == outstanding_.end()) return std::nullopt;
  return time_out(it, now);
}

std::optional<TimePoint> ClaimTracker::next_deadline() const {
  std::optional<TimePoint> out;
  for (const auto& [claim, o] : outstanding_) {
    const auto d = o.sent_at + options_.timeout;
    if (!out || d < *out) out = d;
  }
  return out;
}

void ClaimTracker::forget_old_late(TimePoint now) {
  while (!late_.empty() && now >= late_.front().timed_out_at + options_.remember_late_for) {
    late_.pop_front();
  }
}

}  // namespace witryna::sync::core
