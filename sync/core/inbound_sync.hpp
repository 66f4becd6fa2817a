#pragma once
// All six central → store streams of one device (StreamSync each), with the
// id generator their resync requests share. Not thread-safe: call from the
// sync loop only.

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "edge/core/time.hpp"
#include "sync/core/stream_sync.hpp"
#include "sync/core/types.hpp"
#include "sync/core/uuid.hpp"

namespace witryna::sync::core {

class InboundSync {
 public:
  // `persisted`: last applied seq per stream as stored. A stream missing
  // from it has no state (first start ever, or state lost) and is resynced
  // from have_seq 0 once connected.
  InboundSync(const std::map<Stream, std::int64_t>& persisted, IdGenerator ids,
              SyncOptions options = {});

  // A validated envelope (validate_stream_message): a live message or a
  // snapshot part of its stream.
  [[nodiscard]] StreamDecision on_envelope(const Envelope& envelope, TimePoint now);
  [[nodiscard]] StreamDecision on_live(Stream stream, std::int64_t seq, TimePoint now);
  [[nodiscard]] StreamDecision on_part(Stream stream, const SnapshotPart& part, TimePoint now);

  // Every stream's timers; only the non-empty decisions are returned.
  [[nodiscard]] std::vector<PollDecision> poll(TimePoint now, bool connected);
  void on_connected(TimePoint now);
  void request_not_sent(Stream stream, std::string_view request);
  [[nodiscard]] PollDecision on_apply_failed(Stream stream, TimePoint now, bool connected);
  // The fleet's "resync" command, for every stream.
  [[nodiscard]] std::vector<PollDecision> force_resync(TimePoint now, bool connected);

  [[nodiscard]] const StreamSync& stream(Stream s) const;
  // Last applied seq per stream, for the device state's `streams`.
  [[nodiscard]] std::map<Stream, std::int64_t> last_seqs() const;
  // The earliest StreamSync::next_due() of all streams.
  [[nodiscard]] std::optional<TimePoint> next_due() const;

 private:
  [[nodiscard]] StreamSync& at(Stream s);

  IdGenerator ids_;
  std::vector<StreamSync> streams_;  // in the order of kAllStreams
};

}  // namespace witryna::sync::core
