#pragma once
// A small deterministic generator (SplitMix64). The standard distributions
// differ between standard libraries, so the same --seed would not give the
// same brand everywhere; these few helpers do.
//
// Every entity gets its own generator from (seed, kind, index): any product,
// customer or stock item can be made again on its own, in any order, without
// keeping the others in memory.

#include <cstddef>
#include <cstdint>

namespace witryna::datagen {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // A generator for entity `index` of `kind`, independent of all others.
  [[nodiscard]] static Rng of(std::uint64_t seed, std::uint64_t kind, std::uint64_t index) {
    Rng mixer(seed ^ (kind * 0x9E3779B97F4A7C15ULL));
    const std::uint64_t base = mixer.next();
    return Rng(base ^ (index * 0xD1B54A32D192ED03ULL));
  }

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n), n > 0 (the modulo bias is irrelevant for demo data).
  std::uint64_t below(std::uint64_t n) { return next() % n; }

  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  template <typename Container>
  const auto& pick(const Container& c) {
    return c[static_cast<std::size_t>(below(c.size()))];
  }

  // An index chosen by integer weights.
  template <typename Weights>
  std::size_t weighted(const Weights& weights) {
    std::uint64_t total = 0;
    for (auto w : weights)
      total += static_cast<std::uint64_t>(w);
    std::uint64_t r = below(total);
    std::size_t i = 0;
    for (auto w : weights) {
      if (r < static_cast<std::uint64_t>(w)) return i;
      r -= static_cast<std::uint64_t>(w);
      ++i;
    }
    return i - 1;
  }

 private:
  std::uint64_t state_;
};

// Entity kinds for Rng::of.
namespace kind {
inline constexpr std::uint64_t kModel = 1;
inline constexpr std::uint64_t kOffer = 2;
inline constexpr std::uint64_t kCustomer = 3;
inline constexpr std::uint64_t kStock = 4;
inline constexpr std::uint64_t kNearby = 5;
inline constexpr std::uint64_t kReservation = 6;
inline constexpr std::uint64_t kCode = 7;
inline constexpr std::uint64_t kProductVer = 8;
}  // namespace kind

}  // namespace witryna::datagen
