#pragma once
// A part of the service the App starts, stops and reconfigures: the store, the
// screen server, sync, scanners… All calls arrive on the loop thread.

#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/service/config.hpp"

namespace witryna::service {

class Component {
 public:
  virtual ~Component() = default;

  // For logs: "store", "screen-api", "sync".
  [[nodiscard]] virtual std::string_view name() const = 0;
  // Called once, in the order the components were added. A failure stops the
  // start: the components already started are stopped in reverse order and
  // the service exits (its error context is logged, so no personal data).
  [[nodiscard]] virtual Result<void> start() = 0;
  // Called once, in reverse order, for every component whose start succeeded.
  virtual void stop() = 0;
  // Live-reloadable keys changed (SIGHUP or the fleet); `config` is the new
  // effective configuration, `changed` the dotted keys (apply_mode kLive).
  virtual void reconfigure(const Config& config, const std::vector<std::string>& changed) {
    (void)config;
    (void)changed;
  }
  // Part of the local health judgement (update commit, watchdog).
  [[nodiscard]] virtual bool healthy() const { return true; }
};

}  // namespace witryna::service
