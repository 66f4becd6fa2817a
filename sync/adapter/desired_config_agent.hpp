#pragma once
// The fleet's desired configuration (fleet.md) as it arrives on
// …/device/{device}/desired and …/group/{group}/desired, applied through
// edge/service/desired_config.hpp: merged over the local file (secrets and
// local-only keys refused), validated, persisted, then applied (live keys now,
// a clean restart for the others). The outcome goes to the device state:
// `config_ver`, or `config_error` {config_ver, error} with the old
// configuration kept.
//
// Precedence (contract: "a device-level message wins over a group-level
// one"; "a config_ver lower than or equal to the applied one is ignored"):
// once a device-level message has been seen, group-level ones are ignored;
// a device-level message replaces a group-level one whatever its config_ver.
//
// Loop thread only.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/service/config.hpp"
#include "edge/service/config_loader.hpp"
#include "sync/core/device_state.hpp"

namespace witryna::sync {

class DesiredConfigAgent {
 public:
  struct Hooks {
    std::function<const service::LoadedConfig&()> loaded;                        // App::loaded
    std::function<Result<service::ConfigChange>(const service::Config&)> apply;  // App::apply
    std::function<void(const std::string& reason)> request_restart;
    // SyncService::set_config_status
    std::function<void(std::int64_t config_ver, std::optional<core::ConfigError>)> report;
  };

  explicit DesiredConfigAgent(Hooks hooks);

  // `group`: empty for the device's own topic.
  void on_message(std::string_view payload, std::string_view group);

  [[nodiscard]] std::int64_t applied_ver() const { return applied_ver_; }

 private:
  void refuse(std::int64_t config_ver, std::string error);

  Hooks hooks_;
  std::int64_t applied_ver_ = 0;
  bool applied_from_group_ = false;
  bool device_level_seen_ = false;
};

}  // namespace witryna::sync
