#include "sync/core/stream_message.hpp"

#include <string>

#include "sync/core/reasons.hpp"

namespace witryna::sync::core {
namespace {

Result<void> check_size(std::string_view payload, const MessageLimits& limits) {
  if (payload.size() > limits.max_payload_bytes) {
    return fail(std::string(reason::kPayloadTooLarge), std::to_string(payload.size()) + " bytes");
  }
  return {};
}

Result<void> check_topic(Stream topic_stream, const Envelope& envelope) {
  if (envelope.stream != topic_stream) {
    return fail(std::string(reason::kStreamMismatch),
                std::string(::witryna::core::to_string(envelope.stream)) + " on the " +
                    ::witryna::core::to_string(topic_stream) + " topic");
  }
  return {};
}

}  // namespace

Result<Envelope> validate_stream_message(Stream topic_stream, std::string_view payload,
                                         const MessageLimits& limits) {
  if (auto ok = check_size(payload, limits); !ok) return tl::unexpected(ok.error());
  auto envelope = ::witryna::core::parse_envelope_text(payload);
  if (!envelope) return envelope;
  if (auto ok = check_topic(topic_stream, *envelope); !ok) return tl::unexpected(ok.error());
  return envelope;
}

Result<::witryna::core::ParsedMessage> read_stream_message(Stream topic_stream,
                                                           std::string_view payload,
                                                           const MessageLimits& limits) {
  if (auto ok = check_size(payload, limits); !ok) return tl::unexpected(ok.error());
  auto message = ::witryna::core::parse_message_text(payload);
  if (!message) return message;
  if (auto ok = check_topic(topic_stream, message->envelope); !ok) {
    return tl::unexpected(ok.error());
  }
  return message;
}

}  // namespace witryna::sync::core
