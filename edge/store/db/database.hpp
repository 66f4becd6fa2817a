#pragma once
// One SQLite connection (RAII, as SQLiteCpp: a unique_ptr with a deleter)
// with a cache of prepared statements.
//
// Threads: a Database is used by one thread at a time (opened NOMUTEX). Give
// each thread its own connection to the same file: WAL lets readers run while
// one writer commits, and busy_timeout makes writers wait for each other.
// Moving a Database while a Transaction or CachedStatement on it is alive is
// a bug.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "edge/core/result.hpp"
#include "edge/store/db/statement.hpp"

namespace witryna::store {

struct DatabaseOptions {
  // How long a write waits for another connection's write lock before
  // failing with "database is locked".
  std::chrono::milliseconds busy_timeout{5000};
  // Page cache of this connection (SQLite's default is 2 MiB).
  std::int64_t cache_kib = 16 * 1024;
  // Overwrite deleted content with zeros (right-to-erasure: a deleted
  // profile must not linger in free pages of the file). Costs extra writes
  // only for rows large enough to spill into overflow pages.
  bool secure_delete = true;
  // Let a commit that grows the WAL past 1,000 pages copy it into the
  // database there and then (SQLite's default). The service turns it off on
  // the connections that serve scans and runs a Checkpointer instead: the
  // copy and its fsyncs would otherwise stall whichever scan hits the mark.
  bool auto_checkpoint = true;
};

class Database;

// What identifies the data a connection sees: SQLite's data version of the
// file for this connection (SQLITE_FCNTL_DATA_VERSION: it moves with every
// commit of this connection, and with any other connection's or process's
// commit as soon as this connection next takes a read lock) and the rows this
// connection has changed (it moves with its own writes before they commit).
// Equal stamps taken while a read transaction is open mean the same rows.
struct DataStamp {
  std::uint32_t version = 0;
  std::int64_t changes = 0;

  friend bool operator==(const DataStamp&, const DataStamp&) = default;
};

// A statement borrowed from the connection's cache; reset and returned to the
// cache when the lease ends. If the cached statement is already leased (a
// nested use of the same SQL), the lease owns a fresh statement instead.
class CachedStatement {
 public:
  CachedStatement(CachedStatement&& other) noexcept;
  CachedStatement& operator=(CachedStatement&&) = delete;
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  ~CachedStatement();

  Statement& operator*() { return *stmt_; }
  Statement* operator->() { return stmt_; }

 private:
  friend class Database;
  CachedStatement(Statement* shared, bool* in_use) : stmt_(shared), in_use_(in_use) {}
  explicit CachedStatement(Statement own);

  std::unique_ptr<Statement> own_;
  Statement* stmt_ = nullptr;
  bool* in_use_ = nullptr;
};

class Database {
 public:
  // Opens (creating if needed) `path` with WAL, synchronous=NORMAL,
  // foreign_keys=ON and the options' busy timeout and cache. Does not
  // migrate: see open_store() in edge/store/store.hpp.
  [[nodiscard]] static Result<Database> open(const std::filesystem::path& path,
                                             const DatabaseOptions& options = {});

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements whose rows are not needed (DDL, pragmas).
  [[nodiscard]] Result<void> exec(std::string_view sql);
  // The statement for `sql`, prepared once per connection and then reused.
  // Use for every statement run more than once.
  [[nodiscard]] Result<CachedStatement> cached(std::string_view sql);
  // A statement of its own (finalized when dropped).
  [[nodiscard]] Result<Statement> prepare(std::string_view sql);

  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  // Copies the WAL into the database file and truncates the WAL to zero
  // bytes, so old page images (e.g. of an erased profile) leave the disk.
  // false when a reader on another connection kept it from completing (try
  // again later). Cheap when there is little to copy; call when idle.
  [[nodiscard]] Result<bool> checkpoint_truncate();
  // Copies what it can of the WAL into the database without waiting for
  // readers or writers; how many WAL frames it had to leave (readers still
  // on them), 0 when the database holds everything, -1 when another
  // checkpoint was running (nothing done; try later).
  [[nodiscard]] Result<int> checkpoint_passive();

  [[nodiscard]] std::int64_t changes() const;
  // Pages this connection had to read from the file (SQLite's page cache
  // missed) since it was opened.
  [[nodiscard]] std::int64_t page_cache_misses() const;
  [[nodiscard]] bool in_transaction() const;
  // A read (or write) transaction is open: what this connection reads now is
  // one snapshot, and data_stamp() is current for it.
  [[nodiscard]] bool in_read_transaction() const;
  // See DataStamp. Without a read transaction open the version may not yet
  // show other connections' commits (it is brought up to date by the next
  // read); then it only tells this connection's own commits apart.
  // nullopt when SQLite cannot tell (then nothing can be assumed unchanged).
  [[nodiscard]] std::optional<DataStamp> data_stamp() const;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] sqlite3* handle() const { return db_.get(); }
  [[nodiscard]] Error error(std::string_view what) const { return storage_error(handle(), what); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const noexcept;
  };
  struct CacheEntry {
    Statement stmt;
    bool in_use = false;
  };
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using Cache =
      std::unordered_map<std::string, std::unique_ptr<CacheEntry>, SqlHash, std::equal_to<>>;

  Database(sqlite3* db, std::filesystem::path path);

  // Declaration order matters: the cache (statements) goes before the connection.
  std::unique_ptr<sqlite3, Closer> db_;
  std::unique_ptr<Cache> cache_;
  std::filesystem::path path_;
};

}  // namespace witryna::store
