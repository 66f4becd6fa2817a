#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::bench {

struct SnapshotParts {
  std::vector<std::string> payloads;  // one stream message per part, in order
  std::int64_t items = 0;
  std::int64_t bytes = 0;
};

// Central's answer to a `profiles` resync, made from what the store holds:
// every live profile, in key order (as a central database would list them),
// each with `ver` + 1 so that every item is newer and gets written — the
// heaviest snapshot of that size. Parts of `part_items` items.
[[nodiscard]] Result<SnapshotParts> profile_snapshot(store::Database& db, const std::string& id,
                                                     std::int64_t upto_seq, std::size_t part_items);

}  // namespace witryna::bench
