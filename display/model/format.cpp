#include "display/model/format.hpp"

#include <array>
#include <cstdio>

#include "display/model/translations.hpp"

namespace witryna::display {
namespace {

constexpr std::string_view kNbsp = "\u00A0";

std::string group_digits(std::uint64_t value, std::string_view separator) {
  std::string digits = std::to_string(value);
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
}

std::string two_digits(std::uint64_t v) {
  std::string s = std::to_string(v % 100);
  return s.size() == 1 ? "0" + s : s;
}

struct LocalParts {
  int year;
  unsigned month;
  unsigned day;
  long hour;
  long minute;
};

LocalParts local_parts(TimePoint t, const LocalClock& clock) {
  const auto local = t + clock.utc_offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const auto since_midnight = std::chrono::floor<std::chrono::minutes>(local - day);
  return LocalParts{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day()), since_midnight.count() / 60,
                    since_midnight.count() % 60};
}

}  // namespace

std::string format_integer(std::int64_t value, Language language) {
  const std::string sign = value < 0 ? "-" : "";
  return sign + group_digits(magnitude(value), language == Language::kPl ? kNbsp : ",");
}

std::string format_money(std::int64_t minor, std::string_view currency, Language language) {
  const std::uint64_t m = magnitude(minor);
  const std::string sign = minor < 0 ? "-" : "";
  if (language == Language::kPl) {
    const std::string number = group_digits(m / 100, kNbsp) + "," + two_digits(m);
    const std::string unit = currency == "PLN" ? "zł" : std::string(currency);
    return sign + number + std::string(kNbsp) + unit;
  }
  const std::string number = group_digits(m / 100, ",") + "." + two_digits(m);
  return sign + std::string(currency) + std::string(kNbsp) + number;
}

std::string format_money_short(std::int64_t minor, std::string_view currency, Language language) {
  if (minor % 100 != 0) return format_money(minor, currency, language);
  const std::string number = format_integer(minor / 100, language);
  if (language == Language::kPl) {
    return number + std::string(kNbsp) +
           (currency == "PLN" ? std::string("zł") : std::string(currency));
  }
  return std::string(currency) + std::string(kNbsp) + number;
}

std::string format_benefit(const domain::Benefit& benefit, Language language,
                           std::string_view default_currency) {
  switch (benefit.type) {
    case domain::BenefitType::kPercent:
      return "-" + std::to_string(benefit.value) + "%";
    case domain::BenefitType::kAmount:
      return "-" + format_money_short(benefit.value,
                                      benefit.currency.value_or(std::string(default_currency)),
                                      language);
    case domain::BenefitType::kPoints:
      return std::to_string(benefit.value) + (language == Language::kPl ? "× punkty" : "× points");
  }
  return {};
}

std::string format_clock(TimePoint t, const LocalClock& clock) {
  const auto p = local_parts(t, clock);
  return two_digits(static_cast<std::uint64_t>(p.hour)) + ":" +
         two_digits(static_cast<std::uint64_t>(p.minute));
}

std::string format_date_time(TimePoint t, const LocalClock& clock, Language language) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto p = local_parts(t, clock);
  const std::string time = format_clock(t, clock);
  if (language == Language::kPl) {
    return two_digits(p.day) + "." + two_digits(p.month) + "." + std::to_string(p.year) + " " +
           time;
  }
  return std::to_string(p.day) + " " + std::string(kMonths[(p.month - 1) % 12]) + " " +
         std::to_string(p.year) + ", " + time;
}

std::string format_ago(TimePoint t, const LocalClock& clock, Language language) {
  const auto minutes = std::chrono::floor<std::chrono::minutes>(clock.now - t).count();
  if (minutes < 1) return std::string(tr(Text::kJustNow, language));
  if (minutes < 60) return tr(Text::kMinutesAgo, language, {std::to_string(minutes)});
  if (minutes < 24 * 60) return tr(Text::kHoursAgo, language, {std::to_string(minutes / 60)});
  return format_date_time(t, clock, language);
}

std::string format_distance(std::int64_t meters, Language language) {
  if (meters < 1000) return std::to_string(meters < 0 ? 0 : meters) + std::string(kNbsp) + "m";
  const std::int64_t tenths = (meters + 50) / 100;
  return std::to_string(tenths / 10) + (language == Language::kPl ? "," : ".") +
         std::to_string(tenths % 10) + std::string(kNbsp) + "km";
}

std::int64_t minutes_until(TimePoint t, TimePoint now) {
  return std::chrono::ceil<std::chrono::minutes>(t - now).count();
}

Result<std::int64_t> parse_amount(std::string_view text) {
  std::int64_t whole = 0;
  std::int64_t fraction = 0;
  int fraction_digits = -1;  // -1: no separator seen yet
  bool any_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (fraction_digits < 0) {
        if (whole > 100'000'000'000)
          return fail(std::string(errc::kInvalidValue), "amount too large");
        whole = whole * 10 + (c - '0');
      } else {
        if (++fraction_digits > 2)
          return fail(std::string(errc::kInvalidValue), "more than 2 decimals");
        fraction = fraction * 10 + (c - '0');
      }
    } else if ((c == ',' || c == '.') && fraction_digits < 0) {
      fraction_digits = 0;
    } else if (c == ' ' && fraction_digits < 0) {
      continue;  // thousands grouping typed by hand
    } else if (text.substr(i).starts_with(kNbsp) && fraction_digits < 0) {
      i += kNbsp.size() - 1;
    } else {
      return fail(std::string(errc::kInvalidValue), "not an amount");
    }
  }
  if (!any_digit) return fail(std::string(errc::kInvalidValue), "empty amount");
  if (fraction_digits == 1) fraction *= 10;
  const std::int64_t minor = whole * 100 + fraction;
  if (minor <= 0) return fail(std::string(errc::kInvalidValue), "amount must be positive");
  return minor;
}

}  // namespace witryna::display
