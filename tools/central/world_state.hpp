#pragma once
// What central knows about one brand and one store: the latest item of every
// entity of every stream (tombstones included) and the last `seq` sent on
// each stream. Pure: no clock, no I/O; the caller passes `now`.
//
// `catalog` is per brand in the contract; this simulator serves one store, so
// its catalog seq is simply the brand's.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "tools/central/entity_key.hpp"

namespace witryna::central {

class WorldState {
 public:
  // Takes `item` if it is keyed and newer than what is held (ver guard, as
  // the device applies it). Errors: errc::kInvalidValue (no key).
  [[nodiscard]] Result<bool> put(Stream stream, Json item);

  // Stores `items` (keyless ones are an error and nothing is stored), takes
  // the next seq of the stream and returns the envelope
  // {"stream","seq","sent","items"} to publish.
  [[nodiscard]] Result<Json> next_message(Stream stream, std::vector<Json> items, TimePoint now);

  // The live entities of a stream (tombstones left out), in key order.
  [[nodiscard]] std::vector<Json> live_items(Stream stream) const;
  // The held item for `key`, or null.
  [[nodiscard]] const Json* find(Stream stream, const std::string& key) const;
  [[nodiscard]] std::size_t live_count(Stream stream) const;

  [[nodiscard]] std::int64_t seq(Stream stream) const { return seq_[index(stream)]; }
  // For restoring persisted state: seq never goes down.
  void restore_seq(Stream stream, std::int64_t seq);

  // A `ver` above the held one for `key` (1 for a new entity).
  [[nodiscard]] std::int64_t next_ver(Stream stream, const std::string& key) const;

  // Every entity of a stream, tombstones included (key → item).
  [[nodiscard]] const std::map<std::string, Json>& entities(Stream stream) const {
    return items_[index(stream)];
  }

 private:
  [[nodiscard]] static std::size_t index(Stream s) { return static_cast<std::size_t>(s); }

  std::array<std::map<std::string, Json>, 6> items_;
  std::array<std::int64_t, 6> seq_{};
};

// {"stream":…,"seq":…,"sent":…,"items":[…]}
[[nodiscard]] Json stream_envelope(Stream stream, std::int64_t seq, TimePoint sent, Json items);

}  // namespace witryna::central
