#pragma once
// EAN-13 loyalty cards (codes.md §1).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace witryna::core {

// The GS1 "restricted circulation" prefix our brand cards use by default
// (config `cards.prefixes`).
inline const std::vector<std::string> kDefaultCardPrefixes = {"29"};

// Exactly 13 ASCII digits.
[[nodiscard]] bool is_ean13_shape(std::string_view text);

// The GS1 check digit ('0'..'9') for 12 ASCII digits: weights 1,3,1,3,… from
// the left, check = (10 − sum mod 10) mod 10. Precondition: 12 digits.
[[nodiscard]] char ean13_check_digit(std::string_view first12);

// 13 digits whose last one is the GS1 check digit of the first 12.
[[nodiscard]] bool is_valid_ean13(std::string_view text);

// A valid EAN-13 starting with one of `prefixes` (a brand card, not a product).
[[nodiscard]] bool is_brand_card(std::string_view text, std::span<const std::string> prefixes);

}  // namespace witryna::core
