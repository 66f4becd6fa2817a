#pragma once
// The service manager as the updater needs it: restart witryna-edge and
// report what it knows of it (core::ServiceSnapshot). Spoken through the
// systemctl command line, so tests hand in a stand-in with the same CLI
// (tests/update/fake_systemd.py) and production uses /usr/bin/systemctl.
//
//   systemctl restart UNIT
//   systemctl show UNIT -p ActiveState -p SubState -p MainPID -p NRestarts
//                       -p WatchdogTimestampMonotonic

#include <filesystem>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/update/trial.hpp"

namespace witryna::update {

// Runs argv (argv[0] a path), waits, returns its stdout; errc::kIo on a
// non-zero exit (the context says which status) or when it cannot start.
[[nodiscard]] Result<std::string> run_command(const std::vector<std::string>& argv);

// systemctl show's KEY=VALUE lines → the snapshot. Missing keys are zero.
[[nodiscard]] core::ServiceSnapshot parse_systemctl_show(std::string_view text);

class ServiceManager {
 public:
  ServiceManager(std::filesystem::path systemctl, std::string unit)
      : systemctl_(std::move(systemctl)), unit_(std::move(unit)) {}

  [[nodiscard]] Result<void> restart() const;
  [[nodiscard]] Result<core::ServiceSnapshot> snapshot() const;

 private:
  std::filesystem::path systemctl_;
  std::string unit_;
};

}  // namespace witryna::update
