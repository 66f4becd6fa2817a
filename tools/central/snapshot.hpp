#pragma once
// Cutting a snapshot (mqtt.md "Snapshots") into parts. Pure.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tools/central/entity_key.hpp"

namespace witryna::central {

struct SnapshotSpec {
  Stream stream = Stream::kStock;
  std::string id;                    // e.g. "s-stock-3"
  std::int64_t upto_seq = 0;         // the live message the set is as of
  std::size_t items_per_part = 500;  // ≥ 1
};

// One envelope per part, {"stream","snapshot":{id,part,parts,upto_seq},"items"},
// parts numbered from 1, items in the order given. An empty set is still one
// part with no items: that is how the device learns that everything it holds
// of the stream is gone.
[[nodiscard]] std::vector<Json> cut_snapshot(const SnapshotSpec& spec,
                                             const std::vector<Json>& items);

}  // namespace witryna::central
