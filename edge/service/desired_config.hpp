#pragma once
// The fleet's desired configuration (fleet.md) as the device keeps it: the
// last applied {"config_ver", "config"} in the state folder, merged over the
// local file at every start.
//
// How the fleet part is meant to use this (io_context thread):
//   1. parse_desired(message); ignore it when config_ver <= the applied one;
//   2. merge_desired(app.local_document(), desired.config) → config_from_json
//      → on error report "config_error" {config_ver, error} in the device state;
//   3. on success write_desired_config(desired_config_path(config), desired),
//      then App::apply(next); when the change lists restart keys,
//      App::request_restart().

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/service/config.hpp"

namespace witryna::service {

struct DesiredConfig {
  std::int64_t config_ver = 0;
  nlohmann::json config = nlohmann::json::object();  // partial document (same keys as the file)

  friend bool operator==(const DesiredConfig&, const DesiredConfig&) = default;
};

// A desired message: {"config_ver": <int ≥ 0>, "config": {…}}. Other fields
// are ignored. Fails with errc::kConfig naming the field.
[[nodiscard]] Result<DesiredConfig> parse_desired(const nlohmann::json& message);
[[nodiscard]] nlohmann::json to_json(const DesiredConfig& desired);

// <state_dir>/desired-config.json
[[nodiscard]] std::filesystem::path desired_config_path(const Config& config);

// nullopt when the file does not exist (nothing applied yet).
[[nodiscard]] Result<std::optional<DesiredConfig>> read_desired_config(
    const std::filesystem::path& file);
// Atomic and durable: written beside, fsynced, renamed over, folder fsynced —
// a power cut leaves the old or the new file, never a torn one.
[[nodiscard]] Result<void> write_desired_config(const std::filesystem::path& file,
                                                const DesiredConfig& desired);

}  // namespace witryna::service
