#include "sync/core/stream_message.hpp"

#include <string>

#include "sync/core/reasons.hpp"

namespace witryna::sync::core {

Result<Envelope> validate_stream_message(Stream topic_stream, std::string_view payload,
                                         const MessageLimits& limits) {
  if (payload.size() > limits.max_payload_bytes) {
    return fail(std::string(reason::kPayloadTooLarge), std::to_string(payload.size()) + " bytes");
  }
  auto envelope = ::witryna::core::parse_envelope_text(payload);
  if (!envelope) return envelope;
  if (envelope->stream != topic_stream) {
    return fail(std::string(reason::kStreamMismatch),
                std::string(::witryna::core::to_string(envelope->stream)) + " on the " +
                    ::witryna::core::to_string(topic_stream) + " topic");
  }
  return envelope;
}

}  // namespace witryna::sync::core
