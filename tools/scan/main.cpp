// witryna-scan: "scans" payloads on a simulated scanner of a running service.
//   witryna-scan --port 7601 2900000123458
//   witryna-scan --fifo /run/witryna/scan-kiosk-1 7K3M-9Q2D-J
//   witryna-scan --config witryna.toml --scanner sim-kiosk-1 2900000123458
// Exit status: 0 sent, 1 not delivered (nobody listening), 2 bad arguments or config.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "edge/cli/command.hpp"
#include "tools/scan/scanner_target.hpp"
#include "tools/scan/send.hpp"

namespace {

constexpr int kNotDelivered = 1;
constexpr int kBadUsage = 2;

}  // namespace

int main(int argc, char** argv) {
  witryna::cli::Command app{"Hand payloads to a simulated scanner of witryna-edge, as if scanned."};
  std::uint16_t port = 0;
  std::string fifo;
  std::string config;
  std::string scanner;
  std::vector<std::string> payloads;
  auto* port_opt = app.add_option("--port", port, "TCP port of the scanner on 127.0.0.1");
  auto* fifo_opt = app.add_option("--fifo", fifo, "FIFO the scanner reads");
  auto* config_opt = app.add_option("--config", config, "witryna.toml, to look --scanner up in");
  auto* scanner_opt =
      app.add_option("--scanner", scanner, "id of a kind = \"sim\" scanner in --config");
  app.add_option("payload", payloads, "what was scanned (one scan each)")->required();
  port_opt->excludes(fifo_opt)->excludes(scanner_opt);
  fifo_opt->excludes(scanner_opt);
  scanner_opt->needs(config_opt);
  config_opt->needs(scanner_opt);
  if (const auto exit = app.parse(argc, argv)) {
    // --help exits 0; every other refusal is bad usage, whatever CLI11 numbers it.
    return *exit == 0 ? 0 : kBadUsage;
  }

  for (const auto& payload : payloads) {
    if (payload.empty() || payload.find_first_of("\r\n") != std::string::npos) {
      std::fprintf(stderr, "witryna-scan: a payload must be non-empty and hold no CR or LF\n");
      return kBadUsage;
    }
  }

  witryna::tools::scan::SimTarget target;
  if (*port_opt) {
    target.port = port;
  } else if (*fifo_opt) {
    target.fifo = fifo;
  } else if (*scanner_opt) {
    auto found = witryna::tools::scan::find_sim_target(config, scanner);
    if (!found) {
      std::fprintf(stderr, "witryna-scan: %s\n", found.error().context.c_str());
      return kBadUsage;
    }
    target = *found;
  } else {
    std::fprintf(stderr, "witryna-scan: say where to send: --port, --fifo or --config+--scanner\n");
    return kBadUsage;
  }

  // A reader that goes away mid-write is an error to report, not a signal to die of.
  std::signal(SIGPIPE, SIG_IGN);
  const auto sent = target.port ? witryna::tools::scan::send_tcp(*target.port, payloads)
                                : witryna::tools::scan::send_fifo(target.fifo, payloads);
  if (!sent) {
    std::fprintf(stderr, "witryna-scan: %s\n", sent.error().context.c_str());
    return kNotDelivered;
  }
  return 0;
}
