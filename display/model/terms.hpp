#pragma once
// Words that arrive as keys in the view (tier names, categories, history
// channels, offer reasons) and how a shopper reads them in each language.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "display/model/language.hpp"

namespace witryna::display {

enum class TermKind { kTier, kCategory, kChannel };

// The readable word for `key` ("gold" → "Złoty"/"Gold"); an unknown key comes
// back as given with its first letter in upper case.
[[nodiscard]] std::string localize_term(TermKind kind, std::string_view key, Language language);

// Offer reasons come from the edge in English words ("you like dresses");
// known phrasings are translated, the rest are shown as sent. The first letter
// is upper-cased so each reason reads as a sentence.
[[nodiscard]] std::string localize_reason(std::string_view reason, Language language);

// What the zero-party quiz offers to pick from (keys as the catalog uses them).
[[nodiscard]] std::span<const std::string_view> quiz_sizes();
[[nodiscard]] std::span<const std::string_view> quiz_categories();
// Budget choices in minor units; 0 means "no limit".
[[nodiscard]] std::span<const long long> quiz_budgets_minor();

// Every word of the tables above, for the glyph-coverage check.
[[nodiscard]] std::vector<std::string_view> all_term_strings();

// "dresses" → "Dresses" (ASCII first letter only; UTF-8 is left alone).
[[nodiscard]] std::string capitalize_first(std::string_view s);

}  // namespace witryna::display
