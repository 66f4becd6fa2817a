#include "edge/service/daemon.hpp"

#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <functional>

#include "edge/service/log.hpp"

namespace witryna::service {

namespace {

void log_problems(const std::filesystem::path& file, const Error& error) {
  const auto problems = config_problems(error);
  log::error("configuration ", file.string(), " is invalid (", problems.size(), " problem",
             problems.size() == 1 ? "" : "s", "):");
  for (const auto& problem : problems)
    log::error("  ", problem);
}

}  // namespace

int check_config(const DaemonOptions& options, std::FILE* out) {
  auto loaded = load_service_config(options.config_file, options.overrides);
  if (!loaded) {
    const auto problems = config_problems(loaded.error());
    std::fprintf(out, "%s: %zu problem%s\n", options.config_file.c_str(), problems.size(),
                 problems.size() == 1 ? "" : "s");
    for (const auto& problem : problems)
      std::fprintf(out, "  %s\n", problem.c_str());
    return kExitConfig;
  }
  if (!loaded->desired_problem.empty()) {
    std::fprintf(out, "warning: the stored fleet configuration would not be applied: %s\n",
                 loaded->desired_problem.c_str());
  }
  std::fprintf(out, "config OK\n");
  return kExitOk;
}

int run_daemon(const DaemonOptions& options) {
  auto loaded = load_service_config(options.config_file, options.overrides);
  if (!loaded) {
    log_problems(options.config_file, loaded.error());
    return kExitConfig;
  }
  log::set_level(loaded->config.log.level);
  log::info("witryna-edge ", WITRYNA_VERSION, " starting: device ", loaded->config.device.id,
            ", store ", loaded->config.device.store, ", config ", options.config_file.string());
  if (loaded->desired) {
    log::info("fleet configuration config_ver ", loaded->desired->config_ver,
              " applied over the local file");
  }
  if (!loaded->desired_problem.empty()) {
    log::warn("stored fleet configuration not applied, running on the local file: ",
              loaded->desired_problem);
  }

  EventLoop loop;
  const SdNotifier notifier = SdNotifier::from_environment();
  App app(loop, std::move(*loaded), AppOptions{options.config_file, options.overrides}, notifier);
  add_components(app, loop, app.config());

  boost::asio::signal_set signals(loop.io(), SIGTERM, SIGINT, SIGHUP);
  std::function<void()> wait_for_signal;
  wait_for_signal = [&] {
    signals.async_wait([&](boost::system::error_code ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        app.reload();
        wait_for_signal();
        return;
      }
      log::info("stopping on ", signal == SIGTERM ? "SIGTERM" : "SIGINT");
      app.stop();
    });
  };
  wait_for_signal();

  if (auto started = app.start(); !started) {
    log::error("cannot start: ", started.error().context);
    return kExitFailure;
  }
  Watchdog watchdog(loop, notifier, [&app] { return app.healthy(); });
  watchdog.start();
  log::info("ready");
  if (auto sent = notifier.notify("READY=1\nSTATUS=ready"); !sent) {
    log::warn("cannot tell systemd we are ready: ", sent.error().context);
  }

  loop.run();

  watchdog.stop();
  boost::system::error_code ignored;
  signals.cancel(ignored);
  app.stop();
  log::info("stopped");
  return app.exit_code();
}

}  // namespace witryna::service
