#include "edge/core/codec/envelope_codec.hpp"

#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {

Result<Envelope> parse_envelope(nlohmann::json doc) {
  Envelope env;
  {
    FieldReader r(doc);
    const auto stream = r.string("stream");
    if (r.ok()) {
      if (const auto s = stream_from(stream)) {
        env.stream = *s;
      } else {
        r.fail(errc::kInvalidValue, "stream");
      }
    }
    if (auto snap = r.optional_object("snapshot")) {
      SnapshotPart part;
      part.id = snap->string("id");
      part.part = snap->integer("part");
      part.parts = snap->integer("parts");
      part.upto_seq = snap->integer("upto_seq");
      if (snap->ok() && (part.parts < 1 || part.part < 1 || part.part > part.parts)) {
        snap->fail(errc::kInvalidValue, "snapshot.part");
      }
      if (snap->ok() && part.upto_seq < 0) snap->fail(errc::kInvalidValue, "snapshot.upto_seq");
      env.snapshot = std::move(part);
    }
    if (!env.snapshot || r.has("seq")) {
      env.seq = r.integer("seq");
      if (r.ok() && *env.seq < 1) r.fail(errc::kInvalidValue, "seq");
    }
    env.sent = r.optional_time("sent");
    if (r.ok() && !r.has("items")) r.fail(errc::kMissingField, "items");
    if (r.ok() && !doc["items"].is_array()) r.fail(errc::kWrongType, "items");
    if (!r.ok()) return tl::unexpected(*r.error());
  }
  env.items = std::move(doc["items"]);
  return env;
}

Result<Envelope> parse_envelope_text(std::string_view payload) {
  auto doc = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return fail(std::string(errc::kInvalidJson), "stream message");
  return parse_envelope(std::move(doc));
}

}  // namespace witryna::core
