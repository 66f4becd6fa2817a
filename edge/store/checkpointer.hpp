#pragma once
// WAL checkpoints on a thread of their own.
//
// A checkpoint copies the WAL into the database file and fsyncs both: done
// by a committing connection (SQLite's default, every 1,000 pages) it stalls
// the scan or the stream message that happened to cross the mark by
// milliseconds. The service opens its connections with auto_checkpoint off
// and runs one Checkpointer, which every `period` copies what it can
// (PASSIVE: never waits for, nor blocks, readers and writers) on its own
// connection, at background priority (background_thread.hpp). It touches
// nothing but the file.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::store {

class Checkpointer {
 public:
  // Opens its connection to the (existing) store at `path` and starts.
  [[nodiscard]] static Result<std::unique_ptr<Checkpointer>> start(
      const std::filesystem::path& path,
      std::chrono::milliseconds period = std::chrono::milliseconds(500));

  // Prefer start(). Takes `db`, a connection of its own.
  Checkpointer(Database db, std::chrono::milliseconds period);
  // Stops the thread after one last checkpoint.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints done and failed so far (for health and tests).
  [[nodiscard]] std::int64_t runs() const;
  [[nodiscard]] std::int64_t failures() const;

 private:
  void run();
  void checkpoint_once();

  Database db_;  // used by the thread only
  const std::chrono::milliseconds period_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t runs_ = 0;
  std::int64_t failures_ = 0;
  std::thread thread_;  // last: starts after everything it uses
};

}  // namespace witryna::store
