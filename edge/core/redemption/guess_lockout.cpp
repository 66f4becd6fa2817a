#include "edge/core/redemption/guess_lockout.hpp"

#include <cstddef>

namespace witryna::core {

bool is_guess_failure(Outcome outcome) {
  return outcome == Outcome::kUnknownCode || outcome == Outcome::kInvalidCheck;
}

bool GuessLockout::locked(TimePoint now) const {
  return locked_until(now).has_value();
}

std::optional<TimePoint> GuessLockout::locked_until(TimePoint now) const {
  if (until_ && now < *until_) return until_;
  return std::nullopt;
}

bool GuessLockout::record(Outcome outcome, TimePoint now) {
  if (locked(now) || !is_guess_failure(outcome)) return false;
  while (!failures_.empty() && now - failures_.front() > policy_.window)
    failures_.pop_front();
  failures_.push_back(now);
  if (failures_.size() < static_cast<std::size_t>(policy_.max_failures)) return false;
  failures_.clear();
  until_ = now + policy_.lock_for;
  return true;
}

bool TillLockouts::locked(std::string_view till, TimePoint now) const {
  return locked_until(till, now).has_value();
}

std::optional<TimePoint> TillLockouts::locked_until(std::string_view till, TimePoint now) const {
  const auto it = tills_.find(till);
  if (it == tills_.end()) return std::nullopt;
  return it->second.locked_until(now);
}

bool TillLockouts::record(std::string_view till, Outcome outcome, TimePoint now) {
  if (!is_guess_failure(outcome) && tills_.find(till) == tills_.end()) return false;
  auto it = tills_.try_emplace(std::string(till), policy_).first;
  return it->second.record(outcome, now);
}

}  // namespace witryna::core
