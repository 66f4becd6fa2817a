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
//
// SQLite starts the WAL over only when a writer begins while every frame
// has been copied. A writer that commits every few milliseconds (a snapshot
// applied in 2 ms slices) never leaves such a moment, so the WAL grew by
// ~1.6-2.2 KiB per profile: 1.6-2.2 GiB for a 1,000,000-profile snapshot,
// a file that keeps its size while the store is open. So once the WAL holds
// more than `restart_bytes` the Checkpointer runs every kBusyPeriod and,
// right after a passive checkpoint that copied every frame, tries a RESTART
// checkpoint. Its connection never waits (busy timeout 0): it takes the
// write lock only when no transaction holds it, copies the few frames
// committed since the passive one, syncs the database file and, if no
// reader is in the WAL, leaves it so that the next write starts the WAL
// over (the file keeps its size and is written from the start again);
// otherwise it gives up until the next run. A writer that comes meanwhile waits on its own busy
// timeout (a few ms). Durability is unchanged: frames are in the synced database file before the
// WAL is reused.

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
  static constexpr std::uintmax_t kRestartBytes = 64 * 1024 * 1024;
  static constexpr std::chrono::milliseconds kBusyPeriod{50};

  // Opens its connection to the (existing) store at `path` and starts.
  [[nodiscard]] static Result<std::unique_ptr<Checkpointer>> start(
      const std::filesystem::path& path,
      std::chrono::milliseconds period = std::chrono::milliseconds(500),
      std::uintmax_t restart_bytes = kRestartBytes);

  // Prefer start(). Takes `db`, a connection of its own, and sets its busy
  // timeout to 0 (if that fails it never restarts the WAL).
  Checkpointer(Database db, std::chrono::milliseconds period,
               std::uintmax_t restart_bytes = kRestartBytes);
  // Stops the thread after one last checkpoint.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints done and failed so far (for health and tests).
  [[nodiscard]] std::int64_t runs() const;
  [[nodiscard]] std::int64_t failures() const;
  // Times the WAL was started over because it held more than restart_bytes.
  [[nodiscard]] std::int64_t restarts() const;

 private:
  void run();
  // True when the WAL still holds more than restart_bytes_.
  bool checkpoint_once();

  Database db_;  // used by the thread only
  const std::chrono::milliseconds period_;
  const std::uintmax_t restart_bytes_;
  bool can_restart_ = false;  // the connection never waits for locks
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t runs_ = 0;
  std::int64_t failures_ = 0;
  std::int64_t restarts_ = 0;
  std::thread thread_;  // last: starts after everything it uses
};

}  // namespace witryna::store
