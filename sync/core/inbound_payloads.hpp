#pragma once
// The small central/fleet → device payloads of mqtt.md other than streams:
// acks, claim results, commands. Parsers never throw; errors are
// errc::kInvalidJson / kMissingField / kWrongType / kInvalidValue (context =
// the field) or reason::kPayloadTooLarge. Unknown fields are ignored.

#include <cstdint>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "sync/core/claim_tracker.hpp"

namespace witryna::sync::core {

// Far above any real ack, result or command.
inline constexpr std::size_t kMaxSmallPayloadBytes = 64 * 1024;

// {"device":"…","upto":5013} on …/acks. The topic is per store: an ack whose
// `device` is not this device is for another appliance of the store and must
// be ignored (not counted as rejected).
struct Ack {
  std::string device;
  std::int64_t upto = 0;  // >= 0

  friend bool operator==(const Ack&, const Ack&) = default;
};
[[nodiscard]] Result<Ack> parse_ack(std::string_view payload);

// {"claim":"<uuid>","result":"granted"} on …/claims/result.
struct ClaimResultMessage {
  std::string claim;
  ClaimResult result = ClaimResult::kUnknown;

  friend bool operator==(const ClaimResultMessage&, const ClaimResultMessage&) = default;
};
[[nodiscard]] Result<ClaimResultMessage> parse_claim_result(std::string_view payload);

// {"cmd":"resync"|"restart"|"screenshot","id":"…","screen":"kiosk-1"} on
// …/cmd. An unknown `cmd` parses as kUnknown (with its id) so the caller can
// answer {"id":…,"ok":false}; a missing id is an error (nothing to answer).
struct Command {
  enum class Kind { kResync, kRestart, kScreenshot, kUnknown };
  Kind kind = Kind::kUnknown;
  std::string id;
  std::string name;    // the `cmd` as received
  std::string screen;  // screenshot: which screen (required for it)

  friend bool operator==(const Command&, const Command&) = default;
};
[[nodiscard]] const char* to_string(Command::Kind k);
[[nodiscard]] Result<Command> parse_command(std::string_view payload);

}  // namespace witryna::sync::core
