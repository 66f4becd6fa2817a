#pragma once
// Checking an incoming stream message before anything is decided on it. The
// envelope itself is parsed by edge/core/codec (parse_envelope_text); this
// adds the size cap and the topic ↔ `stream` check. Never throws.

#include <cstddef>
#include <string_view>

#include "edge/core/codec/message_codec.hpp"
#include "edge/core/result.hpp"
#include "sync/core/types.hpp"

namespace witryna::sync::core {

struct MessageLimits {
  // Larger payloads are rejected unparsed (reason::kPayloadTooLarge). A
  // snapshot part is expected well below this.
  std::size_t max_payload_bytes = 8 * 1024 * 1024;
};

// `topic_stream`: the stream of the topic it came on (Topics::parse).
// Errors: reason::kPayloadTooLarge, errc::kInvalidJson, errc::kMissingField,
// errc::kWrongType, errc::kInvalidValue (unknown stream name, seq < 1, bad
// snapshot part), reason::kStreamMismatch. Error::context names the field,
// never a value.
[[nodiscard]] Result<Envelope> validate_stream_message(Stream topic_stream,
                                                       std::string_view payload,
                                                       const MessageLimits& limits = {});

// The same checks, with every item parsed too (message_codec.hpp): what the
// device applies. Malformed items are counted in `items`, not an error.
[[nodiscard]] Result<::witryna::core::ParsedMessage> read_stream_message(
    Stream topic_stream, std::string_view payload, const MessageLimits& limits = {});

}  // namespace witryna::sync::core
