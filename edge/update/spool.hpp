#pragma once
// The edge's side of the update spool (docs/updates.md): how witryna-edge
// hands an update manifest from MQTT (…/device/{device}/update, or the
// group's) to witryna-updater, and reads back the `update` object for its
// device state. The two run as different users; the spool folder
// (/var/lib/witryna/update, tmpfiles.d) is the only thing they share.
//
// Any thread; both calls are quick file operations.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::update {

// Drops the token (as received, not verified: the updater verifies it) as
// <spool>/inbox.jws, atomically; a newer one replaces one not yet taken.
// errc::kIo when the folder is not writable.
[[nodiscard]] Result<void> submit_update_manifest(const std::filesystem::path& spool,
                                                  std::string_view token);

// {"id":…,"state":…,"detail":…[,"percent":…]} as the updater last wrote it
// (mqtt.md device state `update`); errc::kNotFound before any update.
[[nodiscard]] Result<nlohmann::json> read_update_status(const std::filesystem::path& spool);

}  // namespace witryna::update
