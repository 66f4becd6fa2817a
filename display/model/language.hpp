#pragma once

#include <optional>
#include <string_view>

namespace witryna::display {

// The language a screen speaks (`display.language`, `--language`).
enum class Language { kPl, kEn };

[[nodiscard]] constexpr const char* to_string(Language l) {
  return l == Language::kPl ? "pl" : "en";
}

[[nodiscard]] constexpr std::optional<Language> language_from(std::string_view s) {
  if (s == "pl") return Language::kPl;
  if (s == "en") return Language::kEn;
  return std::nullopt;
}

}  // namespace witryna::display
