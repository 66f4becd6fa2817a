#pragma once
// The configuration the service runs with: the local file, the command
// line's --set overrides over it, and the fleet's last applied desired
// configuration (desired_config.hpp) over that.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/service/config.hpp"
#include "edge/service/desired_config.hpp"

namespace witryna::service {

struct LoadedConfig {
  Config config;                         // effective: what the service uses
  nlohmann::json local;                  // file + overrides: what a desired config merges over
  std::filesystem::path base_dir;        // folder of the file: relative paths resolve here
  std::optional<DesiredConfig> desired;  // applied desired config, if any
  // Why a stored desired config was not applied (it no longer validates over
  // the local file, or its file is unreadable); empty when none.
  std::string desired_problem;
};

// Fails (errc::kConfig, one message per line) when the file, an override or
// the merged result is invalid. A stored desired config that does not
// validate any more is skipped (desired_problem says why), never fatal: the
// local file alone must always bring the device up.
[[nodiscard]] Result<LoadedConfig> load_service_config(const std::filesystem::path& file,
                                                       const std::vector<std::string>& overrides,
                                                       bool with_desired = true);

}  // namespace witryna::service
