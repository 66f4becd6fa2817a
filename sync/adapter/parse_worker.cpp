#include "sync/adapter/parse_worker.hpp"

#include <boost/asio/post.hpp>
#include <utility>

#include "edge/store/background_thread.hpp"

namespace witryna::sync {

ParseWorker::ParseWorker(boost::asio::io_context& io, core::MessageLimits limits,
                         std::size_t ahead_bytes, std::size_t inline_bytes, Deliver deliver)
    : io_(io),
      limits_(limits),
      inline_bytes_(inline_bytes),
      deliver_(std::move(deliver)),
      gate_(InflowGate::create(ahead_bytes)),
      thread_([this] { run(); }) {}

ParseWorker::~ParseWorker() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  gate_->close();
  work_.notify_all();
  thread_.join();
  *alive_ = false;
}

void ParseWorker::submit(core::Stream topic_stream, std::string payload) {
  if (in_flight_ == 0 && payload.size() <= inline_bytes_) {
    if (auto hold = gate_->try_enter(payload.size())) {
      ++parsed_inline_;
      deliver_(Parsed{topic_stream, core::read_stream_message(topic_stream, payload, limits_),
                      std::move(hold)});
      return;
    }
  }
  ++in_flight_;
  {
    const std::lock_guard lock(mutex_);
    todo_.push_back(Task{topic_stream, std::move(payload)});
  }
  work_.notify_one();
}

void ParseWorker::discard(::witryna::core::ParsedMessage message) {
  {
    const std::lock_guard lock(mutex_);
    trash_.push_back(std::move(message));
  }
  work_.notify_one();
}

void ParseWorker::run() {
  // Scans on the loop go first; parsing ahead has the inflow gate's slack.
  store::become_background_thread("stream-parse");
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [this] { return stop_ || !todo_.empty() || !trash_.empty(); });
    if (stop_) return;
    if (!trash_.empty()) {
      std::vector<::witryna::core::ParsedMessage> freed;
      freed.swap(trash_);
      lock.unlock();
      freed.clear();
      lock.lock();
      continue;
    }
    Task task = std::move(todo_.front());
    todo_.pop_front();
    lock.unlock();
    // Waits while the loop has enough parsed work (no lock held here).
    auto hold = gate_->enter(task.payload.size());
    // Never throws (results are values); an allocation failure would end
    // the process as anywhere else.
    Parsed parsed{task.topic_stream,
                  core::read_stream_message(task.topic_stream, task.payload, limits_),
                  std::move(hold)};
    task.payload = std::string();
    lock.lock();
    if (stop_) return;
    done_.push_back(std::move(parsed));
    // One drain handler at a time takes everything parsed so far.
    if (!drain_posted_) {
      drain_posted_ = true;
      boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
        if (alive.expired()) return;
        drain();
      });
    }
  }
}

void ParseWorker::drain() {
  std::deque<Parsed> ready;
  {
    const std::lock_guard lock(mutex_);
    ready.swap(done_);
    drain_posted_ = false;
  }
  for (auto& parsed : ready) {
    --in_flight_;
    deliver_(std::move(parsed));
  }
}

}  // namespace witryna::sync
