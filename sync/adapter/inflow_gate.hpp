#pragma once
// Backpressure inside the device: bounds the bytes of stream messages that
// have been handed to the parse worker and are not yet applied or refused.
// The worker calls enter() before it parses a message and waits there while
// `limit` bytes are held, so parsed messages (2-3 times their text in
// memory) never pile up ahead of the loop. A message larger than the limit
// enters when nothing else is held. The hold that enter() returns gives the
// bytes back when its last copy is destroyed, on any thread: the pipeline
// keeps it with the message until the message is applied or refused.
// close() ends every wait for good (shutdown). Thread-safe.
//
// Not at the socket: Paho C delivers messages with its global mutex held, so
// a receive thread waiting for the loop would deadlock the loop's next
// publish (seen in gdb), and Paho C++ 1.2 acknowledges a QoS 1 message when
// the callback returns. Raw payloads waiting to be parsed stay unbounded.

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

namespace witryna::sync {

class InflowGate : public std::enable_shared_from_this<InflowGate> {
 public:
  using Hold = std::shared_ptr<void>;

  [[nodiscard]] static std::shared_ptr<InflowGate> create(std::size_t limit_bytes);

  InflowGate(const InflowGate&) = delete;
  InflowGate& operator=(const InflowGate&) = delete;

  // Waits (unless closed) until `bytes` fit, then holds them.
  [[nodiscard]] Hold enter(std::size_t bytes);
  // enter() without the wait: null when `bytes` do not fit now.
  [[nodiscard]] Hold try_enter(std::size_t bytes);
  // Never waits again; wakes every waiter.
  void close();

  [[nodiscard]] std::size_t held() const;
  // Times enter() had to wait (for tests and the log).
  [[nodiscard]] std::size_t waits() const;

 private:
  explicit InflowGate(std::size_t limit_bytes) : limit_(limit_bytes) {}
  [[nodiscard]] Hold make_hold(std::size_t bytes);
  void release(std::size_t bytes);

  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::condition_variable room_;
  std::size_t held_ = 0;
  std::size_t waits_ = 0;
  bool closed_ = false;
};

}  // namespace witryna::sync
