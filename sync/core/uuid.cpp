#include "sync/core/uuid.hpp"

#include <cctype>

namespace witryna::sync::core {
namespace {

// splitmix64 (Steele, Lea, Flood 2014): advances `state` and returns the next value.
std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

}  // namespace

std::string format_uuid_v4(const std::array<std::uint8_t, 16>& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto bytes = random;
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0FU) | 0x40U);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3FU) | 0x80U);  // RFC 4122 variant
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes[i] >> 4U];
    out += kHex[bytes[i] & 0x0FU];
  }
  return out;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_here = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_here) {
      if (text[i] != '-') return false;
    } else if (std::isxdigit(static_cast<unsigned char>(text[i])) == 0) {
      return false;
    }
  }
  return true;
}

std::string IdGenerator::next() {
  std::array<std::uint8_t, 16> bytes{};
  const std::uint64_t hi = splitmix64(high_);
  const std::uint64_t lo = splitmix64(low_);
  for (std::size_t i = 0; i < 8; ++i) {
    bytes[i] = static_cast<std::uint8_t>(hi >> (56U - 8U * i));
    bytes[8 + i] = static_cast<std::uint8_t>(lo >> (56U - 8U * i));
  }
  return format_uuid_v4(bytes);
}

}  // namespace witryna::sync::core
