#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "edge/core/result.hpp"
#include "tests/support/child_process.hpp"

namespace witryna::bench {

// The device of the benchmarks: the built witryna-edge binary.
struct EdgeSetup {
  std::filesystem::path dir;      // edge.toml, edge.log, state/, screen.sock go here
  std::filesystem::path db_path;  // the store it serves
  std::string broker_uri;         // tcp://127.0.0.1:PORT
};

inline constexpr const char* kDevice = "PL-WAW-001-edge1";
inline constexpr const char* kBrand = "acme";
inline constexpr const char* kStore = "PL-WAW-001";

class EdgeProcess {
 public:
  // Writes <dir>/edge.toml (one kiosk screen, log level warn) and starts
  // witryna-edge on it; returns once its screen socket accepts (10 s).
  [[nodiscard]] static Result<EdgeProcess> start(const EdgeSetup& setup);

  [[nodiscard]] std::filesystem::path socket() const { return dir_ / "screen.sock"; }
  // VmHWM of the process, MiB (0 once it has exited).
  [[nodiscard]] double peak_rss_mib() const;
  // CPU seconds (user + system) used so far by each of its threads, summed
  // by thread name (the loop is "witryna-edge"; empty once it has exited).
  [[nodiscard]] std::map<std::string, double> thread_cpu_seconds() const;
  [[nodiscard]] bool running() { return child_.running(); }
  [[nodiscard]] pid_t pid() const { return child_.pid(); }
  // SIGTERM and wait (10 s) for a clean exit.
  [[nodiscard]] Result<void> stop();

 private:
  EdgeProcess(std::filesystem::path dir, test::ChildProcess child)
      : dir_(std::move(dir)), child_(std::move(child)) {}

  std::filesystem::path dir_;
  test::ChildProcess child_;
};

}  // namespace witryna::bench
