#pragma once
// Hexadecimal text <-> bytes (keys in configuration, digests).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::core {

// Lowercase hex.
// The value of one hex digit (either case), or -1 for any other character.
[[nodiscard]] int hex_digit_value(char c);

[[nodiscard]] std::string hex_encode(std::span<const std::uint8_t> bytes);

// Accepts upper- and lowercase digits, an even length and nothing else (no
// spaces, no "0x"). Fails with errc::kInvalidValue.
[[nodiscard]] Result<std::vector<std::uint8_t>> hex_decode(std::string_view text);

}  // namespace witryna::core
