#pragma once
// The service as one object: owns the components, starts them in order,
// stops them in reverse, and carries configuration changes to them. It lives
// on the EventLoop thread; nothing here is thread-safe.

#include <memory>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/service/component.hpp"
#include "edge/service/config.hpp"
#include "edge/service/config_loader.hpp"
#include "edge/service/event_loop.hpp"
#include "edge/service/sd_notify.hpp"

namespace witryna::service {

// Process exit codes of witryna-edge (systemd unit: Restart=always; a unit
// may use RestartPreventExitStatus=2 to stop retrying a broken config file).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // a component could not start
inline constexpr int kExitConfig = 2;    // the configuration is invalid
inline constexpr int kExitRestart = 75;  // asked to restart itself (restart-only config change)

struct AppOptions {
  std::filesystem::path config_file;
  std::vector<std::string> overrides;  // --set key=value, reapplied on reload
};

class App {
 public:
  App(EventLoop& loop, LoadedConfig loaded, AppOptions options, const SdNotifier& notifier);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Before start(). Components start in the order added.
  void add(std::unique_ptr<Component> component);

  // Starts every component; on a failure stops those already started and
  // returns the failure (context names the component).
  [[nodiscard]] Result<void> start();
  // Stops the started components in reverse order, then the loop. Idempotent.
  void stop();

  // SIGHUP: reads the file again (with the same overrides and the stored
  // desired config). An invalid file changes nothing: every problem is logged.
  void reload();
  // Switches to `next` (already validated): live keys now (components'
  // reconfigure, log level), restart-only keys are logged and wait for a
  // restart. Returns what changed.
  [[nodiscard]] Result<ConfigChange> apply(const Config& next);
  // Stops and makes exit_code() kExitRestart: systemd starts us again.
  void request_restart(const std::string& reason);

  [[nodiscard]] const Config& config() const { return config_; }
  // File + overrides: the document a fleet desired config merges over.
  [[nodiscard]] const LoadedConfig& loaded() const { return loaded_; }
  [[nodiscard]] bool healthy() const;
  [[nodiscard]] int exit_code() const { return exit_code_; }
  void set_exit_code(int code) { exit_code_ = code; }

 private:
  EventLoop& loop_;
  LoadedConfig loaded_;
  Config config_;
  AppOptions options_;
  const SdNotifier& notifier_;
  std::vector<std::unique_ptr<Component>> components_;
  std::size_t started_ = 0;
  bool stopped_ = false;
  int exit_code_ = kExitOk;
};

}  // namespace witryna::service
