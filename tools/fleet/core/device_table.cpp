#include "tools/fleet/core/device_table.hpp"

#include <algorithm>

namespace witryna::fleet {
namespace {

constexpr int kBarWidth = 10;

std::string age_text(TimePoint now, TimePoint then) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(now - then).count();
  if (s < 0) return "0s";
  if (s < 120) return std::to_string(s) + "s";
  if (s < 2 * 3600) return std::to_string(s / 60) + "m";
  return std::to_string(s / 3600) + "h";
}

std::string config_cell(const DeviceReport& report) {
  std::string text = std::to_string(report.state.config_ver);
  if (const auto& error = report.state.config_error)
    text += " (v" + std::to_string(error->config_ver) + " refused: " + error->error + ")";
  return text;
}

std::string cut(std::string line, std::size_t width) {
  if (width != 0 && line.size() > width) line.resize(width);
  return line;
}

}  // namespace

void DeviceTable::upsert(const DeviceReport& report, TimePoint now) {
  auto [it, inserted] = rows_.try_emplace(report.state.device);
  DeviceRow& row = it->second;
  row.last_seen = now;
  if (!inserted && !report.online()) {
    row.report.state.status = report.state.status;
    return;
  }
  row.report = report;
}

const DeviceRow* DeviceTable::find(std::string_view device) const {
  const auto it = rows_.find(device);
  return it == rows_.end() ? nullptr : &it->second;
}

std::string progress_cell(const DeviceReport& report) {
  const auto& update = report.state.update;
  if (!update || update->state.empty()) return "-";
  if (update->state == "downloading" && report.percent) {
    const int filled = *report.percent * kBarWidth / 100;
    return "downloading [" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kBarWidth - filled), ' ') + "] " +
           std::to_string(*report.percent) + "%";
  }
  std::string text = update->state;
  if (!update->detail.empty() && update->state != "committed") text += ": " + update->detail;
  return text;
}

std::vector<std::string> render_table(const DeviceTable& table, TimePoint now,
                                      const TableOptions& options) {
  std::vector<std::string> names = options.devices;
  if (names.empty()) {
    for (const auto& [name, row] : table.rows())
      names.push_back(name);
  }
  const bool extra = !options.extra_title.empty() && options.extra;
  using Cells = std::vector<std::string>;
  std::vector<Cells> lines;
  Cells header = {"DEVICE", "STORE", "STATUS", "VERSION", "CONFIG", "UPDATE", "PROGRESS", "SEEN"};
  if (extra) header.insert(header.begin(), options.extra_title);
  lines.push_back(header);

  std::size_t online = 0;
  std::size_t offline = 0;
  std::size_t unknown = 0;
  std::map<std::string, std::size_t> update_states;
  for (const auto& name : names) {
    Cells cells;
    if (const DeviceRow* row = table.find(name)) {
      const auto& s = row->report.state;
      (row->report.online() ? online : offline) += 1;
      if (s.update && !s.update->state.empty()) ++update_states[s.update->state];
      cells = {name,
               s.store.empty() ? "-" : s.store,
               s.status,
               s.version.empty() ? "-" : s.version,
               config_cell(row->report),
               s.update && !s.update->id.empty() ? s.update->id : "-",
               progress_cell(row->report),
               age_text(now, row->last_seen) + " ago"};
    } else {
      ++unknown;
      cells = {name, "-", "no state yet", "-", "-", "-", "-", "-"};
    }
    if (extra) cells.insert(cells.begin(), options.extra(name));
    lines.push_back(std::move(cells));
  }

  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& cells : lines) {
    for (std::size_t i = 0; i < cells.size(); ++i)
      widths[i] = std::max(widths[i], cells[i].size());
  }
  std::vector<std::string> out;
  for (const auto& cells : lines) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size()) line += std::string(widths[i] - cells[i].size() + 2, ' ');
    }
    out.push_back(cut(std::move(line), options.width));
  }

  std::string summary = std::to_string(names.size()) + " devices: " + std::to_string(online) +
                        " online, " + std::to_string(offline) + " offline";
  if (unknown > 0) summary += ", " + std::to_string(unknown) + " no state yet";
  if (!update_states.empty()) {
    summary += " | update:";
    bool first = true;
    for (const auto& [state, n] : update_states) {
      summary += (first ? " " : ", ") + std::to_string(n) + " " + state;
      first = false;
    }
  }
  out.push_back(cut(std::move(summary), options.width));
  return out;
}

}  // namespace witryna::fleet
