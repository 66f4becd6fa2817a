// witryna-updater: verifies, downloads, installs, switches, judges and
// commits or rolls back software updates by itself (docs/updates.md).
//
//   witryna-updater --config /etc/witryna/witryna.toml --root /opt/witryna
//                   --spool /var/lib/witryna/update
//
// Reads keys.fleet, update.window and device.timezone from the configuration.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "edge/cli/command.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/service/config_loader.hpp"
#include "edge/service/daemon.hpp"
#include "edge/service/log.hpp"
#include "edge/update/updater.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

std::int64_t monotonic_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace witryna;
  namespace log = service::log;

  witryna::cli::Command cli{"witryna-updater: signed software updates with automatic rollback"};
  std::string config_file = service::kDefaultConfigPath;
  std::vector<std::string> overrides;
  update::UpdaterOptions options;
  std::string systemctl = "/usr/bin/systemctl";
  std::string unit = "witryna-edge.service";
  int poll_ms = 1000;
  cli.add_option("-c,--config", config_file,
                 "witryna.toml (keys.fleet, update.window, device.timezone)")
      ->capture_default_str();
  cli.add_option("--set", overrides, "override one configuration key (repeatable)");
  cli.add_option("--root", options.root, "install root: releases/, current, committed")
      ->capture_default_str();
  cli.add_option("--spool", options.spool, "folder shared with the edge: inbox.jws, status.json")
      ->capture_default_str();
  cli.add_option("--systemctl", systemctl, "systemctl (or a stand-in with its CLI)")
      ->capture_default_str();
  cli.add_option("--unit", unit, "the unit that runs witryna-edge")->capture_default_str();
  cli.add_option("--ca-file", options.download.ca_file,
                 "trust these CAs for downloads instead of the system's");
  cli.add_option("--poll-ms", poll_ms, "how often to look at the inbox and the service")
      ->capture_default_str();
  cli.add_option("--fault-at", options.fault_at, "TESTS ONLY: SIGKILL itself at this step");
  if (const auto exit = cli.parse(argc, argv)) return *exit;

  auto loaded = service::load_service_config(config_file, overrides);
  if (!loaded) {
    log::error("witryna-updater: configuration ", config_file, ": ", loaded.error().context);
    return 2;
  }
  const auto& config = loaded->config;
  log::set_level(config.log.level);
  crypto::Ed25519KeyRing keys;
  for (const auto& [kid, source] : config.keys.fleet) {
    auto added = source.raw_hex.empty() ? keys.add_pem_file(kid, source.pem_file)
                                        : keys.add_raw_hex(kid, source.raw_hex);
    if (!added) {
      log::error("witryna-updater: fleet key ", kid, ": ", added.error().context);
      return 2;
    }
  }
  if (keys.size() == 0) log::warn("witryna-updater: no keys.fleet: every update will be refused");
  options.window =
      core::MaintenanceWindow{config.update.window.start_minute, config.update.window.end_minute};
  // Store-local time for the window: the process's TZ is the store's zone.
  ::setenv("TZ", config.device.timezone.c_str(), 1);
  ::tzset();

  const update::ServiceManager service(systemctl, unit);
  update::Updater updater(options, keys, service, [] {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return local.tm_hour * 60 + local.tm_min;
  });
  if (auto opened = updater.open(); !opened) {
    log::error("witryna-updater: ", opened.error().context);
    return 1;
  }
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  log::info("witryna-updater ", WITRYNA_VERSION, ": running ", updater.running_version(), ", root ",
            options.root.string(), ", window ", options.window.to_string());
  while (g_stop == 0) {
    updater.step(monotonic_ms());
    std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms));
  }
  log::info("witryna-updater: stopped");
  return 0;
}
