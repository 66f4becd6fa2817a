#include "edge/core/codec/message_codec.hpp"

#include <utility>

#include "edge/core/codec/message_split.hpp"
#include "edge/core/codec/profile_text_reader.hpp"

namespace witryna::core {
namespace {

// The payload parsed whole: the shapes message_split leaves out.
Result<ParsedMessage> parse_whole(std::string_view payload) {
  auto envelope = parse_envelope_text(payload);
  if (!envelope) return tl::unexpected(envelope.error());
  ParsedMessage out{std::move(*envelope), {}};
  out.items = parse_items(out.envelope.stream, out.envelope.items);
  out.envelope.items = nlohmann::json::array();
  return out;
}

}  // namespace

Result<ParsedMessage> parse_message_text(std::string_view payload) {
  auto split = split_message(payload);
  if (!split) return parse_whole(payload);
  if (split->has_items) split->header["items"] = nlohmann::json::array();
  // Not returned yet: an item that is not JSON makes the message kInvalidJson
  // first, as when the payload is parsed whole.
  auto envelope = parse_envelope(std::move(split->header));
  const Stream stream = envelope ? envelope->stream : Stream::kCatalog;
  ItemCollector collector(stream);
  collector.reserve(split->items.size());
  for (const auto text : split->items) {
    // The plain shape of a profile is read without a tree (most of a
    // snapshot's parse time); anything else goes through nlohmann.
    if (envelope && stream == Stream::kProfiles) {
      if (auto plain = read_plain_profile(text)) {
        collector.add(std::move(*plain), text);
        continue;
      }
    }
    auto item = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (item.is_discarded()) return fail(std::string(errc::kInvalidJson), "stream message");
    if (envelope) collector.add(item, text);
  }
  if (!envelope) return tl::unexpected(envelope.error());
  return ParsedMessage{std::move(*envelope), std::move(collector).take()};
}

}  // namespace witryna::core
