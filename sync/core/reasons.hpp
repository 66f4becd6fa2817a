#pragma once
// Reasons (Error::code) for messages the sync core rejects, beyond the
// codec's errc::kInvalidJson / kMissingField / kWrongType / kInvalidValue.
// Each rejected message is counted in the device state (`rejected_messages`).

#include <string_view>

namespace witryna::sync::core::reason {

// The payload exceeds MessageLimits::max_payload_bytes; it was not parsed.
inline constexpr std::string_view kPayloadTooLarge = "payload_too_large";
// The envelope's `stream` is not the stream of the topic it came on.
inline constexpr std::string_view kStreamMismatch = "stream_mismatch";
// part < 1, parts < 1 or part > parts.
inline constexpr std::string_view kSnapshotInvalidPart = "snapshot_invalid_part";
// A part of a known snapshot id with another `parts` or `upto_seq`.
inline constexpr std::string_view kSnapshotInconsistent = "snapshot_inconsistent";
// More parts than SyncOptions::max_snapshot_parts.
inline constexpr std::string_view kSnapshotTooManyParts = "snapshot_too_many_parts";
// A fleet command whose `cmd` this version does not know.
inline constexpr std::string_view kUnknownCommand = "unknown_command";

}  // namespace witryna::sync::core::reason
