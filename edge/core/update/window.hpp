#pragma once
// When an update may be installed: inside the maintenance window
// (update.window, "22:00-06:00" store-local time, may wrap midnight) unless
// the manifest is urgent. The caller converts "now" to the store's local
// minute of the day (the core knows no time zones).

#include <string>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::core {

struct MaintenanceWindow {
  int start_minute = 22 * 60;  // minutes since local midnight, 0..1439
  int end_minute = 6 * 60;     // exclusive; start ≠ end

  // [start, end), wrapping midnight when end < start.
  [[nodiscard]] bool contains(int minute_of_day) const;
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const MaintenanceWindow&, const MaintenanceWindow&) = default;
};

// "HH:MM-HH:MM", 00:00..23:59, start ≠ end. errc::kInvalidValue otherwise.
[[nodiscard]] Result<MaintenanceWindow> parse_maintenance_window(std::string_view text);

[[nodiscard]] inline bool may_install_now(bool urgent, const MaintenanceWindow& window,
                                          int local_minute_of_day) {
  return urgent || window.contains(local_minute_of_day);
}

}  // namespace witryna::core
