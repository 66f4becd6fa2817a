#pragma once
// "published on connect (the birth) and whenever a field changes (at most
// once a second)": a pure decision over the last published payload.

#include <optional>
#include <string>
#include <string_view>

#include "edge/core/time.hpp"

namespace witryna::sync::core {

struct PublishedState {
  std::string payload;
  TimePoint at{};
};

struct StatePublishDecision {
  enum class Kind {
    kNothing,     // unchanged since the last publish
    kPublishNow,  // publish `payload` now, then remember it as published
    kScheduleAt,  // changed, but too soon: call again at `at` with the then-current payload
  };
  Kind kind = Kind::kNothing;
  TimePoint at{};

  friend bool operator==(const StatePublishDecision&, const StatePublishDecision&) = default;
};
[[nodiscard]] const char* to_string(StatePublishDecision::Kind k);

// `last`: what was published since the current connection was made (nullopt
// right after connecting: the birth always goes out at once).
[[nodiscard]] StatePublishDecision decide_state_publish(const std::optional<PublishedState>& last,
                                                        std::string_view payload, TimePoint now,
                                                        Millis min_interval = Millis(1'000));

}  // namespace witryna::sync::core
