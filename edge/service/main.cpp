// witryna-edge: the in-store service.
//
//   witryna-edge [--config PATH] [--set key=value …] [--check-config | --print-config | --version]
//
// The configuration is --config, else $WITRYNA_CONFIG, else
// /etc/witryna/witryna.toml. In a source tree pass it explicitly:
//   witryna-edge --config firmware_config/witryna.toml --set storage.state_dir=/tmp/witryna
#include <cstdio>
#include <iostream>

#include "edge/cli/command.hpp"
#include "edge/service/daemon.hpp"
#include "edge/service/log.hpp"

int main(int argc, char** argv) {
  using namespace witryna::service;

  witryna::cli::Command cli{
      "witryna-edge: the in-store service (offers, codes, reservations, screens, sync)"};
  DaemonOptions options;
  std::string config_file = kDefaultConfigPath;
  bool check = false;
  bool print = false;
  bool version = false;
  cli.add_option("-c,--config", config_file, "configuration file (TOML)")
      ->envname("WITRYNA_CONFIG")
      ->capture_default_str();
  cli.add_option("--set", options.overrides,
                 "override one key, e.g. --set log.level=debug (repeatable; kept on reload)");
  cli.add_flag("--check-config", check,
               "validate the configuration, print \"config OK\" or the problems; exit 0 or 2");
  cli.add_flag("--print-config", print,
               "print the effective configuration as JSON (every key, defaults included)");
  cli.add_flag("--version", version, "print the version and exit");
  if (const auto exit = cli.parse(argc, argv)) return *exit;
  if (version) {
    std::puts("witryna-edge " WITRYNA_VERSION);
    return kExitOk;
  }
  options.config_file = config_file;

  std::error_code ec;
  if (!std::filesystem::exists(options.config_file, ec)) {
    std::fprintf(stderr,
                 "witryna-edge: no configuration at %s; pass --config PATH (in a source tree: "
                 "--config firmware_config/witryna.toml)\n",
                 options.config_file.c_str());
    return kExitConfig;
  }
  if (check) return check_config(options, stdout);
  if (print) {
    auto loaded = load_service_config(options.config_file, options.overrides);
    if (!loaded) return check_config(options, stderr);
    std::cout << config_to_json(loaded->config).dump(2) << "\n";
    return kExitOk;
  }
  return run_daemon(options);
}
