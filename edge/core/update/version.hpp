#pragma once
// Software versions "MAJOR.MINOR.PATCH" with an optional "-prerelease"
// (Semantic Versioning 2.0.0 precedence; "+build" metadata is refused, since
// two builds that compare equal could not both be installed side by side).

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::core {

struct Version {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
  std::uint32_t patch = 0;
  std::vector<std::string> prerelease;  // dot-separated identifiers; empty = a release

  [[nodiscard]] std::string to_string() const;
};

// SemVer precedence: numbers compared numerically, a pre-release sorts below
// its release, identifiers compared left to right (numeric < alphanumeric).
[[nodiscard]] std::strong_ordering compare(const Version& a, const Version& b);
[[nodiscard]] inline bool operator<(const Version& a, const Version& b) {
  return compare(a, b) < 0;
}
[[nodiscard]] inline bool operator==(const Version& a, const Version& b) {
  return compare(a, b) == 0;
}

// Fails with errc::kInvalidValue: not three dot-separated numbers without
// leading zeros (each < 2^32), an empty or non [0-9A-Za-z-] pre-release
// identifier, a numeric identifier with a leading zero, or "+build".
[[nodiscard]] Result<Version> parse_version(std::string_view text);

}  // namespace witryna::core
