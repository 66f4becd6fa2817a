#pragma once
// Which devices get an update when (fleet.md: "rolls out in waves (a canary
// group first)"): wave 0 is the canary, then the other devices in batches, in
// the order given.

#include <cstddef>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::fleet {

struct WavePlan {
  std::vector<std::vector<std::string>> waves;  // waves[0]: the canary

  [[nodiscard]] std::size_t device_count() const;
};

// Canary first (its devices are taken out of `devices`), then `devices` in
// batches of `batch`. A device named twice counts once (its first place).
// Errors (errc::kConfig): an empty canary (a rollout without one would send a
// bad build everywhere at once), batch 0, a name that is not a topic level.
[[nodiscard]] Result<WavePlan> make_wave_plan(const std::vector<std::string>& canary,
                                              const std::vector<std::string>& devices,
                                              std::size_t batch);

}  // namespace witryna::fleet
