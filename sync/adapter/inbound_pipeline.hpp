#pragma once
// Central → store: stream messages validated, decided by core::InboundSync
// and applied to the store, one message at a time in arrival order.
//
// Parsing happens first, off the loop, on a ParseWorker thread (envelope
// and every item, each item keeping its text for the row's body); the parsed
// messages come back in order and wait in a queue. A small message arriving
// while the worker has nothing in flight is parsed on the loop in push()
// and queued at once (SyncOptions::inline_parse_bytes, parse_worker.hpp).
//
// Applying is bounded by time: each loop step applies items for at most
// SyncOptions::apply_slice (and at most apply_batch items), commits and posts
// the next step, so the io_context serves scans in between even during a
// 1,000,000-item snapshot; a scan waits at most about one slice. The
// stream's last seq is written in the transaction of the message's last
// items. Live messages of at most join_items items already waiting behind
// one join its transaction, within the same limits (a stream of one-item
// messages then costs one commit per slice, not per message; nothing waits
// for messages still to come). Their seqs are written in that same
// transaction, so a crash keeps all of them or none. Snapshot completion
// runs in steps of apply_batch rows in the same way.
//
// The worker parses ahead of the loop by at most SyncOptions::inflow_bytes
// of payload: each parsed message keeps its hold (inflow_gate.hpp) until it
// is applied or refused, so parsed messages never pile up in memory. Raw
// payloads waiting for the worker are not bounded (see inflow_gate.hpp).
//
// Loop thread only. Work already posted is dropped when the pipeline is
// destroyed.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/store/apply.hpp"
#include "edge/store/db/database.hpp"
#include "sync/adapter/parse_worker.hpp"
#include "sync/adapter/publish_fn.hpp"
#include "sync/adapter/sync_options.hpp"
#include "sync/core/inbound_sync.hpp"

namespace witryna::sync {

class InboundPipeline {
 public:
  struct Hooks {
    // Publish a resync request (the pipeline calls request_not_sent on failure).
    std::function<void(const core::ResyncRequest& request, MqttCompletion done)> publish_resync;
    // Items of `stream` were applied or a snapshot of it completed.
    std::function<void(core::Stream stream)> applied;
    // A message (or some of its items) was refused; `error` never holds a value.
    std::function<void(core::Stream stream, const Error& error)> rejected;
    // Whether someone waits for the loop (a screen sent a request the loop
    // has not read): a step then ends after a few items, and the next one
    // lets the waiting work run first. Loop thread; asked every
    // SyncOptions::yield_check_items items, so it must be cheap. Unset: steps
    // end by time and count only.
    std::function<bool()> input_waiting;
  };

  // Reads the persisted seqs of `db` (a stream without a row has no state:
  // it is resynced from have_seq 0 once connected).
  [[nodiscard]] static Result<std::unique_ptr<InboundPipeline>> create(boost::asio::io_context& io,
                                                                       store::Database& db,
                                                                       const SyncOptions& options,
                                                                       Hooks hooks,
                                                                       core::IdGenerator ids);

  InboundPipeline(const InboundPipeline&) = delete;
  InboundPipeline& operator=(const InboundPipeline&) = delete;
  ~InboundPipeline();

  // A message on a stream topic. Processed later (parsed, then posted), in
  // order.
  void push(core::Stream topic_stream, std::string payload);
  // Timers and pending requests of every stream.
  void poll(TimePoint now, bool connected);
  void on_connected(TimePoint now, bool session_present);
  // The fleet's "resync" command.
  void force_resync(TimePoint now, bool connected);

