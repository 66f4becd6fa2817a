#include "sync/core/outbox_publisher.hpp"

#include <algorithm>
#include <cassert>
#include <nlohmann/json.hpp>
#include <utility>

namespace witryna::sync::core {
namespace {

constexpr std::string_view kHead = R"({"device":)";
constexpr std::string_view kMiddle = R"(,"events":[)";
constexpr std::string_view kTail = "]}";

}  // namespace

std::size_t events_payload_bytes(std::string_view device, std::size_t event_count,
                                 std::size_t events_bytes) {
  // Same escaping as events_payload(): invalid UTF-8 is replaced, not thrown about.
  const auto device_json = nlohmann::json(std::string(device))
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return kHead.size() + device_json.size() + kMiddle.size() + events_bytes +
         (event_count > 0 ? event_count - 1 : 0) + kTail.size();
}

OutboxPublisher::OutboxPublisher(std::string device, std::int64_t acked_upto, OutboxOptions options)
    : device_(std::move(device)),
      options_(options),
      acked_(acked_upto),
      sent_upto_(acked_upto),
      highest_seen_(acked_upto) {
  options_.max_events = std::max<std::size_t>(options_.max_events, 1);
  options_.window = std::max<std::size_t>(options_.window, 1);
}

OutboxWant OutboxPublisher::want(TimePoint now, bool connected) {
  OutboxWant w;
  if (!connected) {
    w.after_n = sent_upto_;
    return w;
  }
  if (const auto timeout = next_timeout(); timeout && now >= *timeout) {
    start_over();
    w.resend = true;
  }
  w.after_n = sent_upto_;
  w.max_events = (options_.window - in_flight_.size()) * options_.max_events;
  return w;
}

std::vector<OutboxBatch> OutboxPublisher::plan(std::span<const PendingEvent> pending,
                                               TimePoint now) {
  std::vector<OutboxBatch> out;
  if (!pending.empty()) highest_seen_ = std::max(highest_seen_, pending.back().n);
  const std::size_t overhead = events_payload_bytes(device_, 0, 0);
  std::size_t i = 0;
  while (i < pending.size() && pending[i].n <= sent_upto_)
    ++i;
  while (i < pending.size() && in_flight_.size() < options_.window) {
    OutboxBatch b;
    b.begin = i;
    b.first_n = pending[i].n;
    std::size_t count = 0;
    std::size_t bytes = 0;
    while (i < pending.size() && count < options_.max_events) {
      assert(pending[i].n > sent_upto_ && "pending events must be in strictly increasing n");
      // overhead + events + one comma between each two events.
      const std::size_t with_next = overhead + bytes + pending[i].bytes + count;
      if (count > 0 && with_next > options_.max_payload_bytes) break;
      bytes += pending[i].bytes;
      sent_upto_ = pending[i].n;
      ++count;
      ++i;
    }
    b.end = i;
    b.last_n = sent_upto_;
    b.payload_bytes = events_payload_bytes(device_, count, bytes);
    in_flight_.push_back(InFlight{b.first_n, b.last_n, now});
    out.push_back(b);
  }
  return out;
}

AckDecision OutboxPublisher::on_ack(std::int64_t upto, TimePoint now) {
  AckDecision d;
  if (upto > highest_seen_) {
    upto = highest_seen_;
    d.clamped = true;
  }
  if (upto <= acked_) return d;
  acked_ = upto;
  last_progress_ = now;
  while (!in_flight_.empty() && in_flight_.front().last_n <= acked_)
    in_flight_.pop_front();
  if (!in_flight_.empty() && in_flight_.front().first_n <= acked_) {
    in_flight_.front().first_n = acked_ + 1;
  }
  sent_upto_ = std::max(sent_upto_, acked_);
  d.delete_upto = acked_;
  return d;
}

void OutboxPublisher::on_connected() {
  start_over();
}
void OutboxPublisher::on_disconnected() {
  start_over();
}
void OutboxPublisher::on_publish_failed() {
  start_over();
}

void OutboxPublisher::start_over() {
  in_flight_.clear();
  sent_upto_ = acked_;
}

std::optional<TimePoint> OutboxPublisher::next_timeout() const {
  if (in_flight_.empty()) return std::nullopt;
  auto base = in_flight_.front().sent_at;
  if (last_progress_ && *last_progress_ > base) base = *last_progress_;
  return base + options_.ack_timeout;
}

}  // namespace witryna::sync::core
