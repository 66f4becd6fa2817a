#include "sync/core/backoff.hpp"

#include <algorithm>

namespace witryna::sync::core {
namespace {

// Uniform in [low, high] from a random uint64 (the modulo bias is negligible
// for ranges of milliseconds).
Millis uniform(std::uint64_t random, Millis low, Millis high) {
  if (high <= low) return low;
  const auto span = static_cast<std::uint64_t>((high - low).count()) + 1;
  return low + Millis(static_cast<Millis::rep>(random % span));
}

}  // namespace

Backoff::Backoff(BackoffOptions options) : options_(options), previous_(options.base) {
  if (options_.base < Millis(0)) options_.base = Millis(0);
  if (options_.cap < Millis(0)) options_.cap = Millis(0);
  previous_ = options_.base;
}

Millis Backoff::ceiling() const {
  if (options_.jitter == Jitter::kDecorrelated) {
    return std::min(options_.cap, std::max(options_.base, previous_ * 3));
  }
  // base * 2^attempts without overflow: stop doubling once past the cap.
  Millis c = options_.base;
  for (int i = 0; i < attempts_ && c < options_.cap && c > Millis(0); ++i)
    c *= 2;
  return std::min(c, options_.cap);
}

Millis Backoff::next_delay(std::uint64_t random) {
  Millis d{};
  if (options_.jitter == Jitter::kDecorrelated) {
    d = uniform(random, std::min(options_.base, options_.cap), ceiling());
  } else {
    d = uniform(random, Millis(0), ceiling());
  }
  previous_ = std::max(d, options_.base);
  if (attempts_ < 1'000'000) ++attempts_;
  return d;
}

void Backoff::reset() {
  attempts_ = 0;
  previous_ = options_.base;
}

}  // namespace witryna::sync::core
