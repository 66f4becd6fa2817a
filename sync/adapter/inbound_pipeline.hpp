#pragma once
// Central → store: stream messages validated, decided by core::InboundSync
// and applied to the store, one message at a time in arrival order.
//
// Items go in short transactions of SyncOptions::apply_batch items; the
// stream's last seq is written in the transaction of the message's last
// batch. Live messages already waiting in the queue behind one that fits a
// batch join its transaction, up to apply_batch items in all (a stream of
// one-item messages then costs one commit per batch, not per message;
// nothing waits for messages still to come). Their seqs are written in that
// same transaction, so a crash keeps all of them or none.
// Between batches (and between snapshot completion steps) the next step is
// posted, so the io_context serves scans in between even during a
// 1,000,000-item snapshot. Messages arriving meanwhile wait in a queue.
//
// Loop thread only. Work already posted is dropped when the pipeline is
// destroyed.

#include <boost/asio/io_context.hpp>
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

  // A message on a stream topic. Processed later (posted), in order.
  void push(core::Stream topic_stream, std::string payload);
  // Timers and pending requests of every stream.
  void poll(TimePoint now, bool connected);
  void on_connected(TimePoint now, bool session_present);
  // The fleet's "resync" command.
  void force_resync(TimePoint now, bool connected);

  [[nodiscard]] std::map<core::Stream, std::int64_t> last_seqs() const { return sync_.last_seqs(); }
  [[nodiscard]] const core::InboundSync& sync() const { return sync_; }
  // Nothing queued or being applied.
  [[nodiscard]] bool idle() const { return !job_ && queue_.empty(); }

 private:
  struct Queued {
    core::Stream stream;
    std::string payload;
  };
  struct Job {
    core::Envelope envelope;
    core::StreamDecision decision;
    std::size_t next_item = 0;
    bool items_done = false;
    bool applied_any = false;
  };

  InboundPipeline(boost::asio::io_context& io, store::Database& db, const SyncOptions& options,
                  Hooks hooks, core::InboundSync sync);

  void schedule();
  void step();
  void start_next();
  // The next queued message validated and decided; nullopt when it was
  // refused. No store writes.
  [[nodiscard]] std::optional<Job> take_next();
  // A live message (or one with nothing to apply) whose items fit one batch.
  [[nodiscard]] bool joinable(const Job& job) const;
  // job_ and the joinable messages queued behind it, in one transaction.
  void apply_live_group();
  [[nodiscard]] Result<void> commit_group(std::vector<Job>& group,
                                          std::vector<store::ApplyCounts>& counts);
  // One batch of items (or the empty batch of an item-less message).
  [[nodiscard]] Result<void> apply_batch(Job& job);
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
  bool scheduled_ = false;
  bool connected_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::sync
