#pragma once
// Running witryna-edge: load the configuration, build the App with its
// components on one EventLoop, handle signals (SIGTERM/SIGINT: clean stop,
// SIGHUP: reload), tell systemd (READY=1, WATCHDOG=1), run until stopped.

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "edge/service/app.hpp"

namespace witryna::service {

inline constexpr const char* kDefaultConfigPath = "/etc/witryna/witryna.toml";

struct DaemonOptions {
  std::filesystem::path config_file = kDefaultConfigPath;
  std::vector<std::string> overrides;  // --set key=value
};

// THE place where the parts of the service are created, in start order
// (stopped in reverse). Add a component here: app.add(std::make_unique<…>(loop, config, …)).
void add_components(App& app, EventLoop& loop, const Config& config);

// Returns the process exit code (kExit* in app.hpp).
[[nodiscard]] int run_daemon(const DaemonOptions& options);

// --check-config: prints "config OK" or the list of problems to `out`;
// returns kExitOk or kExitConfig. Does not touch the state folder.
[[nodiscard]] int check_config(const DaemonOptions& options, std::FILE* out);

}  // namespace witryna::service
