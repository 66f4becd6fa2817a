#pragma once
// Publishing the outbox (mqtt.md "Events"): batches in order of `n`, a window
// of batches in flight, cumulative acks, re-send after the ack timeout and on
// every reconnect. The store keeps the events; this decides which to send.
//
// Use, on the sync loop (not thread-safe):
//   1. auto want = pub.want(now, connected);          // applies the ack timeout
//   2. if (want.max_events > 0)
//        events = store.pending_after(want.after_n, want.max_events);  // in order of n
//   3. for (auto& b : pub.plan(events, now)) publish events[b.begin, b.end) as one message
//      (events_payload()); a failed publish → pub.on_publish_failed().
//   4. on …/acks for this device: auto a = pub.on_ack(upto, now);
//      if (a.delete_upto) store.delete_upto(*a.delete_upto); then back to 1.
//   5. arm a timer for pub.next_timeout(); call 1-3 again when it fires, when
//      an event is written, and after on_connected().

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/time.hpp"

namespace witryna::sync::core {

struct OutboxOptions {
  std::size_t max_events = 500;                // per message
  std::size_t max_payload_bytes = 256 * 1024;  // per message, whole payload
  std::size_t window = 8;                      // batches published and not yet acknowledged
  Millis ack_timeout{10'000};                  // config sync.ack_timeout_s
};

// An event waiting in the outbox; `bytes` is the size of its JSON object.
struct PendingEvent {
  std::int64_t n = 0;
  std::size_t bytes = 0;
};

// One message to publish: events [begin, end) of the span given to plan().
struct OutboxBatch {
  std::int64_t first_n = 0;
  std::int64_t last_n = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t payload_bytes = 0;  // exact size of events_payload() for these events

  friend bool operator==(const OutboxBatch&, const OutboxBatch&) = default;
};

// Fetch the pending events with n > after_n, at most max_events of them
// (0: nothing to publish now). `resend`: this call started over from the
// first unacknowledged event because the ack timed out.
struct OutboxWant {
  std::int64_t after_n = 0;
  std::size_t max_events = 0;
  bool resend = false;

  friend bool operator==(const OutboxWant&, const OutboxWant&) = default;
};

struct AckDecision {
  // Delete every event with n <= delete_upto from the outbox; nullopt: the
  // ack brought nothing new (a repeat or an older one).
  std::optional<std::int64_t> delete_upto;
  // `upto` was above every n this publisher has seen pending and was
  // lowered to that: an ack never covers events not yet written.
  bool clamped = false;

  friend bool operator==(const AckDecision&, const AckDecision&) = default;
};

// The exact size of events_payload(device, events) for events of these sizes.
[[nodiscard]] std::size_t events_payload_bytes(std::string_view device, std::size_t event_count,
                                               std::size_t events_bytes);

class OutboxPublisher {
 public:
  // `acked_upto`: the highest n known acknowledged (0 when none); events at
  // or below it are never sent.
  OutboxPublisher(std::string device, std::int64_t acked_upto, OutboxOptions options = {});

  // See the steps above. Disconnected: nothing is wanted.
  [[nodiscard]] OutboxWant want(TimePoint now, bool connected);
  // Cuts `pending` (in order of n; events at or below what is already in
  // flight are skipped) into batches, oldest first, as many as the window
  // allows, and records them as in flight from `now`. One event larger than
  // max_payload_bytes goes alone. The adapter must publish every batch
  // returned, in order.
  [[nodiscard]] std::vector<OutboxBatch> plan(std::span<const PendingEvent> pending, TimePoint now);
  // A cumulative ack: everything <= upto is acknowledged.
  [[nodiscard]] AckDecision on_ack(std::int64_t upto, TimePoint now);

  // Re-send everything unacknowledged from the start, in order of n.
  void on_connected();
  void on_disconnected();
  void on_publish_failed();

  // When want() will re-send for lack of an ack; nullopt: nothing in flight.
  // The timeout runs from the later of the oldest in-flight batch's send and
  // the last ack that made progress ("10 s without an ack").
  [[nodiscard]] std::optional<TimePoint> next_timeout() const;
  [[nodiscard]] std::int64_t acked_upto() const { return acked_; }
  [[nodiscard]] std::size_t in_flight() const { return in_flight_.size(); }
  [[nodiscard]] const std::string& device() const { return device_; }

 private:
  struct InFlight {
    std::int64_t first_n;
    std::int64_t last_n;
    TimePoint sent_at;
  };
  void start_over();

  std::string device_;
  OutboxOptions options_;
  std::int64_t acked_;
  std::int64_t sent_upto_;     // highest n handed out in a batch since the last start-over
  std::int64_t highest_seen_;  // highest n ever given to plan()
  std::optional<TimePoint> last_progress_;
  std::deque<InFlight> in_flight_;
};

}  // namespace witryna::sync::core
