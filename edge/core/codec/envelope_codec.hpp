#pragma once
// The envelope of every stream message (mqtt.md "Streams", "Snapshots").
// Parsing checks the envelope only; items stay JSON for the stream's item
// parser, and nothing is applied.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/codec/stream.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

struct SnapshotPart {
  std::string id;
  std::int64_t part = 0;   // 1-based, ≤ parts
  std::int64_t parts = 0;  // ≥ 1
  std::int64_t upto_seq = 0;

  friend bool operator==(const SnapshotPart&, const SnapshotPart&) = default;
};

struct Envelope {
  Stream stream = Stream::kCatalog;
  std::optional<std::int64_t> seq;       // required (≥ 1) unless this is a snapshot part
  std::optional<TimePoint> sent;         // optional everywhere
  std::optional<SnapshotPart> snapshot;  // present on snapshot parts
  nlohmann::json items = nlohmann::json::array();  // always an array

  [[nodiscard]] bool is_snapshot() const { return snapshot.has_value(); }
};

// Required: stream (a known name, else kInvalidValue), items (array), and
// either seq or snapshot{id, part, parts, upto_seq}. `doc` is taken by value
// so a caller can move a large message in without copying its items.
[[nodiscard]] Result<Envelope> parse_envelope(nlohmann::json doc);
// Same from the MQTT payload; text that is not JSON is kInvalidJson.
[[nodiscard]] Result<Envelope> parse_envelope_text(std::string_view payload);

}  // namespace witryna::core
