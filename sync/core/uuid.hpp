#pragma once
// Ids of resync requests and code claims: UUID version 4 strings. The core
// reads no random source: the bytes or the seed come from the caller.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace witryna::sync::core {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" (lower-case hex) from 16 random
// bytes; the version and variant bits are set here.
[[nodiscard]] std::string format_uuid_v4(const std::array<std::uint8_t, 16>& random);

// 8-4-4-4-12 hex digits (either case), any version.
[[nodiscard]] bool is_uuid(std::string_view text);

// Makes a sequence of UUID v4 strings from a 128-bit seed (splitmix64 on
// each half). The seed must come from a real random source (the adapter
// reads std::random_device) so that devices and restarts do not repeat ids;
// the ids are unique, not secret. Tests pass a fixed seed.
class IdGenerator {
 public:
  explicit IdGenerator(std::uint64_t seed_high, std::uint64_t seed_low = 0)
      : high_(seed_high), low_(seed_low) {}

  [[nodiscard]] std::string next();

 private:
  std::uint64_t high_;
  std::uint64_t low_;
};

}  // namespace witryna::sync::core
