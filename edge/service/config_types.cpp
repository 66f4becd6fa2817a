// Small behaviour of the configuration value types.
#include <charconv>
#include <string>

#include "edge/service/config.hpp"

namespace witryna::service {

std::string_view to_string(ScreenRole role) {
  return role == ScreenRole::kCheckout ? "checkout" : "kiosk";
}

std::string_view to_string(Language language) {
  return language == Language::kEn ? "en" : "pl";
}

std::string_view to_string(ScannerKind kind) {
  switch (kind) {
    case ScannerKind::kHid:
      return "hid";
    case ScannerKind::kSerial:
      return "serial";
    case ScannerKind::kSim:
      return "sim";
  }
  return "sim";
}

std::string_view to_string(KeyboardLayout layout) {
  return layout == KeyboardLayout::kPl ? "pl" : "us";
}

bool MqttConfig::plain() const {
  return broker.starts_with("tcp://") || broker.starts_with("mqtt://");
}

const ScreenConfig* ScreensConfig::find(std::string_view id) const {
  for (const auto& screen : list) {
    if (screen.id == id) return &screen;
  }
  return nullptr;
}

double PointsConfig::multiplier(std::string_view tier) const {
  const auto it = tier_multipliers.find(std::string(tier));
  return it == tier_multipliers.end() ? 1.0 : it->second;
}

bool TimeWindow::contains(int minute_of_day) const {
  if (start_minute < end_minute) {
    return minute_of_day >= start_minute && minute_of_day < end_minute;
  }
  // Wraps midnight: 22:00-06:00 holds 23:00 and 05:00.
  return minute_of_day >= start_minute || minute_of_day < end_minute;
}

std::string TimeWindow::to_string() const {
  const auto two = [](int v) {
    return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
  };
  return two(start_minute / 60) + ":" + two(start_minute % 60) + "-" + two(end_minute / 60) + ":" +
         two(end_minute % 60);
}

namespace {

std::optional<int> parse_hh_mm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  int h = 0;
  int m = 0;
  const auto hours = text.substr(0, 2);
  const auto minutes = text.substr(3, 2);
  if (std::from_chars(hours.data(), hours.data() + 2, h).ptr != hours.data() + 2) {
    return std::nullopt;
  }
  if (std::from_chars(minutes.data(), minutes.data() + 2, m).ptr != minutes.data() + 2) {
    return std::nullopt;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace

Result<TimeWindow> parse_time_window(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    return fail(std::string(errc::kConfig), "no '-' between start and end");
  }
  const auto start = parse_hh_mm(text.substr(0, dash));
  const auto end = parse_hh_mm(text.substr(dash + 1));
  if (!start || !end) {
    return fail(std::string(errc::kConfig), "times must be HH:MM between 00:00 and 23:59");
  }
  if (*start == *end) {
    return fail(std::string(errc::kConfig), "start and end must differ");
  }
  return TimeWindow{*start, *end};
}

}  // namespace witryna::service
