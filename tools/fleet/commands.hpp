#pragma once
// The subcommands of witryna-fleet that talk to the broker (docs/fleet-cli.md).
// Each prints to stdout/stderr and returns the process exit code (kExit*).
// main.cpp parses the command line into these structs.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tools/fleet/core/rollout.hpp"
#include "tools/fleet/fleet_link.hpp"

namespace witryna::fleet {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInput = 1;     // bad arguments or files; nothing was published
inline constexpr int kExitBroker = 2;    // no connection, no acknowledgement, no answer in time
inline constexpr int kExitFailures = 3;  // rollout stopped: failures passed the threshold
inline constexpr int kExitSilent = 4;    // rollout stopped: devices went silent
inline constexpr int kExitRefused = 5;   // the device answered no (command, configuration)
inline constexpr int kExitInterrupted = 130;  // SIGINT/SIGTERM

struct Common {
  LinkOptions link;
  std::string brand;
};

// Exactly one of device/group.
struct Target {
  std::string device;
  std::string group;
};

struct PublishConfigArgs {
  Target target;
  std::filesystem::path file;  // the partial configuration document (JSON)
  std::int64_t config_ver = 0;
  // Device only: wait this long for the device to report config_ver or
  // config_error for this config_ver.
  std::optional<std::chrono::seconds> wait;
};

struct PublishUpdateArgs {
  Target target;
  std::filesystem::path manifest;    // the signed token (sign-update's output)
  std::filesystem::path verify_key;  // optional: the fleet public key to check it with
  bool clear = false;                // publish an empty retained message instead
};

struct RolloutArgs {
  std::filesystem::path manifest;
  std::filesystem::path verify_key;
  std::vector<std::string> canary;  // device names
  std::string canary_group;         // or: the devices of `devices_file` in this group
  std::string devices;              // a file (`device [group…]` per line) or a comma list
  std::size_t batch = 10;
  std::string max_failures = "0";
  std::size_t max_silent = 0;
  std::chrono::seconds silent_timeout{600};
  bool keep_published = false;  // on a stop, do not withdraw the manifest from devices not started
  bool table = true;            // redraw the table on a terminal
};

struct WatchArgs {
  std::vector<std::string> devices;  // only these; empty: every device with a state
  bool once = false;
  std::chrono::milliseconds settle{500};  // --once: no new state for this long = all arrived
};

struct CmdArgs {
  std::string cmd;  // resync, restart, screenshot
  std::string device;
  std::string screen;
  std::filesystem::path out;  // screenshot: where the PNG goes
  std::chrono::seconds wait{30};
};

[[nodiscard]] int publish_config(const Common& common, const PublishConfigArgs& args);
[[nodiscard]] int publish_update(const Common& common, const PublishUpdateArgs& args);
[[nodiscard]] int rollout(const Common& common, const RolloutArgs& args);
[[nodiscard]] int watch(const Common& common, const WatchArgs& args);
[[nodiscard]] int command(const Common& common, const CmdArgs& args);

// One device per line: its name, then the groups it belongs to (separated by
// spaces or commas); '#' starts a comment. Errors: errc::kIo, errc::kConfig.
struct DeviceEntry {
  std::string device;
  std::vector<std::string> groups;
};
[[nodiscard]] Result<std::vector<DeviceEntry>> read_devices_file(const std::filesystem::path& path);

}  // namespace witryna::fleet
