#include "display/model/format.hpp"

#include <gtest/gtest.h>

namespace witryna::display {
namespace format_test {
namespace {

// Polish groups digits and separates units with a no-break space.
const std::string kNb = "\u00A0";

TimePoint at(const char* rfc3339) {
  return *parse_rfc3339(rfc3339);
}

TEST(FormatMoney, ByLanguage) {
  struct Case {
    std::int64_t minor;
    const char* currency;
    Language lang;
    std::string want;
  };
  const Case cases[] = {
      {24999, "PLN", Language::kPl, "249,99" + kNb + "zł"},
      {24999, "PLN", Language::kEn, "PLN" + kNb + "249.99"},
      {124999, "PLN", Language::kPl, "1" + kNb + "249,99" + kNb + "zł"},
      {124999, "PLN", Language::kEn, "PLN" + kNb + "1,249.99"},
      {5, "PLN", Language::kPl, "0,05" + kNb + "zł"},
      {100000000, "EUR", Language::kPl, "1" + kNb + "000" + kNb + "000,00" + kNb + "EUR"},
      {-1050, "EUR", Language::kEn, "-EUR" + kNb + "10.50"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_money(c.minor, c.currency, c.lang), c.want) << c.minor << " " << c.currency;
  }
}

TEST(FormatMoney, ShortDropsZeroMinorUnits) {
  EXPECT_EQ(format_money_short(10000, "PLN", Language::kPl), "100" + kNb + "zł");
  EXPECT_EQ(format_money_short(10000, "PLN", Language::kEn), "PLN" + kNb + "100");
  EXPECT_EQ(format_money_short(1250, "PLN", Language::kPl), "12,50" + kNb + "zł");
}

TEST(FormatBenefit, EachType) {
  using domain::Benefit;
  using domain::BenefitType;
  struct Case {
    Benefit benefit;
    Language lang;
    std::string want;
  };
  const Case cases[] = {
      {{BenefitType::kPercent, 20, std::nullopt}, Language::kPl, "-20%"},
      {{BenefitType::kPercent, 20, std::nullopt}, Language::kEn, "-20%"},
      {{BenefitType::kAmount, 5000, "PLN"}, Language::kPl, "-50" + kNb + "zł"},
      {{BenefitType::kAmount, 5000, "PLN"}, Language::kEn, "-PLN" + kNb + "50"},
      {{BenefitType::kAmount, 1250, std::nullopt}, Language::kPl, "-12,50" + kNb + "zł"},
      {{BenefitType::kPoints, 2, std::nullopt}, Language::kPl, "2× punkty"},
      {{BenefitType::kPoints, 3, std::nullopt}, Language::kEn, "3× points"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(format_benefit(c.benefit, c.lang, "PLN"), c.want);
}

TEST(FormatInteger, Groups) {
  EXPECT_EQ(format_integer(0, Language::kPl), "0");
  EXPECT_EQ(format_integer(999, Language::kEn), "999");
  EXPECT_EQ(format_integer(1250, Language::kPl), "1" + kNb + "250");
  EXPECT_EQ(format_integer(1250, Language::kEn), "1,250");
  EXPECT_EQ(format_integer(-1234567, Language::kEn), "-1,234,567");
}

TEST(FormatTime, LocalClockAndDate) {
  const LocalClock warsaw{at("2026-11-22T10:00:00Z"), std::chrono::minutes(60)};
  EXPECT_EQ(format_clock(at("2026-11-22T16:05:59Z"), warsaw), "17:05");
  EXPECT_EQ(format_clock(at("2026-11-22T23:30:00Z"), warsaw), "00:30");
  EXPECT_EQ(format_date_time(at("2026-11-02T11:40:00Z"), warsaw, Language::kPl),
            "02.11.2026 12:40");
  EXPECT_EQ(format_date_time(at("2026-11-02T11:40:00Z"), warsaw, Language::kEn),
            "2 Nov 2026, 12:40");
}

TEST(FormatTime, Ago) {
  const LocalClock clock{at("2026-11-22T10:00:00Z"), std::chrono::minutes(0)};
  struct Case {
    const char* then;
    Language lang;
    std::string want;
  };
  const Case cases[] = {
      {"2026-11-22T09:59:30Z", Language::kPl, "przed chwilą"},
      {"2026-11-22T09:55:00Z", Language::kPl, "5 min temu"},
      {"2026-11-22T09:55:00Z", Language::kEn, "5 min ago"},
      {"2026-11-22T07:10:00Z", Language::kPl, "2 godz. temu"},
      {"2026-11-20T07:10:00Z", Language::kEn, "20 Nov 2026, 07:10"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(format_ago(at(c.then), clock, c.lang), c.want) << c.then;
}

TEST(FormatDistance, MetresAndKilometres) {
  EXPECT_EQ(format_distance(800, Language::kPl), "800" + kNb + "m");
  EXPECT_EQ(format_distance(2400, Language::kPl), "2,4" + kNb + "km");
  EXPECT_EQ(format_distance(2400, Language::kEn), "2.4" + kNb + "km");
  EXPECT_EQ(format_distance(121500, Language::kEn), "121.5" + kNb + "km");
}

TEST(MinutesUntil, RoundsUpAndGoesNegative) {
  const TimePoint now = at("2026-11-22T10:00:00Z");
  EXPECT_EQ(minutes_until(at("2026-11-22T10:25:00Z"), now), 25);
  EXPECT_EQ(minutes_until(at("2026-11-22T10:24:01Z"), now), 25);
  EXPECT_EQ(minutes_until(at("2026-11-22T09:50:00Z"), now), -10);
}

TEST(ParseAmount, AcceptsWhatCashiersType) {
  struct Case {
    const char* text;
    std::int64_t want;
  };
  const Case ok[] = {{"249,99", 24999},     {"249.99", 24999},    {"249", 24900},
                     {"249,9", 24990},      {"1 249,99", 124999}, {"0,01", 1},
                     {"1\u00A0000", 100000}};
  for (const auto& c : ok) {
    const auto got = parse_amount(c.text);
    ASSERT_TRUE(got) << c.text;
    EXPECT_EQ(*got, c.want) << c.text;
  }
  for (const char* bad : {"", "abc", "12,345", "1,2,3", "0", "0,00", "-5", "12 zł", ","}) {
    EXPECT_FALSE(parse_amount(bad)) << bad;
  }
}

}  // namespace
}  // namespace format_test
}  // namespace witryna::display
