#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/scanner.hpp"

namespace witryna::test {

// Collects what a scanner hands its handlers (on the loop's thread).
struct ScanRecorder {
  std::vector<drivers::ScanEvent> scans;
  std::vector<drivers::ScannerStatus> statuses;

  drivers::ScannerHandlers handlers() {
    return {[this](drivers::ScanEvent e) { scans.push_back(std::move(e)); },
            [this](drivers::ScannerStatus s) { statuses.push_back(std::move(s)); }};
  }

  [[nodiscard]] std::vector<std::string> payloads() const {
    std::vector<std::string> out;
    for (const auto& scan : scans)
      out.push_back(scan.payload);
    return out;
  }

  // How many statuses of `kind` (and `reason`, unless empty) arrived.
  [[nodiscard]] std::size_t count(drivers::StatusKind kind, std::string_view reason = {}) const {
    return static_cast<std::size_t>(std::count_if(
        statuses.begin(), statuses.end(),
        [&](const auto& s) { return s.kind == kind && (reason.empty() || s.reason == reason); }));
  }

  // The kind of the newest connected/disconnected status.
  [[nodiscard]] bool last_state_is(drivers::StatusKind kind, std::string_view reason = {}) const {
    for (auto it = statuses.rbegin(); it != statuses.rend(); ++it) {
      if (it->kind == drivers::StatusKind::kDiscarded) continue;
      return it->kind == kind && (reason.empty() || it->reason == reason);
    }
    return false;
  }
};

}  // namespace witryna::test
