#pragma once
// What the fleet publishes (desired configuration, commands) and the
// command results it reads back (mqtt.md, fleet.md). The device side's
// parsers and builders are in sync/core; these are their counterparts.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "sync/core/outbound_payloads.hpp"

namespace witryna::fleet {

// {"config_ver":8,"config":{…}} (fleet.md "Desired configuration").
// Errors (errc::kConfig): config_ver < 1, `config` not a JSON object.
[[nodiscard]] Result<std::string> desired_payload(std::int64_t config_ver,
                                                  const nlohmann::json& config);

// {"cmd":"screenshot","id":"…","screen":"kiosk-1"}; `screen` only when not
// empty. Errors (errc::kConfig): cmd not resync/restart/screenshot, an empty
// id, a screenshot without a screen.
[[nodiscard]] Result<std::string> command_payload(std::string_view cmd, std::string_view id,
                                                  std::string_view screen = {});

// {"id":"…","ok":true,"detail":"…","png_base64":"…"} on …/cmd/result, into
// sync/core's CommandResult. Errors: errc::kInvalidJson, kMissingField (id,
// ok), kWrongType (context = the field). Unknown fields are ignored.
[[nodiscard]] Result<sync::core::CommandResult> parse_command_result(std::string_view payload);

// Standard base64 (RFC 4648 §4, padded), as `png_base64` carries it; ASCII
// whitespace is skipped. Errors: errc::kInvalidValue.
[[nodiscard]] Result<std::string> base64_decode(std::string_view text);

// The bytes start with the PNG signature and an IHDR chunk.
[[nodiscard]] bool looks_like_png(std::string_view bytes);

}  // namespace witryna::fleet
