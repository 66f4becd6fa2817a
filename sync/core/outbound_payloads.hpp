#pragma once
// The device → central/fleet payloads of mqtt.md, as compact JSON. The
// device state and Last Will are in device_state.hpp.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "edge/core/time.hpp"
#include "sync/core/stream_sync.hpp"

namespace witryna::sync::core {

// {"stream":"stock","have_seq":1041,"device":"…","request":"<uuid>"} on …/resync.
[[nodiscard]] std::string resync_payload(const ResyncRequest& request, std::string_view device);

// {"device":"…","events":[e1,e2,…]} on …/events. Each event is the JSON
// object stored in the outbox (domain::StoredEvent::json), copied verbatim;
// the size is events_payload_bytes() of the same events.
[[nodiscard]] std::string events_payload(std::string_view device,
                                         std::span<const std::string_view> events);

// {"claim":"<uuid>","device":"…","till":"T2","code_hash":"…","at":"…"} on …/claims.
struct ClaimRequest {
  std::string claim;
  std::string till;
  std::string code_hash;
  TimePoint at{};
};
[[nodiscard]] std::string claim_payload(const ClaimRequest& claim, std::string_view device);

// {"id":"…","ok":true,"detail":"…"} (plus "png_base64" for a screenshot) on …/cmd/result.
struct CommandResult {
  std::string id;
  bool ok = false;
  std::string detail;
  std::optional<std::string> png_base64;
};
[[nodiscard]] std::string command_result_payload(const CommandResult& result);

}  // namespace witryna::sync::core
