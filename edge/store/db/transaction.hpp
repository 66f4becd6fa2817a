#pragma once
// A write transaction (BEGIN IMMEDIATE: the write lock is taken at the start,
// so a check-then-write inside it cannot race another connection or process).
// Rolls back in its destructor unless committed; never throws; not copyable.
// One transaction per connection at a time (no nesting).

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::store {

// kNormal commits survive a crash of the process but may be lost on power
// failure (synchronous=NORMAL). kFull fsyncs the WAL at commit: use it where
// losing a committed change on power loss is not acceptable (redemptions).
enum class Durability { kNormal, kFull };

class Transaction {
 public:
  // Waits up to the connection's busy timeout for the write lock.
  [[nodiscard]] static Result<Transaction> begin(Database& db,
                                                 Durability durability = Durability::kNormal);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // After a failed commit the transaction is rolled back.
  [[nodiscard]] Result<void> commit();
  void rollback() noexcept;

  [[nodiscard]] Database& db() const { return *db_; }
  [[nodiscard]] bool active() const { return db_ != nullptr && !done_; }

 private:
  Transaction(Database& db, Durability durability) : db_(&db), durability_(durability) {}
  void finish() noexcept;

  Database* db_;
  Durability durability_;
  bool done_ = false;
};

}  // namespace witryna::store
