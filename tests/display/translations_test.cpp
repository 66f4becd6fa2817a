#include "display/model/translations.hpp"

#include <gtest/gtest.h>

#include "display/model/friendly.hpp"
#include "display/model/terms.hpp"

namespace witryna::display {
namespace translations_test {
namespace {

std::size_t placeholders(std::string_view s) {
  std::size_t n = 0;
  for (auto pos = s.find("{}"); pos != std::string_view::npos; pos = s.find("{}", pos + 2))
    ++n;
  return n;
}

TEST(Translations, EveryTextInBothLanguagesWithTheSamePlaceholders) {
  for (int i = 0; i < static_cast<int>(Text::kCount); ++i) {
    const auto key = static_cast<Text>(i);
    const auto pl = tr(key, Language::kPl);
    const auto en = tr(key, Language::kEn);
    EXPECT_FALSE(pl.empty()) << i;
    EXPECT_FALSE(en.empty()) << i;
    EXPECT_EQ(placeholders(pl), placeholders(en)) << pl << " / " << en;
  }
}

TEST(Translations, Fill) {
  EXPECT_EQ(tr(Text::kGreetingName, Language::kPl, {"Anna"}), "Dzień dobry, Anna!");
  EXPECT_EQ(tr(Text::kGreetingName, Language::kEn, {"Anna"}), "Hello, Anna!");
  EXPECT_EQ(fill("{} of {}", {"1"}), "1 of {}");  // missing values leave the mark
  EXPECT_EQ(fill("no marks", {"x"}), "no marks");
}

TEST(Translations, PolishTextUsesPolishLetters) {
  // A guard against an accidentally ASCII-only table.
  std::string all;
  for (const auto s : all_strings())
    all += s;
  for (const char* letter : {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ł"}) {
    EXPECT_NE(all.find(letter), std::string::npos) << letter;
  }
}

TEST(Terms, LocalizedOrCapitalized) {
  EXPECT_EQ(localize_term(TermKind::kTier, "gold", Language::kPl), "Złoty");
  EXPECT_EQ(localize_term(TermKind::kTier, "gold", Language::kEn), "Gold");
  EXPECT_EQ(localize_term(TermKind::kCategory, "dresses", Language::kPl), "Sukienki");
  EXPECT_EQ(localize_term(TermKind::kChannel, "web", Language::kEn), "Online store");
  EXPECT_EQ(localize_term(TermKind::kTier, "diamond", Language::kPl), "Diamond");
}

TEST(Terms, ReasonsInPlainWords) {
  struct Case {
    const char* reason;
    Language lang;
    const char* want;
  };
  const Case cases[] = {
      {"you like dresses", Language::kEn, "You like dresses"},
      {"you like dresses", Language::kPl, "Lubisz sukienki"},
      {"because you like shoes", Language::kPl, "Lubisz buty"},
      {"your size M is in stock", Language::kPl, "Twój rozmiar M jest dostępny"},
      {"your size M is in stock", Language::kEn, "Your size M is in stock"},
      {"for gold members", Language::kPl, "Dla klientów z poziomem Złoty"},
      {"popular in this store", Language::kPl, "Popularne w tym sklepie"},
      {"you like kayaks", Language::kPl, "You like kayaks"},  // unknown category: as sent
      {"Nowa kolekcja", Language::kPl, "Nowa kolekcja"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(localize_reason(c.reason, c.lang), c.want) << c.reason;
}

TEST(Friendly, EveryContractOutcomeHasItsOwnSentence) {
  const std::string generic(tr(Text::kMsgGenericTitle, Language::kPl));
  // codes.md scan outcomes and screen-api.md code statuses.
  for (const char* outcome :
       {"unknown_card", "unrecognized", "invalid_check_digit", "bad_signature", "unknown_key",
        "expired", "not_yet_valid", "lifetime_too_long", "replayed", "unknown_customer",
        "malformed", "ok"}) {
    const auto m = friendly_outcome(outcome, OutcomeSource::kScan, Language::kPl);
    EXPECT_NE(m.title, generic) << outcome;
    EXPECT_EQ(m.title.find('_'), std::string::npos) << outcome;
  }
  for (const char* status : {"ok", "unknown_code", "expired", "already_used", "needs_online",
                             "invalid_check", "malformed", "locked"}) {
    const auto m = friendly_outcome(status, OutcomeSource::kCode, Language::kEn);
    EXPECT_NE(m.title, tr(Text::kMsgGenericTitle, Language::kEn)) << status;
    EXPECT_FALSE(m.hint.empty()) << status;
  }
}

TEST(Friendly, ExamplesAndFallback) {
  EXPECT_EQ(friendly_outcome("unknown_card", OutcomeSource::kScan, Language::kEn).title,
            "We don't recognise this card");
  EXPECT_EQ(friendly_outcome("expired", OutcomeSource::kCode, Language::kPl).title,
            "Ten kod wygasł");
  EXPECT_EQ(friendly_outcome("locked", OutcomeSource::kCode, Language::kEn).severity,
            Severity::kWarning);
  EXPECT_EQ(friendly_outcome("brand_new_outcome", OutcomeSource::kScan, Language::kPl).title,
            "Coś poszło nie tak");
  EXPECT_EQ(
      friendly_outcome("brand_new_outcome", OutcomeSource::kScan, Language::kPl, "Tekst").title,
      "Tekst");
}

}  // namespace
}  // namespace translations_test
}  // namespace witryna::display
