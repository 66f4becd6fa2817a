#pragma once
// The device state (mqtt.md "Device state and Last Will"), retained on
// {root}/device/{device}/state, and the Last Will on the same topic.
//
// Contract fields keep the contract's names exactly, including fleet.md's
// "config_error": {"config_ver": 8, "error": "…"} (only when set). Fields this
// project adds (readers ignore unknown fields):
//   "rejected_messages": N   inbound messages rejected since start
//   "dropped_events": N      outbox events dropped by the bound since start
//   "redemptions_paused": true|false   the outbox bound refuses redemptions

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/time.hpp"
#include "sync/core/types.hpp"

namespace witryna::sync::core {

struct UpdateStatus {
  std::string id;
  std::string state;  // downloading, verifying, installing, trial, committed, rolled_back, failed
  std::string detail;

  friend bool operator==(const UpdateStatus&, const UpdateStatus&) = default;
};

struct ConfigError {
  std::int64_t config_ver = 0;
  std::string error;

  friend bool operator==(const ConfigError&, const ConfigError&) = default;
};

struct DeviceState {
  std::string device;
  std::string store;
  std::string status = "online";
  std::string version;
  std::int64_t config_ver = 0;
  TimePoint since{};                       // online since (the connect)
  std::int64_t outbox = 0;                 // events not yet acknowledged
  std::map<Stream, std::int64_t> streams;  // last applied seq per stream
  std::optional<UpdateStatus> update;      // omitted until there has been an update
  std::optional<ConfigError> config_error;
  std::int64_t rejected_messages = 0;
  std::int64_t dropped_events = 0;
  bool redemptions_paused = false;
};

[[nodiscard]] nlohmann::json to_json(const DeviceState& state);
// The payload: compact JSON with keys in a fixed order, so equal states give
// equal strings (decide_state_publish compares them).
[[nodiscard]] std::string state_payload(const DeviceState& state);
// {"device":"…","store":"…","status":"offline"}: the Last Will, and what a
// clean shutdown publishes itself before disconnecting.
[[nodiscard]] std::string offline_payload(std::string_view device, std::string_view store);

}  // namespace witryna::sync::core
