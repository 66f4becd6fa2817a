#include "edge/store/checkpointer.hpp"

#include "edge/store/background_thread.hpp"
#include "edge/store/store.hpp"

namespace witryna::store {

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(const std::filesystem::path& path,
                                                          std::chrono::milliseconds period) {
  DatabaseOptions options;
  options.cache_kib = 512;  // it reads WAL frames, not tables
  auto db = open_store(path, options);
  if (!db) return tl::unexpected(db.error());
  return std::make_unique<Checkpointer>(std::move(*db), period);
}

Checkpointer::Checkpointer(Database db, std::chrono::milliseconds period)
    : db_(std::move(db)), period_(period), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::int64_t Checkpointer::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

std::int64_t Checkpointer::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

void Checkpointer::run() {
  become_background_thread("wal-checkpoint");
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stop = wake_.wait_for(lock, period_, [this] { return stopping_; });
    lock.unlock();
    checkpoint_once();
    lock.lock();
    if (stop) return;
  }
}

void Checkpointer::checkpoint_once() {
  // Frames left behind (readers on them) or a concurrent checkpoint are not
  // failures: the next period copies them.
  const auto done = db_.checkpoint_passive();
  std::lock_guard lock(mutex_);
  ++runs_;
  if (!done) ++failures_;
}

}  // namespace witryna::store
