#pragma once
// Parses stream messages (sync::core::read_stream_message) on a thread of its
// own, so that the io_context only decides and applies: a 500-profile part
// takes ~2 ms to parse even on the plain-profile fast path (~15 ms through
// nlohmann trees), as long as a whole apply slice. The thread runs at
// background priority (edge/store/background_thread.hpp) so scans on the loop
// get the CPU first. Results come back on
// the io_context, in the order the messages were given. It parses ahead of
// the loop by at most `ahead_bytes` of payload (inflow_gate.hpp): each
// result carries a hold on those bytes, to be kept until it is applied.
//
// A message of at most `inline_bytes` is parsed on the loop, inside
// submit(), when nothing is in flight and its bytes fit the gate now: for a
// one-item stock message (~128 B, a few µs to parse) the hand-over to the
// thread and back costs about what parsing off the loop saves. Order holds:
// everything submitted before it has been delivered already. Otherwise (or
// when the gate is full: the loop must never wait on it) the thread parses.
//
// submit() and the deliver callback: loop thread only. The worker thread
// touches nothing but its queues. Destroying the worker stops and joins the
// thread; results not yet delivered are dropped.

#include <boost/asio/io_context.hpp>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "edge/core/result.hpp"
#include "sync/adapter/inflow_gate.hpp"
#include "sync/core/stream_message.hpp"

namespace witryna::sync {

class ParseWorker {
 public:
  struct Parsed {
    core::Stream topic_stream;
    Result<::witryna::core::ParsedMessage> message;
    InflowGate::Hold hold;  // released with the message
  };
  using Deliver = std::function<void(Parsed parsed)>;

  ParseWorker(boost::asio::io_context& io, core::MessageLimits limits, std::size_t ahead_bytes,
              std::size_t inline_bytes, Deliver deliver);
  ParseWorker(const ParseWorker&) = delete;
  ParseWorker& operator=(const ParseWorker&) = delete;
  ~ParseWorker();

  void submit(core::Stream topic_stream, std::string payload);
  // Frees `message` on the worker thread. A 500-profile part is thousands of
  // allocations (texts, names, card lists): freed on the loop, that was ~5 %
  // of the loop's time during a snapshot, and the memory came from the
  // worker's arena anyway. The thread frees before it parses the next
  // message, and the loop applies only what was parsed (the gate's bytes),
  // so what waits here stays about that size. Loop thread.
  void discard(::witryna::core::ParsedMessage message);
  // Submitted to the thread and not yet delivered.
  [[nodiscard]] std::size_t in_flight() const { return in_flight_; }
  // Messages parsed on the loop inside submit() (for tests and the bench).
  [[nodiscard]] std::size_t parsed_inline() const { return parsed_inline_; }
  [[nodiscard]] const InflowGate& gate() const { return *gate_; }

 private:
  struct Task {
    core::Stream topic_stream;
    std::string payload;
  };

  void run();
  void drain();

  boost::asio::io_context& io_;
  const core::MessageLimits limits_;
  const std::size_t inline_bytes_;
  Deliver deliver_;
  std::shared_ptr<InflowGate> gate_;
  std::size_t in_flight_ = 0;      // loop thread
  std::size_t parsed_inline_ = 0;  // loop thread

  std::mutex mutex_;
  std::condition_variable work_;
  std::deque<Task> todo_;
  std::deque<Parsed> done_;
  std::vector<::witryna::core::ParsedMessage> trash_;  // freed by the thread
  bool drain_posted_ = false;
  bool stop_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  std::thread thread_;  // last: starts after everything above exists
};

}  // namespace witryna::sync
