#include "edge/store/db/database.hpp"

#include <sqlite3.h>

#include <cassert>
#include <climits>

namespace witryna::store {

CachedStatement::CachedStatement(Statement own)
    : own_(std::make_unique<Statement>(std::move(own))), stmt_(own_.get()) {}

CachedStatement::CachedStatement(CachedStatement&& other) noexcept
    : own_(std::move(other.own_)), stmt_(other.stmt_), in_use_(other.in_use_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

CachedStatement::~CachedStatement() {
  if (stmt_ != nullptr) stmt_->reset();
  if (in_use_ != nullptr) *in_use_ = false;
}

void Database::Closer::operator()(sqlite3* db) const noexcept {
  sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::filesystem::path path)
    : db_(db), cache_(std::make_unique<Cache>()), path_(std::move(path)) {}

Database::Database(Database&&) noexcept = default;

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    cache_.reset();  // finalize our statements before closing our connection
    db_ = std::move(other.db_);
    cache_ = std::move(other.cache_);
    path_ = std::move(other.path_);
  }
  return *this;
}

Database::~Database() {
  cache_.reset();
}

Result<Database> Database::open(const std::filesystem::path& path, const DatabaseOptions& options) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path);  // owns `raw` even when opening failed
  if (rc != SQLITE_OK) return tl::unexpected(db.error("open"));
  sqlite3_extended_result_codes(raw, 1);
  const auto timeout_ms = options.busy_timeout.count();
  sqlite3_busy_timeout(raw, static_cast<int>(timeout_ms > INT_MAX ? INT_MAX : timeout_ms));

  std::string pragmas =
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=NORMAL;"
      "PRAGMA foreign_keys=ON;"
      "PRAGMA temp_store=MEMORY;";
  pragmas += "PRAGMA cache_size=-" + std::to_string(options.cache_kib) + ";";
  pragmas += options.secure_delete ? "PRAGMA secure_delete=ON;" : "PRAGMA secure_delete=OFF;";
  if (!options.auto_checkpoint) pragmas += "PRAGMA wal_autocheckpoint=0;";
  if (auto ok = db.exec(pragmas); !ok) return tl::unexpected(ok.error());

  // journal_mode answers with the mode it got; anything but wal (e.g. on a
  // file system without shared memory) would silently lose concurrency.
  auto mode = db.prepare("PRAGMA journal_mode");
  if (!mode) return tl::unexpected(mode.error());
  auto row = mode->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row || mode->column_view(0) != "wal") {
    return fail(std::string(errc::kStorage), "open: the database could not switch to WAL");
  }
  return db;
}

Result<void> Database::exec(std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec needs a terminated string
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string context = "exec: ";
    context += message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return fail(std::string(errc::kStorage), std::move(context));
  }
  return {};
}

Result<CachedStatement> Database::cached(std::string_view sql) {
  auto it = cache_->find(sql);
  if (it == cache_->end()) {
    auto stmt = Statement::prepare(db_.get(), sql, /*persistent=*/true);
    if (!stmt) return tl::unexpected(stmt.error());
    auto entry = std::make_unique<CacheEntry>(CacheEntry{std::move(*stmt), false});
    it = cache_->emplace(std::string(sql), std::move(entry)).first;
  }
  auto& entry = *it->second;
  if (entry.in_use) {
    auto fresh = Statement::prepare(db_.get(), sql);
    if (!fresh) return tl::unexpected(fresh.error());
    return CachedStatement(std::move(*fresh));
  }
  entry.in_use = true;
  return CachedStatement(&entry.stmt, &entry.in_use);
}

Result<Statement> Database::prepare(std::string_view sql) {
  return Statement::prepare(db_.get(), sql);
}

Result<bool> Database::checkpoint_truncate() {
  int wal_frames = 0;
  int copied = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE,
                                           &wal_frames, &copied);
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) return tl::unexpected(error("checkpoint"));
  return true;
}

Result<int> Database::checkpoint_passive() {
  int wal_frames = 0;
  int copied = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                           &wal_frames, &copied);
  if (rc == SQLITE_BUSY) return -1;
  if (rc != SQLITE_OK) return tl::unexpected(error("checkpoint"));
  return wal_frames > copied ? wal_frames - copied : 0;
}

std::int64_t Database::changes() const {
  return sqlite3_changes64(db_.get());
}

std::int64_t Database::page_cache_misses() const {
  int current = 0;
  int highest = 0;
  sqlite3_db_status(db_.get(), SQLITE_DBSTATUS_CACHE_MISS, &current, &highest, 0);
  return current;
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(db_.get()) == 0;
}

bool Database::in_read_transaction() const {
  return sqlite3_txn_state(db_.get(), "main") != SQLITE_TXN_NONE;
}

std::optional<DataStamp> Database::data_stamp() const {
  unsigned int version = 0;
  // Reads the pager's counter: no page is read, no lock taken.
  if (sqlite3_file_control(db_.get(), "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK) {
    return std::nullopt;
  }
  return DataStamp{version, sqlite3_total_changes64(db_.get())};
}

}  // namespace witryna::store
