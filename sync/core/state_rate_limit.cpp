#include "sync/core/state_rate_limit.hpp"

namespace witryna::sync::core {

const char* to_string(StatePublishDecision::Kind k) {
  switch (k) {
    case StatePublishDecision::Kind::kNothing:
      return "nothing";
    case StatePublishDecision::Kind::kPublishNow:
      return "publish_now";
    case StatePublishDecision::Kind::kScheduleAt:
      return "schedule_at";
  }
  return "?";
}

StatePublishDecision decide_state_publish(const std::optional<PublishedState>& last,
                                          std::string_view payload, TimePoint now,
                                          Millis min_interval) {
  using Kind = StatePublishDecision::Kind;
  if (!last) return {Kind::kPublishNow, now};
  if (last->payload == payload) return {Kind::kNothing, {}};
  const TimePoint earliest = last->at + min_interval;
  if (now >= earliest) return {Kind::kPublishNow, now};
  return {Kind::kScheduleAt, earliest};
}

}  // namespace witryna::sync::core
