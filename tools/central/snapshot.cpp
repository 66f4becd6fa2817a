#include "tools/central/snapshot.hpp"

#include <algorithm>
#include <cassert>

namespace witryna::central {

std::vector<Json> cut_snapshot(const SnapshotSpec& spec, const std::vector<Json>& items) {
  assert(spec.items_per_part >= 1);
  const std::size_t per_part = std::max<std::size_t>(spec.items_per_part, 1);
  const std::size_t parts = std::max<std::size_t>(1, (items.size() + per_part - 1) / per_part);
  std::vector<Json> out;
  out.reserve(parts);
  for (std::size_t p = 0; p < parts; ++p) {
    Json part_items = Json::array();
    const std::size_t begin = p * per_part;
    const std::size_t end = std::min(items.size(), begin + per_part);
    for (std::size_t i = begin; i < end; ++i)
      part_items.push_back(items[i]);
    Json envelope;
    envelope["stream"] = core::to_string(spec.stream);
    envelope["snapshot"] = {{"id", spec.id},
                            {"part", static_cast<std::int64_t>(p + 1)},
                            {"parts", static_cast<std::int64_t>(parts)},
                            {"upto_seq", spec.upto_seq}};
    envelope["items"] = std::move(part_items);
    out.push_back(std::move(envelope));
  }
  return out;
}

}  // namespace witryna::central
