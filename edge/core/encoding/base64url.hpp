#pragma once
// base64url (RFC 4648 §5) without padding, as JWS compact serialization uses it.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::core {

// True when every character is in the base64url alphabet (A-Z a-z 0-9 - _).
// Says nothing about the length; an empty string is true.
[[nodiscard]] bool is_base64url_alphabet(std::string_view text);

// Strict decoding: only the alphabet, no padding, no whitespace, a length that
// is not 1 mod 4, and the unused low bits of the last symbol equal to zero.
// The last rule makes the encoding canonical: every byte string has exactly one
// accepted text, so changing any character of an encoded signature changes the
// decoded bytes. Fails with errc::kInvalidValue.
[[nodiscard]] Result<std::vector<std::uint8_t>> base64url_decode(std::string_view text);
// The same, for text payloads (JSON): the bytes as a std::string.
[[nodiscard]] Result<std::string> base64url_decode_to_string(std::string_view text);

[[nodiscard]] std::string base64url_encode(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::string base64url_encode(std::string_view bytes);

}  // namespace witryna::core
