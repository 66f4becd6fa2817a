#pragma once
// A whole stream message from its MQTT payload: the envelope checked
// (envelope_codec.hpp) and every item parsed with its stream's codec, each
// keeping its text (received_items.hpp). The same errors as
// parse_envelope_text, in the same order: text that is not JSON (anywhere,
// items included) is kInvalidJson, then envelope errors; malformed items are
// counted in `items`, never an error of the message.

#include <string_view>

#include "edge/core/codec/envelope_codec.hpp"
#include "edge/core/codec/received_items.hpp"
#include "edge/core/result.hpp"

namespace witryna::core {

struct ParsedMessage {
  Envelope envelope;  // envelope.items is left empty: the items are in `items`
  ParsedItems items;
};

[[nodiscard]] Result<ParsedMessage> parse_message_text(std::string_view payload);

}  // namespace witryna::core
