#pragma once
// The feed's publisher: prepared payloads at QoS 1 (the contract's QoS for
// streams) as fast as the broker acknowledges them, with a window of
// unacknowledged messages. It speaks MQTT 3.1.1 on a plain socket with the
// PUBLISH packets encoded up front and written in large chunks, so that the
// broker, not the publisher, sets the pace (a Paho C++ publisher managed
// about 8-12k messages/s here, below what mosquitto takes). A Paho client
// listens on the store's resync topic: a consumer that lost a message asks
// there.
//
// Threads: publish() blocks its caller and reads the PUBACKs on a thread of
// its own; Paho's threads only touch atomic counters.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace mqtt {
class async_client;
}

namespace witryna::bench {

using Clock = std::chrono::steady_clock;

struct PublishRun {
  Clock::time_point first;     // just before the first publish
  Clock::time_point last_ack;  // the broker acknowledged the last one
  std::size_t messages = 0;
};

class FeedPublisher {
 public:
  // `port`: the broker's plain listener on 127.0.0.1.
  [[nodiscard]] static Result<std::unique_ptr<FeedPublisher>> connect(
      std::uint16_t port, const std::string& resync_topic, int window);
  ~FeedPublisher();
  FeedPublisher(const FeedPublisher&) = delete;
  FeedPublisher& operator=(const FeedPublisher&) = delete;

  [[nodiscard]] Result<PublishRun> publish(const std::string& topic,
                                           const std::vector<std::string>& payloads);

  // Resync requests seen so far, and those with have_seq > 0 (a gap; a
  // first start asks with have_seq 0).
  [[nodiscard]] std::int64_t resyncs() const { return resyncs_.load(); }
  [[nodiscard]] std::int64_t gap_resyncs() const { return gap_resyncs_.load(); }

 private:
  FeedPublisher() = default;
  void read_acks(std::size_t expected);

  std::unique_ptr<mqtt::async_client> client_;  // resync requests only
  int fd_ = -1;                                 // the feed's own connection
  int window_ = 1000;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::size_t acked_ = 0;
  bool broken_ = false;
  Clock::time_point last_ack_{};
  std::atomic<std::int64_t> resyncs_{0};
  std::atomic<std::int64_t> gap_resyncs_{0};
};

}  // namespace witryna::bench
