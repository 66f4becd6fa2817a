#include "tools/bench/ingest/store_probe.hpp"

#include <sqlite3.h>

#include <utility>

namespace witryna::bench {

Result<StoreProbe> StoreProbe::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    return fail("storage", "cannot open " + path.string());
  }
  sqlite3_busy_timeout(db, 1000);
  return StoreProbe(db);
}

StoreProbe::StoreProbe(StoreProbe&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), seq_stmt_(std::exchange(other.seq_stmt_, nullptr)) {}

StoreProbe::~StoreProbe() {
  sqlite3_finalize(seq_stmt_);
  if (db_) sqlite3_close(db_);
}

std::int64_t StoreProbe::stock_seq() {
  // Prepared once (the poll runs every millisecond); until the consumer
  // has created its tables preparing fails and the answer is 0.
  if (!seq_stmt_ &&
      sqlite3_prepare_v2(db_, "SELECT last_seq FROM stream_state WHERE stream = 'stock'", -1,
                         &seq_stmt_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(seq_stmt_);
    seq_stmt_ = nullptr;
    return 0;
  }
  std::int64_t seq = 0;
  if (sqlite3_step(seq_stmt_) == SQLITE_ROW) seq = sqlite3_column_int64(seq_stmt_, 0);
  sqlite3_reset(seq_stmt_);
  return seq;
}

Result<StockTotals> StoreProbe::totals() {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "SELECT count(*), total(ver), total(on_hand), total(reserved) FROM stock "
                         "WHERE deleted = 0",
                         -1, &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return fail("storage", sqlite3_errmsg(db_));
  }
  StockTotals t;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    t.rows = sqlite3_column_int64(stmt, 0);
    t.sum_ver = static_cast<std::int64_t>(sqlite3_column_double(stmt, 1));
    t.sum_on_hand = static_cast<std::int64_t>(sqlite3_column_double(stmt, 2));
    t.sum_reserved = static_cast<std::int64_t>(sqlite3_column_double(stmt, 3));
  }
  sqlite3_finalize(stmt);
  return t;
}

}  // namespace witryna::bench
