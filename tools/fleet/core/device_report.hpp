#pragma once
// A device state as the fleet reads it (mqtt.md "Device state and Last
// Will"), into sync/core's DeviceState: the payload the devices build with
// sync::core::state_payload, or the Last Will {"device","store","status":"offline"}.
// Tolerant like every reader of the contract: unknown fields are ignored,
// absent ones keep DeviceState's defaults; only `device` is required.

#include <optional>
#include <string_view>

#include "edge/core/result.hpp"
#include "sync/core/device_state.hpp"

namespace witryna::fleet {

struct DeviceReport {
  sync::core::DeviceState state;
  // While `update.state` is "downloading": the percent the device reports
  // (an `update.percent` number, or a detail of the form "42%", which is how
  // sync::UpdateSpoolBridge passes it on).
  std::optional<int> percent;

  [[nodiscard]] bool online() const { return state.status != "offline"; }
};

// Errors: errc::kInvalidJson (not a JSON object), errc::kMissingField /
// kWrongType (context = the field). Far larger than any real state:
// reason "payload_too_large" above 64 KiB.
[[nodiscard]] Result<DeviceReport> parse_device_report(std::string_view payload);

}  // namespace witryna::fleet
