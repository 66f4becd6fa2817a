#pragma once
// How numbers, money, benefits and times read on a screen, per language.
// Pure functions: the caller passes `now` and the local UTC offset.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "display/model/language.hpp"
#include "edge/core/domain/benefit.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::display {

// Where the screen stands in time: formatting turns UTC into local wall-clock
// time with `utc_offset` (the render thread reads it from the system each frame).
struct LocalClock {
  TimePoint now{};
  std::chrono::minutes utc_offset{0};
};

// Thousands grouped: "1 250" (pl, with a no-break space) / "1,250" (en).
[[nodiscard]] std::string format_integer(std::int64_t value, Language language);

// 24999 PLN → "249,99 zł" (pl) / "PLN 249.99" (en); other currencies keep
// their ISO code ("249,99 EUR" / "EUR 249.99"). Two minor digits.
[[nodiscard]] std::string format_money(std::int64_t minor, std::string_view currency,
                                       Language language);

// As format_money, without ",00" for whole amounts: "100 zł" / "PLN 100".
[[nodiscard]] std::string format_money_short(std::int64_t minor, std::string_view currency,
                                             Language language);

// "-20%", "-50 zł" / "-PLN 50" ("-12,50 zł" when not whole), "2× punkty" / "2× points".
// An amount without its own currency uses `default_currency`.
[[nodiscard]] std::string format_benefit(const domain::Benefit& benefit, Language language,
                                         std::string_view default_currency);

// "14:05" local time.
[[nodiscard]] std::string format_clock(TimePoint t, const LocalClock& clock);

// "21.11.2026 14:05" (pl) / "21 Nov 2026, 14:05" (en), local time.
[[nodiscard]] std::string format_date_time(TimePoint t, const LocalClock& clock, Language language);

// How long ago, for status lines: "przed chwilą" / "5 min temu" / "2 godz. temu",
// then the date and time.
[[nodiscard]] std::string format_ago(TimePoint t, const LocalClock& clock, Language language);

// "800 m", "2,4 km" / "2.4 km".
[[nodiscard]] std::string format_distance(std::int64_t meters, Language language);

// Whole minutes from now until `t` (negative when past), rounded up.
[[nodiscard]] std::int64_t minutes_until(TimePoint t, TimePoint now);

// A cashier's amount: "249,99", "249.99", "249", "1 249,99" → minor units.
// Fails with invalid_value on anything else (more than two decimals, letters,
// zero or negative).
[[nodiscard]] Result<std::int64_t> parse_amount(std::string_view text);

}  // namespace witryna::display
