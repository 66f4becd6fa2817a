#include "sync/adapter/inbound_pipeline.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <utility>

#include "edge/store/apply.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/snapshot.hpp"
#include "edge/store/stream_state.hpp"
#include "sync/adapter/clock.hpp"
#include "sync/core/stream_message.hpp"

namespace witryna::sync {
namespace {

// Only the streams that have a row: a stream without one has never been
// applied (first start, or the state was lost) and must be resynced from 0.
Result<std::map<core::Stream, std::int64_t>> persisted_seqs(store::Database& db) {
  std::map<core::Stream, std::int64_t> out;
  auto q = store::query(db, "SELECT stream, last_seq FROM stream_state");
  if (!q) return Unexpected(q.error());
  for (;;) {
    auto row = (*q)->step();
    if (!row) return Unexpected(row.error());
    if (!*row) break;
    if (const auto stream = ::witryna::core::stream_from((*q)->column_text(0))) {
      out[*stream] = (*q)->column_int(1);
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<InboundPipeline>> InboundPipeline::create(boost::asio::io_context& io,
                                                                 store::Database& db,
                                                                 const SyncOptions& options,
                                                                 Hooks hooks,
                                                                 core::IdGenerator ids) {
  auto persisted = persisted_seqs(db);
  if (!persisted) return Unexpected(persisted.error());
  core::InboundSync sync(*persisted, std::move(ids), options.streams);
  return std::unique_ptr<InboundPipeline>(
      new InboundPipeline(io, db, options, std::move(hooks), std::move(sync)));
}

InboundPipeline::InboundPipeline(boost::asio::io_context& io, store::Database& db,
                                 const SyncOptions& options, Hooks hooks, core::InboundSync sync)
    : io_(io),
      db_(db),
      options_(options),
      hooks_(std::move(hooks)),
      sync_(std::move(sync)),
      parser_(io, options.limits, options.inflow_bytes, options.inline_parse_bytes,
              [this](ParseWorker::Parsed p) { parsed(std::move(p)); }) {
  if (options_.apply_batch == 0) options_.apply_batch = 1;
}

InboundPipeline::~InboundPipeline() {
  *alive_ = false;
}

void InboundPipeline::push(core::Stream topic_stream, std::string payload) {
  parser_.submit(topic_stream, std::move(payload));
}

void InboundPipeline::parsed(ParseWorker::Parsed p) {
  queue_.push_back(Queued{p.topic_stream, std::move(p.message), std::move(p.hold)});
  schedule();
}

void InboundPipeline::poll(TimePoint now, bool connected) {
  connected_ = connected;
  for (const auto& decision : sync_.poll(now, connected))
    handle(decision);
}

void InboundPipeline::on_connected(TimePoint now, bool session_present) {
  connected_ = true;
  sync_.on_connected(now);
  // The broker kept no session: whatever was published while we were away
  // is lost, so every stream asks for a snapshot (as after lost state).
  if (!session_present) {
    for (const auto& decision : sync_.force_resync(now, true))
      handle(decision);
  }
  poll(now, true);
}

void InboundPipeline::force_resync(TimePoint now, bool connected) {
  for (const auto& decision : sync_.force_resync(now, connected))
    handle(decision);
}

void InboundPipeline::schedule() {
  if (scheduled_) return;
  scheduled_ = true;
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.expired()) return;
    scheduled_ = false;
    step();
  });
}

bool InboundPipeline::Slice::over() {
  if (yielded_) return true;
  if (input_waiting_ != nullptr && ++asked_ % check_every_ == 0 && (*input_waiting_)()) {
    yielded_ = true;
    return true;
  }
  return Clock::now() >= end_;
}

// One unit of work per handler: a slice of items or a completion step.
void InboundPipeline::step() {
  // Input that arrived during the last step is read by the io_context after
  // this handler (Asio queues a ready socket behind the handlers already
  // posted): put this step off once so the scan runs first. Never twice in
  // a row, so the pipeline always moves on.
  if (!put_off_ && options_.yield_check_items > 0 && hooks_.input_waiting &&
      (job_ || !queue_.empty()) && hooks_.input_waiting()) {
    put_off_ = true;
    ++yields_;
    schedule();
    return;
  }
  put_off_ = false;
  Slice slice(options_.apply_slice, hooks_.input_waiting, options_.yield_check_items);
  if (!job_) {
    start_next();
    if (!job_) {
      if (!queue_.empty()) schedule();
      return;
    }
  }
  Job& job = *job_;
  const auto stream = job.decision.stream;
  if (joinable(job)) {
    ++apply_steps_;
    apply_live_group(slice);
    if (slice.yielded()) ++yields_;
    schedule();
    return;
  }
  ++apply_steps_;
  if (!job.items_done) {
    if (auto ok = apply_batch(job, slice); !ok) {
      apply_failed(stream, ok.error());
      schedule();
      return;
    }
    if (slice.yielded()) ++yields_;
  } else if (job.decision.completed) {
    auto done = complete_step(job);
    if (!done) {
      apply_failed(stream, done.error());
      schedule();
      return;
    }
    if (*done) {
      if (job.decision.persist_last) {
        if (auto ok = persist_last(stream, *job.decision.persist_last); !ok) {
          apply_failed(stream, ok.error());
          schedule();
          return;
        }
      }
      job.decision.completed.reset();
      job.applied_any = true;
    }
  }
  if (job.items_done && !job.decision.completed) finish_job();
  schedule();
}

void InboundPipeline::start_next() {
  while (!job_ && !queue_.empty()) {
    auto job = take_next();
    if (!job) continue;
    // Joinable jobs (a message with nothing to apply among them) write their
    // seq in their group's transaction, in order; the others do it here.
    if (!joinable(*job) && job->items_done && !job->decision.completed &&
        job->decision.persist_last) {
      if (auto ok = persist_last(job->decision.stream, *job->decision.persist_last); !ok) {
        apply_failed(job->decision.stream, ok.error());
        continue;
      }
    }
    job_ = std::move(job);
  }
}

std::optional<InboundPipeline::Job> InboundPipeline::take_next() {
  Queued next = std::move(queue_.front());
  queue_.pop_front();
  if (!next.message) {
    if (hooks_.rejected) hooks_.rejected(next.stream, next.message.error());
    return std::nullopt;
  }
  const TimePoint now = wall_now();
  auto decision = sync_.on_envelope(next.message->envelope, now);
  if (decision.part == core::PartVerdict::kRejected && hooks_.rejected) {
    hooks_.rejected(decision.stream, Error{std::string(decision.reject_reason), "snapshot part"});
  }
  if (decision.dropped) forget(decision.stream);
  Job job{std::move(*next.message), std::move(decision), std::move(next.hold)};
  job.items_done = !job.decision.apply_items;
  return job;
}

std::size_t InboundPipeline::items_of(const Job& job) {
  return job.items_done ? 0 : job.message.items.size();
}

bool InboundPipeline::joinable(const Job& job) const {
  if (job.decision.snapshot_id || job.decision.completed || job.next_item != 0) return false;
  return job.items_done ||
         job.message.items.size() <= std::min(options_.join_items, options_.apply_batch);
}

void InboundPipeline::tell_rejections(const Job& job) {
  const auto& items = job.message.items;
  if (items.rejected == 0 || !hooks_.rejected) return;
  hooks_.rejected(job.decision.stream,
                  items.first_rejection.value_or(Error{std::string(errc::kInvalidValue), "items"}));
}

void InboundPipeline::apply_live_group(Slice& slice) {
  std::vector<Job> group;
  group.push_back(std::move(*job_));
  job_.reset();
  std::optional<store::Transaction> tx;
  std::map<core::Stream, std::int64_t> last;
  std::size_t items = items_of(group.front());
  Result<void> ok = apply_joined(group.front(), tx, last);
  // Only what has already arrived joins: no message waits for another.
  while (ok && items < options_.apply_batch && !slice.over() && !queue_.empty()) {
    auto next = take_next();
    if (!next) continue;
    const std::size_t size = items_of(*next);
    if (!joinable(*next) || items + size > options_.apply_batch) {
      // Not joinable: it has no seq of its own to persist (start_next's rule).
      job_ = std::move(next);
      break;
    }
    items += size;
    group.push_back(std::move(*next));
    ok = apply_joined(group.back(), tx, last);
  }
  if (ok && tx) {
    // Set exactly, as one message at a time would: the last message wins.
    for (const auto& [stream, seq] : last) {
      ok = store::set_last_seq(*tx, stream, seq);
      if (!ok) break;
    }
    if (ok) ok = tx->commit();
  }
  if (!ok) {
    // Nothing of the group was committed: each of its streams asks again.
    std::vector<core::Stream> failed;
    for (const auto& job : group) {
      const auto stream = job.decision.stream;
      if (std::find(failed.begin(), failed.end(), stream) != failed.end()) continue;
      failed.push_back(stream);
      stream_failed(stream, ok.error());
    }
    return;
  }
  std::vector<core::Stream> applied;
  for (const Job& job : group) {
    const auto stream = job.decision.stream;
    if (job.applied_any) tell_rejections(job);
    if (job.applied_any && std::find(applied.begin(), applied.end(), stream) == applied.end()) {
      applied.push_back(stream);
    }
    if (job.decision.resync) send(*job.decision.resync);
  }
  if (hooks_.applied) {
    for (const auto stream : applied)
      hooks_.applied(stream);
  }
}

Result<void> InboundPipeline::apply_joined(Job& job, std::optional<store::Transaction>& tx,
                                           std::map<core::Stream, std::int64_t>& last) {
  // A duplicate: nothing to write.
  if (job.items_done && !job.decision.persist_last) return {};
  if (!tx) {
    auto begun = store::Transaction::begin(db_);
    if (!begun) return Unexpected(begun.error());
    tx.emplace(std::move(*begun));
  }
  const auto stream = job.decision.stream;
  if (!job.items_done) {
    const auto ctx = store::ApplyContext::live(job.decision.live_seq.value_or(0), wall_now());
    const auto& items = job.message.items;
    auto applied = store::apply_received(*tx, stream, ctx, items, 0, items.size());
    if (!applied) return Unexpected(applied.error());
    job.applied_any = true;
    job.items_done = true;
    job.next_item = items.size();
  }
  if (job.decision.persist_last) last[stream] = *job.decision.persist_last;
  return {};
}

Result<void> InboundPipeline::apply_batch(Job& job, Slice& slice) {
  const auto stream = job.decision.stream;
  const auto& items = job.message.items;
  const std::size_t begin = job.next_item;
  const std::size_t end = std::min(items.size(), begin + options_.apply_batch);
  const TimePoint now = wall_now();
  const store::ApplyContext ctx =
      job.decision.snapshot_id ? store::ApplyContext::snapshot(*job.decision.snapshot_id, now)
                               : store::ApplyContext::live(job.decision.live_seq.value_or(0), now);

  auto tx = store::Transaction::begin(db_);
  if (!tx) return Unexpected(tx.error());
  if (job.decision.snapshot_id) {
    // A part registers its snapshot even when it carries no items.
    if (auto gen = store::snapshot_generation(*tx, stream, *job.decision.snapshot_id); !gen) {
      return Unexpected(gen.error());
    }
  }
  auto range =
      store::apply_received(*tx, stream, ctx, items, begin, end, [&slice] { return slice.over(); });
  if (!range) return Unexpected(range.error());
  const bool last = range->next >= items.size();
  // The seq goes with the message's last items, unless a completed snapshot
  // still has to delete: then it goes with the completion.
  if (last && job.decision.persist_last && !job.decision.completed) {
    if (auto ok = store::set_last_seq(*tx, stream, *job.decision.persist_last); !ok) {
      return Unexpected(ok.error());
    }
  }
  if (auto ok = tx->commit(); !ok) return Unexpected(ok.error());

  if (begin == 0) tell_rejections(job);
  job.applied_any = true;
  job.next_item = range->next;
  job.items_done = last;
  return {};
}

Result<bool> InboundPipeline::complete_step(Job& job) {
  const auto& completed = *job.decision.completed;
  auto progress = store::finish_snapshot_step(db_, job.decision.stream, completed.id,
                                              completed.upto_seq, options_.apply_batch);
  if (!progress) return Unexpected(progress.error());
  return !progress->more;
}

Result<void> InboundPipeline::persist_last(core::Stream stream, std::int64_t seq) {
  auto tx = store::Transaction::begin(db_);
  if (!tx) return Unexpected(tx.error());
  if (auto ok = store::set_last_seq(*tx, stream, seq); !ok) return Unexpected(ok.error());
  return tx->commit();
}

void InboundPipeline::finish_job() {
  Job job = std::move(*job_);
  job_.reset();
  if (job.applied_any && hooks_.applied) hooks_.applied(job.decision.stream);
  if (job.decision.resync) send(*job.decision.resync);
  parser_.discard(std::move(job.message));
}

void InboundPipeline::apply_failed(core::Stream stream, const Error& error) {
  job_.reset();
  stream_failed(stream, error);
}

void InboundPipeline::stream_failed(core::Stream stream, const Error& error) {
  if (hooks_.rejected) hooks_.rejected(stream, error);
  handle(sync_.on_apply_failed(stream, wall_now(), connected_));
}

void InboundPipeline::handle(const core::PollDecision& decision) {
  if (decision.dropped) forget(decision.stream);
  if (decision.resync) send(*decision.resync);
}

void InboundPipeline::forget(core::Stream stream) {
  // An incomplete snapshot deletes nothing; the store stops tracking it. A
  // failure here is harmless: the next part of another id starts over anyway.
  (void)store::abandon_snapshot(db_, stream);
}

void InboundPipeline::send(const core::ResyncRequest& request) {
  if (!hooks_.publish_resync) {
    sync_.request_not_sent(request.stream, request.request);
    return;
  }
  hooks_.publish_resync(request,
                        [this, alive = std::weak_ptr<bool>(alive_), stream = request.stream,
                         id = request.request](Result<void> result) {
                          if (alive.expired() || result) return;
                          sync_.request_not_sent(stream, id);
                        });
}

}  // namespace witryna::sync
