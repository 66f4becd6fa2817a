#pragma once
// The one event loop of the service (after Mender's common/events.hpp): every
// component takes the EventLoop by reference and does its work on the thread
// that calls run(). Other threads (Paho callbacks, scanner readers) only post().

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace witryna::service {

class EventLoop {
 public:
  EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Runs handlers on the calling thread until stop(); may be called again
  // after stop() returned from a previous run.
  void run();
  // Makes run() return as soon as the running handler is done. Thread-safe.
  void stop();
  // Queues `fn` to run on the loop thread. Thread-safe; never runs `fn` inline.
  void post(std::function<void()> fn);

  [[nodiscard]] boost::asio::io_context& io() { return io_; }

 private:
  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

// A one-shot or repeating timer on the loop. Destroying or cancelling it
// guarantees its callback will not run afterwards, even if the expiry was
// already queued. Loop thread only.
class Timer {
 public:
  using Duration = std::chrono::steady_clock::duration;

  explicit Timer(EventLoop& loop);
  ~Timer();
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  // Replaces any pending expiry.
  void after(Duration delay, std::function<void()> fn);
  void every(Duration period, std::function<void()> fn);
  void cancel();

 private:
  void arm(Duration delay);

  boost::asio::steady_timer timer_;
  std::function<void()> fn_;
  std::optional<Duration> period_;
  // Bumped on every (re)arm and on cancel: a queued expiry from an older
  // generation is ignored.
  std::shared_ptr<std::uint64_t> generation_ = std::make_shared<std::uint64_t>(0);
};

}  // namespace witryna::service
