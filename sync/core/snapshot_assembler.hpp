#pragma once
// Assembly of the snapshot parts of one stream (mqtt.md "Snapshots"). It
// tracks one snapshot at a time and says when it is complete, given up or
// when a part is to be ignored; applying items and deleting is the store's.

#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "edge/core/time.hpp"
#include "sync/core/types.hpp"

namespace witryna::sync::core {

// All parts of `id` have arrived: the store deletes (tombstones) every entity
// of the stream seen in none of its parts, except one written by a live
// message with seq > upto_seq; last seq becomes max(last, upto_seq).
struct CompletedSnapshot {
  std::string id;
  std::int64_t upto_seq = 0;

  friend bool operator==(const CompletedSnapshot&, const CompletedSnapshot&) = default;
};

enum class PartVerdict {
  kAccepted,   // a new part of the snapshot being assembled: apply its items as seen in `id`
  kDuplicate,  // a part already received: apply nothing
  kStale,      // a part of a snapshot given up, completed or older than the current one:
               // apply nothing (it must not count as seen in the current snapshot)
  kRejected,   // invalid (see reject_reason): apply nothing, count it
};

[[nodiscard]] const char* to_string(PartVerdict v);

struct PartOutcome {
  PartVerdict verdict = PartVerdict::kRejected;
  std::string_view reject_reason;      // a reason:: constant when kRejected
  std::optional<std::string> dropped;  // an incomplete snapshot given up for a newer id
  std::optional<CompletedSnapshot> completed;
};

struct SnapshotOptions {
  Millis part_timeout{60'000};         // give up when no new part came for this long
  std::int64_t max_parts = 1'000'000;  // larger `parts` is rejected (memory bound)
  // Parts of a snapshot id given up or completed are stale for this long
  // (at most `remembered_ids` ids): late copies must not restart it. After
  // that the id may come again (a central that re-sends a cached snapshot).
  Millis retired_for{60'000};
  std::size_t remembered_ids = 16;
};

class SnapshotAssembler {
 public:
  explicit SnapshotAssembler(SnapshotOptions options = {}) : options_(options) {}

  // A different id with upto_seq >= the current one's is newer: the current
  // snapshot is dropped (deletes nothing) and the new one assembled. A
  // different id with a lower upto_seq is older: stale.
  [[nodiscard]] PartOutcome on_part(const SnapshotPart& part, TimePoint now);

  // Gives up the current snapshot when its next part is overdue; returns
  // its id (the store forgets what it marked as seen in it).
  [[nodiscard]] std::optional<std::string> expire(TimePoint now);

  // Gives up the current snapshot at once (e.g. one of its parts could not
  // be applied); returns its id, nullopt when none is being assembled.
  [[nodiscard]] std::optional<std::string> abandon(TimePoint now);

  // Time without a connection does not count against the part timeout:
  // called on reconnect.
  void restart_clock(TimePoint now);

  [[nodiscard]] bool assembling() const { return current_.has_value(); }
  [[nodiscard]] std::optional<std::string> current_id() const;
  [[nodiscard]] std::optional<TimePoint> deadline() const;

 private:
  struct Current {
    std::string id;
    std::int64_t parts = 0;
    std::int64_t upto_seq = 0;
    std::set<std::int64_t> received;
    TimePoint last_progress{};
  };

  [[nodiscard]] bool retired(std::string_view id, TimePoint now);
  void retire(std::string id, TimePoint now);
  // Records `part` in current_; completes it when it was the last one.
  [[nodiscard]] PartOutcome add(const SnapshotPart& part, TimePoint now);

  SnapshotOptions options_;
  std::optional<Current> current_;
  std::deque<std::pair<std::string, TimePoint>> retired_;  // oldest first
};

}  // namespace witryna::sync::core
