#include "tools/bench/sync/edge_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "tools/bench/common/line_socket.hpp"
#include "tools/bench/sync/cpu_use.hpp"

#ifndef WITRYNA_EDGE_BIN
#define WITRYNA_EDGE_BIN "witryna-edge"
#endif

namespace witryna::bench {

Result<EdgeProcess> EdgeProcess::start(const EdgeSetup& given) {
  // Relative paths in a config file are relative to its folder.
  EdgeSetup setup = given;
  setup.dir = std::filesystem::absolute(given.dir);
  setup.db_path = std::filesystem::absolute(given.db_path);
  std::error_code ec;
  std::filesystem::create_directories(setup.dir / "state", ec);
  if (ec) return fail(std::string(errc::kIo), "cannot create " + setup.dir.string());
  const auto socket = setup.dir / "screen.sock";
  std::filesystem::remove(socket, ec);
  std::ofstream(setup.dir / "edge.toml")
      << "[device]\nid = \"" << kDevice << "\"\nbrand = \"" << kBrand << "\"\nstore = \"" << kStore
      << "\"\n\n[storage]\nstate_dir = \"" << (setup.dir / "state").string() << "\"\ndb_path = \""
      << setup.db_path.string() << "\"\n\n[screen_api]\nsocket = \"" << socket.string()
      << "\"\nsocket_group = \"\"\n\n[mqtt]\nbroker = \"" << setup.broker_uri
      << "\"\nallow_plain_loopback = true\n\n[log]\nlevel = \"warn\"\n\n"
      << "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n";
  // $WITRYNA_BENCH_EDGE_PREFIX runs the edge under a tool, e.g.
  // "valgrind --tool=callgrind --callgrind-out-file=/tmp/edge.callgrind".
  std::vector<std::string> argv;
  if (const char* prefix = std::getenv("WITRYNA_BENCH_EDGE_PREFIX")) {
    std::istringstream words(prefix);
    for (std::string word; words >> word;)
      argv.push_back(word);
  }
  // $WITRYNA_BENCH_EDGE_BIN runs another build of the edge (A/B runs of an
  // old and a new binary with the same bench).
  const char* edge_bin = std::getenv("WITRYNA_BENCH_EDGE_BIN");
  argv.insert(argv.end(), {edge_bin != nullptr && *edge_bin != '\0' ? edge_bin : WITRYNA_EDGE_BIN,
                           "--config", (setup.dir / "edge.toml").string()});
  auto child = test::ChildProcess::spawn(argv, setup.dir / "edge.log");
  if (!child) return tl::unexpected(child.error());
  EdgeProcess edge(setup.dir, std::move(*child));
  // Ready once the screen server listens (the store is open by then).
  auto probe = LineSocket::connect(socket, std::chrono::seconds(30));
  if (!probe) {
    return fail(std::string(errc::kIo),
                "witryna-edge did not come up; see " + (setup.dir / "edge.log").string());
  }
  return edge;
}

std::map<std::string, double> EdgeProcess::thread_cpu_seconds() const {
  return ::witryna::bench::thread_cpu_seconds(child_.pid());
}

double EdgeProcess::peak_rss_mib() const {
  std::ifstream in("/proc/" + std::to_string(child_.pid()) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

Result<void> EdgeProcess::stop() {
  child_.signal(SIGTERM);
  const auto status = child_.wait_for(std::chrono::seconds(10));
  if (!status) return fail(std::string(errc::kIo), "witryna-edge did not stop on SIGTERM");
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    return fail(std::string(errc::kIo), "witryna-edge exited with status " +
                                            std::to_string(*status) + "; see its edge.log");
  }
  return {};
}

}  // namespace witryna::bench
