#pragma once
// The fixed vocabulary of the generated brand: categories, names, colours,
// stores. Polish names, as a Polish chain's central system would send them.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace witryna::datagen {

// Segments and tiers as the contract's profiles carry them.
inline constexpr std::array<std::string_view, 3> kSegments = {"active", "lapsed", "new"};
inline constexpr std::array<std::string_view, 4> kTiers = {"standard", "silver", "gold",
                                                           "platinum"};

// `value` in decimal, zero-padded on the left to `width` digits (ids, card numbers).
[[nodiscard]] inline std::string padded(std::size_t value, std::size_t width) {
  std::string s = std::to_string(value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

enum class SizeKind { kApparel, kShoes, kOneSize };

struct CategoryInfo {
  std::string_view name;           // contract value, e.g. "dresses"
  std::string_view code;           // sku prefix, e.g. "DRS"
  std::string_view polish_plural;  // "sukienki" (for offer titles: "-20% na sukienki")
  SizeKind sizes;
  std::int64_t price_lo_pln;
  std::int64_t price_hi_pln;
  int weight;  // share of models
  std::span<const std::string_view> names;
};

struct ColorInfo {
  std::string_view name;  // "red"
  std::string_view code;  // "RED"
};

struct StoreInfo {
  std::string_view id;
  std::string_view name;
  double lat;
  double lon;
};

[[nodiscard]] std::span<const CategoryInfo> categories();
[[nodiscard]] std::span<const ColorInfo> colors();
[[nodiscard]] std::span<const std::string_view> apparel_sizes();  // XS … XL
[[nodiscard]] std::span<const std::string_view> shoe_sizes();     // 36 … 46
[[nodiscard]] std::span<const std::string_view> collections();    // "Mazury", "Tatry", …
[[nodiscard]] std::span<const StoreInfo> stores();
[[nodiscard]] std::span<const std::string_view> first_names();
[[nodiscard]] std::span<const std::string_view> offer_bodies();
[[nodiscard]] std::span<const std::string_view> history_notes();
[[nodiscard]] std::span<const std::string_view> code_reasons();

// Great-circle distance in metres, rounded to 100 m.
[[nodiscard]] std::int64_t distance_m(const StoreInfo& a, const StoreInfo& b);
[[nodiscard]] const StoreInfo* find_store(std::string_view id);

}  // namespace witryna::datagen
