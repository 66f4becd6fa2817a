#include "edge/store/checkpointer.hpp"

#include <algorithm>
#include <string>

#include "edge/store/background_thread.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/store.hpp"

namespace witryna::store {
namespace {

// One row of PRAGMA wal_checkpoint(<mode>): whether it could not finish
// (another checkpoint, a writer or a reader in the way), frames in the WAL,
// frames copied into the database file.
struct WalCheckpoint {
  bool busy = false;
  std::int64_t frames = 0;
  std::int64_t copied = 0;
};

Result<WalCheckpoint> wal_checkpoint(Database& db, const char* mode) {
  auto stmt = db.prepare(std::string("PRAGMA wal_checkpoint(") + mode + ")");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return fail(std::string(errc::kStorage), "wal_checkpoint returned no row");
  return WalCheckpoint{stmt->column_int(0) != 0, stmt->column_int(1), stmt->column_int(2)};
}

}  // namespace

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(const std::filesystem::path& path,
                                                          std::chrono::milliseconds period,
                                                          std::uintmax_t restart_bytes) {
  DatabaseOptions options;
  options.cache_kib = 512;  // it reads WAL frames, not tables
  // Opened (and migrated, if it had to) with the usual busy timeout; the
  // constructor makes it never wait from then on.
  auto db = open_store(path, options);
  if (!db) return tl::unexpected(db.error());
  return std::make_unique<Checkpointer>(std::move(*db), period, restart_bytes);
}

Checkpointer::Checkpointer(Database db, std::chrono::milliseconds period,
                           std::uintmax_t restart_bytes)
    : db_(std::move(db)),
      period_(period),
      restart_bytes_(restart_bytes),
      // A RESTART must never hold the write lock while it waits for readers,
      // nor wait for the loop's transactions.
      can_restart_(db_.exec("PRAGMA busy_timeout=0").has_value()),
      thread_([this] { run(); }) {}

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

std::int64_t Checkpointer::restarts() const {
  std::lock_guard lock(mutex_);
  return restarts_;
}

void Checkpointer::run() {
  become_background_thread("wal-checkpoint");
  std::unique_lock lock(mutex_);
  bool large = false;
  for (;;) {
    const auto wait = large ? std::min(period_, kBusyPeriod) : period_;
    const bool stop = wake_.wait_for(lock, wait, [this] { return stopping_; });
    lock.unlock();
    large = checkpoint_once();
    lock.lock();
    if (stop) return;
  }
}

bool Checkpointer::checkpoint_once() {
  // Frames left behind (readers on them) or a concurrent checkpoint are not
  // failures: the next period copies them.
  const auto passive = wal_checkpoint(db_, "PASSIVE");
  const auto page = query_int(db_, "PRAGMA page_size");
  const auto frame_bytes = static_cast<std::uintmax_t>((page ? page->value_or(4096) : 4096) + 24);
  bool large =
      passive && static_cast<std::uintmax_t>(passive->frames) * frame_bytes > restart_bytes_;
  bool restarted = false;
  bool failed = !passive;
  if (large && can_restart_ && !passive->busy && passive->copied == passive->frames) {
    // Everything copied: what RESTART still copies under the write lock is
    // what was committed since, a few frames.
    const auto restart = wal_checkpoint(db_, "RESTART");
    failed = failed || !restart;
    restarted = restart && !restart->busy;
    if (restarted) large = false;
  }
  std::lock_guard lock(mutex_);
  ++runs_;
  if (failed) ++failures_;
  if (restarted) ++restarts_;
  return large;
}

}  // namespace witryna::store
