#pragma once
// Reading an HTTP Range header (RFC 9110 §14) for one file of a known size.
// Pure. Readings chosen (docs/central-simulator.md "Serving update artifacts"):
// - no header, another unit than "bytes", or several ranges (a comma):
//   the whole file (200); a server may ignore Range, and we do not do
//   multipart responses;
// - "bytes=N-", "bytes=N-M", "bytes=-S" inside the file: that part (206);
// - a range starting at or past the end, "M < N", "-0", or anything else
//   after "bytes=" that is not a range: unsatisfiable (416).

#include <cstdint>
#include <string_view>

namespace witryna::https_files {

enum class RangeKind { kWhole, kPartial, kUnsatisfiable };

struct RangeDecision {
  RangeKind kind = RangeKind::kWhole;
  std::int64_t first = 0;  // inclusive
  std::int64_t last = -1;  // inclusive; -1 with first 0: an empty file
};

// `header`: the Range value ("" when there is none); `size` ≥ 0.
[[nodiscard]] RangeDecision decide_range(std::string_view header, std::int64_t size);

}  // namespace witryna::https_files
