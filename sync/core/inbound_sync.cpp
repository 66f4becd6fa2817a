#include "sync/core/inbound_sync.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace witryna::sync::core {
namespace {

std::size_t index_of(Stream s) {
  const auto it = std::find(kAllStreams.begin(), kAllStreams.end(), s);
  assert(it != kAllStreams.end());
  return static_cast<std::size_t>(it - kAllStreams.begin());
}

}  // namespace

InboundSync::InboundSync(const std::map<Stream, std::int64_t>& persisted, IdGenerator ids,
                         SyncOptions options)
    : ids_(ids) {
  streams_.reserve(kAllStreams.size());
  for (const auto s : kAllStreams) {
    const auto it = persisted.find(s);
    streams_.emplace_back(
        s, it == persisted.end() ? std::nullopt : std::optional<std::int64_t>(it->second), options);
  }
}

StreamSync& InboundSync::at(Stream s) {
  return streams_[index_of(s)];
}
const StreamSync& InboundSync::stream(Stream s) const {
  return streams_[index_of(s)];
}

StreamDecision InboundSync::on_envelope(const Envelope& envelope, TimePoint now) {
  if (envelope.snapshot) return on_part(envelope.stream, *envelope.snapshot, now);
  assert(envelope.seq.has_value());
  return on_live(envelope.stream, envelope.seq.value_or(0), now);
}

StreamDecision InboundSync::on_live(Stream stream, std::int64_t seq, TimePoint now) {
  return at(stream).on_live(seq, now, ids_);
}

StreamDecision InboundSync::on_part(Stream stream, const SnapshotPart& part, TimePoint now) {
  return at(stream).on_part(part, now, ids_);
}

std::vector<PollDecision> InboundSync::poll(TimePoint now, bool connected) {
  std::vector<PollDecision> out;
  for (auto& s : streams_) {
    auto d = s.poll(now, connected, ids_);
    if (!d.empty()) out.push_back(std::move(d));
  }
  return out;
}

void InboundSync::on_connected(TimePoint now) {
  for (auto& s : streams_)
    s.on_connected(now);
}

void InboundSync::request_not_sent(Stream stream, std::string_view request) {
  at(stream).request_not_sent(request);
}

PollDecision InboundSync::on_apply_failed(Stream stream, TimePoint now, bool connected) {
  return at(stream).on_apply_failed(now, connected, ids_);
}

std::vector<PollDecision> InboundSync::force_resync(TimePoint now, bool connected) {
  std::vector<PollDecision> out;
  for (auto& s : streams_) {
    auto d = s.force_resync(now, connected, ids_);
    if (!d.empty()) out.push_back(std::move(d));
  }
  return out;
}

std::map<Stream, std::int64_t> InboundSync::last_seqs() const {
  std::map<Stream, std::int64_t> out;
  for (const auto& s : streams_)
    out.emplace(s.stream(), s.last_seq());
  return out;
}

std::optional<TimePoint> InboundSync::next_due() const {
  std::optional<TimePoint> out;
  for (const auto& s : streams_) {
    const auto due = s.next_due();
    if (due && (!out || *due < *out)) out = due;
  }
  return out;
}

}  // namespace witryna::sync::core
