#include "edge/core/update/window.hpp"

namespace witryna::core {

namespace {

// "HH:MM" → minutes, or -1.
int parse_window_clock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return -1;
  for (const auto i : {0, 1, 3, 4}) {
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return -1;
  }
  const int hours = (s[0] - '0') * 10 + (s[1] - '0');
  const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
  if (hours > 23 || minutes > 59) return -1;
  return hours * 60 + minutes;
}

}  // namespace

bool MaintenanceWindow::contains(int minute_of_day) const {
  if (start_minute < end_minute) return minute_of_day >= start_minute && minute_of_day < end_minute;
  return minute_of_day >= start_minute || minute_of_day < end_minute;
}

std::string MaintenanceWindow::to_string() const {
  const auto clock = [](int minute) {
    const auto two = [](int n) {
      return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
    };
    return two(minute / 60) + ":" + two(minute % 60);
  };
  return clock(start_minute) + "-" + clock(end_minute);
}

Result<MaintenanceWindow> parse_maintenance_window(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return fail(std::string(errc::kInvalidValue),
                "update window \"" + std::string(text.substr(0, 32)) + "\": " + std::string(why));
  };
  if (text.size() != 11 || text[5] != '-') return bad("expected HH:MM-HH:MM");
  const int start = parse_window_clock(text.substr(0, 5));
  const int end = parse_window_clock(text.substr(6, 5));
  if (start < 0 || end < 0) return bad("times are 00:00 to 23:59");
  if (start == end) return bad("start and end are the same");
  return MaintenanceWindow{start, end};
}

}  // namespace witryna::core