  [[nodiscard]] std::map<core::Stream, std::int64_t> last_seqs() const { return sync_.last_seqs(); }
  [[nodiscard]] const core::InboundSync& sync() const { return sync_; }
  // Nothing being parsed, queued or being applied.
  [[nodiscard]] bool idle() const { return !job_ && queue_.empty() && parser_.in_flight() == 0; }
  [[nodiscard]] const InflowGate& inflow() const { return parser_.gate(); }
  // Loop steps that applied items or completion rows (for tests).
  [[nodiscard]] std::size_t apply_steps() const { return apply_steps_; }
  // Steps ended early, or put off once, because input was waiting (for tests
  // and the bench).
  [[nodiscard]] std::size_t yields() const { return yields_; }
  // Messages parsed on the loop, in push() (for tests and the bench).
  [[nodiscard]] std::size_t parsed_inline() const { return parser_.parsed_inline(); }

 private:
  using Clock = std::chrono::steady_clock;
  struct Queued {
    core::Stream stream;
    Result<::witryna::core::ParsedMessage> message;
    InflowGate::Hold hold;
  };
  struct Job {
    ::witryna::core::ParsedMessage message;
    core::StreamDecision decision;
    InflowGate::Hold hold;
    std::size_t next_item = 0;
    bool items_done = false;
    bool applied_any = false;
  };
  // Whether the current step should end: its time is used up, or (asked
  // every `check_every` items) input waits for the loop. Once it said so it
  // keeps saying so.
  class Slice {
   public:
    Slice(Clock::duration budget, const std::function<bool()>& input_waiting,
          std::size_t check_every)
        : end_(Clock::now() + budget),
          input_waiting_(check_every > 0 && input_waiting ? &input_waiting : nullptr),
          check_every_(check_every) {}
    [[nodiscard]] bool over();
    [[nodiscard]] bool yielded() const { return yielded_; }

   private:
    Clock::time_point end_;
    const std::function<bool()>* input_waiting_;  // the pipeline's hook, or null
    std::size_t check_every_;
    std::size_t asked_ = 0;
    bool yielded_ = false;
  };

  InboundPipeline(boost::asio::io_context& io, store::Database& db, const SyncOptions& options,
                  Hooks hooks, core::InboundSync sync);

  void schedule();
  void parsed(ParseWorker::Parsed parsed);
  void step();
  void start_next();
  // The next queued message validated and decided; nullopt when it was
  // refused. No store writes.
  [[nodiscard]] std::optional<Job> take_next();
  // A live message (or one with nothing to apply) whose items fit one batch.
  [[nodiscard]] bool joinable(const Job& job) const;
  [[nodiscard]] static std::size_t items_of(const Job& job);
  // job_ and the joinable messages queued behind it, in one transaction.
  void apply_live_group(Slice& slice);
  // Adds one job of a live group to `tx` (begun when first needed).
  [[nodiscard]] Result<void> apply_joined(Job& job, std::optional<store::Transaction>& tx,
                                          std::map<core::Stream, std::int64_t>& last);
  // One slice of items (or the empty batch of an item-less message).
  [[nodiscard]] Result<void> apply_batch(Job& job, Slice& slice);
  // The items the codec refused, once per message.
  void tell_rejections(const Job& job);
  // One bounded step of snapshot completion; true when finished.
  [[nodiscard]] Result<bool> complete_step(Job& job);
  [[nodiscard]] Result<void> persist_last(core::Stream stream, std::int64_t seq);
  void finish_job();
  void apply_failed(core::Stream stream, const Error& error);
  // apply_failed without touching job_.
  void stream_failed(core::Stream stream, const Error& error);
  void handle(const core::PollDecision& decision);
  void forget(core::Stream stream);
  void send(const core::ResyncRequest& request);

  boost::asio::io_context& io_;
  store::Database& db_;
  SyncOptions options_;
  Hooks hooks_;
  core::InboundSync sync_;
  std::deque<Queued> queue_;
  std::optional<Job> job_;
  std::size_t apply_steps_ = 0;
  std::size_t yields_ = 0;
  bool put_off_ = false;  // the last step did nothing: input was waiting
  bool scheduled_ = false;
  bool connected_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  ParseWorker parser_;  // last: its thread stops first
};

}  // namespace witryna::sync
