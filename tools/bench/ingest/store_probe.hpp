#pragma once
// Looks into a consumer's SQLite file from outside, on its own read-only
// connection (WAL: readers never block the writer): the stock stream's last
// seq, which the edge writes in the same transaction as the message's items,
// so "last seq = the last message's seq" means every item is committed.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "edge/core/result.hpp"
#include "tools/bench/ingest/feed.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace witryna::bench {

class StoreProbe {
 public:
  [[nodiscard]] static Result<StoreProbe> open(const std::filesystem::path& path);
  StoreProbe(StoreProbe&& other) noexcept;
  StoreProbe& operator=(StoreProbe&&) = delete;
  StoreProbe(const StoreProbe&) = delete;
  StoreProbe& operator=(const StoreProbe&) = delete;
  ~StoreProbe();

  // 0 while the table or row does not exist yet.
  [[nodiscard]] std::int64_t stock_seq();
  [[nodiscard]] Result<StockTotals> totals();

 private:
  explicit StoreProbe(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* seq_stmt_ = nullptr;
};

}  // namespace witryna::bench
