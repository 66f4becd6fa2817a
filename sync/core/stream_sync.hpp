#pragma once
// One central → store stream: seq bookkeeping, snapshot assembly and the
// resync request that may be outstanding (mqtt.md "Streams", "Snapshots").
// Every call returns what the adapter must do, in this order, ideally in
// one store transaction: forget `dropped`, apply the items, finish
// `completed`, write `persist_last`; then publish `resync` on …/resync.
//
// Phases (one outstanding request at most; "need" = a snapshot is needed
// (first start, lost state, a snapshot given up, forced, a failed apply) or
// a gap is open):
//
// clang-format off
//   phase          | event                                | next           | output
//   ---------------+--------------------------------------+----------------+-----------------------
//   Idle           | any call while connected, need       | AwaitingAnswer | ResyncRequest (new id)
//   AwaitingAnswer | poll, 30 s since sent, need          | AwaitingAnswer | ResyncRequest (new id)
//   AwaitingAnswer | poll, 30 s since sent, no need       | Idle           | -
//   AwaitingAnswer | request_not_sent(its id)             | Idle           | -
//   any            | part accepted, snapshot not complete | Receiving      | apply items, seen in id
//   any            | part completes the snapshot          | Idle (+ row 1) | completed, persist_last
//   Receiving      | poll, no new part for 60 s           | Idle, need     | dropped (+ row 1)
//   any            | part of a newer snapshot id          | Receiving      | dropped, apply items
//   any            | on_apply_failed                      | Idle, need     | dropped if assembling
//   any            | on_connected                         | same           | waiting clocks restart
// clang-format on
//
// Live messages never change the phase; they apply (unless duplicate) and
// may open or close a gap (see SeqWindow for why `last` stays on a gap).
// Not thread-safe: call from the sync loop only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/time.hpp"
#include "sync/core/seq_window.hpp"
#include "sync/core/snapshot_assembler.hpp"
#include "sync/core/types.hpp"
#include "sync/core/uuid.hpp"

namespace witryna::sync::core {

struct SyncOptions {
  Millis resync_retry{30'000};  // re-ask when a request got no answer for this long
  SnapshotOptions snapshot;
  std::size_t max_ahead = 10'000;  // see SeqWindow
};

// Published on {root}/store/{store}/resync (resync_payload()).
struct ResyncRequest {
  Stream stream = Stream::kCatalog;
  std::int64_t have_seq = 0;
  std::string request;  // UUID v4

  friend bool operator==(const ResyncRequest&, const ResyncRequest&) = default;
};

enum class Phase { kIdle, kAwaitingAnswer, kReceivingSnapshot };
[[nodiscard]] const char* to_string(Phase p);

struct StreamDecision {
  Stream stream = Stream::kCatalog;
  std::optional<LiveVerdict> live;  // set for a live message
  std::optional<PartVerdict> part;  // set for a snapshot part
  std::string_view reject_reason;   // part == kRejected

  bool apply_items = false;
  // With apply_items: the live message's seq (entities it writes record it,
  // for the snapshot rule "except one written by a live message with
  // seq > upto_seq"), or the snapshot whose parts the items count as seen in.
  std::optional<std::int64_t> live_seq;
  std::optional<std::string> snapshot_id;

  std::optional<std::string> dropped;  // an incomplete snapshot: forget its marks, delete nothing
  std::optional<CompletedSnapshot> completed;
  std::optional<std::int64_t> persist_last;  // the stream's last seq to store (nullopt: unchanged)
  std::optional<ResyncRequest> resync;
};

// From poll(), on_apply_failed(), force_resync().
struct PollDecision {
  Stream stream = Stream::kCatalog;
  std::optional<std::string> dropped;
  std::optional<ResyncRequest> resync;

  [[nodiscard]] bool empty() const { return !dropped && !resync; }
};

class StreamSync {
 public:
  // `persisted_last`: the stream's last applied seq as stored, or nullopt
  // when the device has none (first start ever, or its state was lost): it
  // then asks for a resync with have_seq 0 as soon as it is connected.
  StreamSync(Stream stream, std::optional<std::int64_t> persisted_last, SyncOptions options = {});

  // A live message (envelope with seq, no snapshot); implies connected.
  [[nodiscard]] StreamDecision on_live(std::int64_t seq, TimePoint now, IdGenerator& ids);
  // A snapshot part; implies connected.
  [[nodiscard]] StreamDecision on_part(const SnapshotPart& part, TimePoint now, IdGenerator& ids);
  // Timers (retry, part timeout) and pending requests. While disconnected it
  // does nothing: no request can go out and no answer can come.
  [[nodiscard]] PollDecision poll(TimePoint now, bool connected, IdGenerator& ids);

  // Time offline does not count as waiting for an answer or a part.
  void on_connected(TimePoint now);
  // The adapter could not publish `request`: it goes out again at the next
  // connected poll (if still needed).
  void request_not_sent(std::string_view request);
  // The store failed to apply a decision of this stream: whatever is being
  // assembled is dropped and a snapshot is asked for.
  [[nodiscard]] PollDecision on_apply_failed(TimePoint now, bool connected, IdGenerator& ids);
  // The fleet's "resync" command: ask for a snapshot with have_seq 0 (an
  // outstanding request or a snapshot under way already answers it).
  [[nodiscard]] PollDecision force_resync(TimePoint now, bool connected, IdGenerator& ids);

  [[nodiscard]] Stream stream() const { return stream_; }
  [[nodiscard]] Phase phase() const { return phase_; }
  [[nodiscard]] std::int64_t last_seq() const { return window_.last(); }
  [[nodiscard]] bool needs_resync() const { return need_snapshot_ || window_.has_gap(); }
  [[nodiscard]] const std::optional<std::string>& outstanding_request() const {
    return outstanding_;
  }
  // When poll() has something to do (while connected); a time <= now means
  // at once; nullopt: nothing is pending.
  [[nodiscard]] std::optional<TimePoint> next_due() const;

 private:
  // Row 1-3 of the table: sends a request when one is needed and allowed.
  [[nodiscard]] std::optional<ResyncRequest> settle(TimePoint now, IdGenerator& ids);
  [[nodiscard]] ResyncRequest send(TimePoint now, IdGenerator& ids);

  Stream stream_;
  SyncOptions options_;
  SeqWindow window_;
  SnapshotAssembler assembler_;
  Phase phase_ = Phase::kIdle;
  bool need_snapshot_ = false;
  bool from_zero_ = false;  // requests say have_seq 0 until a snapshot completes
  std::optional<std::string> outstanding_;
  TimePoint sent_at_{};
};

}  // namespace witryna::sync::core
