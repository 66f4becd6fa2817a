#include "edge/core/encoding/base64url.hpp"

#include <array>

namespace witryna::core {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Symbol value of `c`, or -1 outside the alphabet.
constexpr int symbol_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

template <typename Out>
Result<Out> decode_into(std::string_view text) {
  if (text.size() % 4 == 1) {
    return fail(std::string(errc::kInvalidValue), "base64url length is 1 mod 4");
  }
  Out out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int value = symbol_value(c);
    if (value < 0) return fail(std::string(errc::kInvalidValue), "character outside base64url");
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<typename Out::value_type>((buffer >> bits) & 0xFFU));
    }
  }
  // 0, 2 or 4 bits are left over; a canonical encoding leaves them zero.
  if ((buffer & ((1U << bits) - 1U)) != 0) {
    return fail(std::string(errc::kInvalidValue), "non-zero trailing bits in base64url");
  }
  return out;
}

}  // namespace

bool is_base64url_alphabet(std::string_view text) {
  for (const char c : text) {
    if (symbol_value(c) < 0) return false;
  }
  return true;
}

Result<std::vector<std::uint8_t>> base64url_decode(std::string_view text) {
  return decode_into<std::vector<std::uint8_t>>(text);
}

Result<std::string> base64url_decode_to_string(std::string_view text) {
  return decode_into<std::string>(text);
}

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> bits) & 0x3FU]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3FU]);
  return out;
}

std::string base64url_encode(std::string_view bytes) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  return base64url_encode(std::span<const std::uint8_t>(data, bytes.size()));
}

}  // namespace witryna::core
