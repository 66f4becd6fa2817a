#include "edge/core/codes/ean13.hpp"

#include <cassert>

namespace witryna::core {
namespace {

bool all_digits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool is_ean13_shape(std::string_view text) {
  return text.size() == 13 && all_digits(text);
}

char ean13_check_digit(std::string_view first12) {
  assert(first12.size() == 12 && all_digits(first12));
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const int weight = (i % 2 == 0) ? 1 : 3;
    sum += weight * (first12[i] - '0');
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool is_valid_ean13(std::string_view text) {
  return is_ean13_shape(text) && ean13_check_digit(text.substr(0, 12)) == text[12];
}

bool is_brand_card(std::string_view text, std::span<const std::string> prefixes) {
  if (!is_valid_ean13(text)) return false;
  for (const auto& prefix : prefixes) {
    if (!prefix.empty() && text.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace witryna::core
