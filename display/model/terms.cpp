#include "display/model/terms.hpp"

#include <array>
#include <optional>

namespace witryna::display {
namespace {

struct Term {
  TermKind kind;
  std::string_view key;
  std::string_view pl;
  std::string_view en;
};

constexpr std::array kTerms{
    Term{TermKind::kTier, "gold", "Złoty", "Gold"},
    Term{TermKind::kTier, "silver", "Srebrny", "Silver"},
    Term{TermKind::kTier, "bronze", "Brązowy", "Bronze"},
    Term{TermKind::kTier, "platinum", "Platynowy", "Platinum"},
    Term{TermKind::kTier, "standard", "Podstawowy", "Standard"},
    Term{TermKind::kTier, "basic", "Podstawowy", "Basic"},
    Term{TermKind::kCategory, "dresses", "Sukienki", "Dresses"},
    Term{TermKind::kCategory, "shoes", "Buty", "Shoes"},
    Term{TermKind::kCategory, "trousers", "Spodnie", "Trousers"},
    Term{TermKind::kCategory, "jeans", "Jeansy", "Jeans"},
    Term{TermKind::kCategory, "shirts", "Koszule", "Shirts"},
    Term{TermKind::kCategory, "tops", "Bluzki", "Tops"},
    Term{TermKind::kCategory, "knitwear", "Swetry", "Knitwear"},
    Term{TermKind::kCategory, "jackets", "Kurtki", "Jackets"},
    Term{TermKind::kCategory, "accessories", "Dodatki", "Accessories"},
    Term{TermKind::kCategory, "bags", "Torebki", "Bags"},
    Term{TermKind::kCategory, "sportswear", "Odzież sportowa", "Sportswear"},
    Term{TermKind::kChannel, "chat", "Czat", "Chat"},
    Term{TermKind::kChannel, "web", "Sklep internetowy", "Online store"},
    Term{TermKind::kChannel, "app", "Aplikacja", "App"},
    Term{TermKind::kChannel, "store", "Sklep", "Store"},
    Term{TermKind::kChannel, "phone", "Telefon", "Phone"},
    Term{TermKind::kChannel, "email", "E-mail", "E-mail"},
    Term{TermKind::kChannel, "kiosk", "Kiosk", "Kiosk"},
};

// Reasons: exact phrasings, and phrasings with one slot (`{}`) holding a
// size, a category or a tier.
struct Phrase {
  std::string_view en;
  std::string_view pl;
};

constexpr std::array kExactReasons{
    Phrase{"you viewed this", "oglądane przez Ciebie"},
    Phrase{"you viewed this online", "oglądane przez Ciebie online"},
    Phrase{"popular in this store", "popularne w tym sklepie"},
    Phrase{"new this week", "nowość w tym tygodniu"},
    Phrase{"new arrival", "nowość"},
    Phrase{"within your budget", "mieści się w Twoim budżecie"},
    Phrase{"fits your budget", "mieści się w Twoim budżecie"},
    Phrase{"this week only", "tylko w tym tygodniu"},
    Phrase{"back in stock", "znów dostępne"},
    Phrase{"matches your favourite categories", "pasuje do Twoich ulubionych kategorii"},
    Phrase{"for everyone", "dla wszystkich"},
};

enum class Slot { kAsIs, kCategory, kTier };

struct SlotPhrase {
  std::string_view en_prefix;
  std::string_view en_suffix;
  std::string_view pl;  // with one {}
  Slot slot;
};

constexpr std::array kSlotReasons{
    SlotPhrase{"you like ", "", "lubisz {}", Slot::kCategory},
    SlotPhrase{"your size ", " is in stock", "Twój rozmiar {} jest dostępny", Slot::kAsIs},
    SlotPhrase{"for ", " members", "dla klientów z poziomem {}", Slot::kTier},
};

constexpr std::array<std::string_view, 6> kSizes{"XS", "S", "M", "L", "XL", "XXL"};
constexpr std::array<std::string_view, 8> kQuizCategories{
    "dresses", "tops", "trousers", "jeans", "knitwear", "jackets", "shoes", "accessories"};
constexpr std::array<long long, 5> kBudgets{10000, 20000, 30000, 50000, 0};

std::optional<std::string_view> find_term(TermKind kind, std::string_view key, Language language) {
  for (const auto& t : kTerms) {
    if (t.kind == kind && t.key == key) return language == Language::kPl ? t.pl : t.en;
  }
  return std::nullopt;
}

std::string lower_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<std::string> translate_reason_pl(std::string_view reason) {
  const std::string lower = lower_ascii(reason);
  std::string_view r = lower;
  if (r.starts_with("because ")) r.remove_prefix(8);
  for (const auto& p : kExactReasons) {
    if (r == p.en) return std::string(p.pl);
  }
  for (const auto& p : kSlotReasons) {
    if (!r.starts_with(p.en_prefix) || !r.ends_with(p.en_suffix)) continue;
    if (r.size() <= p.en_prefix.size() + p.en_suffix.size()) continue;
    // Take the slot from the original text so sizes keep their case ("M").
    const std::size_t offset = reason.size() - r.size() + p.en_prefix.size();
    const std::string_view slot =
        reason.substr(offset, r.size() - p.en_prefix.size() - p.en_suffix.size());
    std::string value(slot);
    if (p.slot == Slot::kCategory) {
      const auto t = find_term(TermKind::kCategory, lower_ascii(slot), Language::kPl);
      if (!t) return std::nullopt;
      value = lower_first(*t);
    } else if (p.slot == Slot::kTier) {
      const auto t = find_term(TermKind::kTier, lower_ascii(slot), Language::kPl);
      if (!t) return std::nullopt;
      value = *t;
    }
    std::string out;
    const auto brace = p.pl.find("{}");
    out.append(p.pl.substr(0, brace)).append(value).append(p.pl.substr(brace + 2));
    return out;
  }
  return std::nullopt;
}

}  // namespace

std::string capitalize_first(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string localize_term(TermKind kind, std::string_view key, Language language) {
  if (const auto t = find_term(kind, key, language)) return std::string(*t);
  return capitalize_first(key);
}

std::string localize_reason(std::string_view reason, Language language) {
  if (language == Language::kPl) {
    if (auto pl = translate_reason_pl(reason)) return capitalize_first(*pl);
  }
  return capitalize_first(reason);
}

std::span<const std::string_view> quiz_sizes() {
  return kSizes;
}
std::span<const std::string_view> quiz_categories() {
  return kQuizCategories;
}
std::span<const long long> quiz_budgets_minor() {
  return kBudgets;
}

std::vector<std::string_view> all_term_strings() {
  std::vector<std::string_view> out;
  for (const auto& t : kTerms) {
    out.push_back(t.pl);
    out.push_back(t.en);
  }
  for (const auto& p : kExactReasons)
    out.push_back(p.pl);
  for (const auto& p : kSlotReasons)
    out.push_back(p.pl);
  return out;
}

}  // namespace witryna::display
