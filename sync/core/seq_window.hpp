#pragma once
// The `seq` bookkeeping of one stream (mqtt.md "Streams"): the last seq
// applied in order, plus the seqs already applied above it after a gap.
//
// Reading chosen for a gap: `last` does NOT advance past it. The contract has
// the device persist "the last seq it applied"; after a gap that is still the
// seq before the hole, so a restart before the resync is answered sees the
// gap again on the next message instead of forgetting it, and messages of
// the hole that arrive late are still applied. The seqs applied above `last`
// are remembered (in memory only), so when the hole fills `last` jumps over
// them and a re-delivered one is a duplicate. A completed snapshot raises
// `last` to its upto_seq.

#include <cstddef>
#include <cstdint>
#include <set>

namespace witryna::sync::core {

enum class LiveVerdict {
  kDuplicate,  // seq <= last, or already applied above last: apply nothing
  kInOrder,    // seq == last + 1: apply; last advances (over remembered seqs too)
  kGap,        // seq > last + 1: apply (items are version-guarded); last stays
};

[[nodiscard]] const char* to_string(LiveVerdict v);

class SeqWindow {
 public:
  // `max_ahead` bounds the memory of seqs applied above `last`; past it the
  // highest are forgotten, which only means they are applied again if they
  // come again (items are idempotent) — never that `last` skips a hole.
  explicit SeqWindow(std::int64_t last, std::size_t max_ahead = 10'000)
      : last_(last), max_ahead_(max_ahead == 0 ? 1 : max_ahead) {}

  [[nodiscard]] LiveVerdict accept(std::int64_t seq);
  // A completed snapshot: last = max(last, upto), then over remembered seqs.
  void raise_to(std::int64_t upto);

  [[nodiscard]] std::int64_t last() const { return last_; }
  // Some seq above last+1 was applied: a hole remains below it.
  [[nodiscard]] bool has_gap() const { return !ahead_.empty(); }
  [[nodiscard]] std::size_t remembered() const { return ahead_.size(); }

 private:
  void advance();

  std::int64_t last_;
  std::size_t max_ahead_;
  std::set<std::int64_t> ahead_;  // applied, all > last_ + 1
};

}  // namespace witryna::sync::core
