#pragma once

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>

namespace witryna::test {

// An io_context run by the test's own thread, in bounded slices (as Mender's
// TestEventLoop): handlers posted by other threads (Paho, drivers) run inside
// run_until(), on the thread that calls it. Nothing runs between calls.
class TestEventLoop {
 public:
  TestEventLoop() : work_(boost::asio::make_work_guard(io_)) {}
  TestEventLoop(const TestEventLoop&) = delete;
  TestEventLoop& operator=(const TestEventLoop&) = delete;

  [[nodiscard]] boost::asio::io_context& io() { return io_; }

  // Runs handlers until `condition` holds (checked after every handler) or
  // `deadline` passes; true if it held.
  template <typename Condition>
  [[nodiscard]] bool run_until(Condition condition,
                               std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (!condition()) {
      const auto now = std::chrono::steady_clock::now();
      if (now >= end) return false;
      io_.run_one_for(
          std::min<std::chrono::steady_clock::duration>(end - now, std::chrono::milliseconds(50)));
    }
    return true;
  }

  // Runs handlers for `duration`, e.g. to check that nothing more arrives.
  void run_for(std::chrono::milliseconds duration) { io_.run_for(duration); }

  // Runs the handlers that are ready now.
  void poll() { io_.poll(); }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
};

}  // namespace witryna::test
