#pragma once
// The operator's live view of device states (`witryna-fleet watch`, and the
// table a rollout redraws): one row per device from its latest state, text
// lines for a terminal. A model only: the adapter decides where lines go.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/time.hpp"
#include "tools/fleet/core/device_report.hpp"

namespace witryna::fleet {

struct DeviceRow {
  DeviceReport report;
  TimePoint last_seen{};  // when its latest state arrived here
};

class DeviceTable {
 public:
  // The latest state wins; a Last Will (offline) keeps the device's last
  // known version, configuration and update, and only marks it offline.
  void upsert(const DeviceReport& report, TimePoint now);

  [[nodiscard]] const std::map<std::string, DeviceRow, std::less<>>& rows() const { return rows_; }
  [[nodiscard]] const DeviceRow* find(std::string_view device) const;

 private:
  std::map<std::string, DeviceRow, std::less<>> rows_;
};

// "downloading [#####     ] 50%", "verifying", "committed", "—" (no update).
[[nodiscard]] std::string progress_cell(const DeviceReport& report);

struct TableOptions {
  // Only these devices (in this order) when not empty, a row each even
  // before their first state ("no state yet").
  std::vector<std::string> devices;
  // An extra first column (e.g. the rollout's wave and outcome); empty title: none.
  std::string extra_title;
  std::function<std::string(std::string_view device)> extra;
  // Cut lines to this many characters; 0: no limit.
  std::size_t width = 0;
};

// A header line, one line per device (sorted by name unless
// options.devices orders them), then a summary line such as
// "20 devices: 19 online, 1 offline | update: 18 committed, 1 downloading, 1 failed".
[[nodiscard]] std::vector<std::string> render_table(const DeviceTable& table, TimePoint now,
                                                    const TableOptions& options = {});

}  // namespace witryna::fleet
