#include "edge/store/db/transaction.hpp"

#include <sqlite3.h>

#include <cassert>

namespace witryna::store {

Result<Transaction> Transaction::begin(Database& db, Durability durability) {
  assert(!db.in_transaction() && "transactions do not nest");
  // synchronous cannot change inside a transaction: switch before BEGIN.
  if (durability == Durability::kFull) {
    if (auto ok = db.exec("PRAGMA synchronous=FULL"); !ok) return tl::unexpected(ok.error());
  }
  Transaction tx(db, durability);
  auto stmt = db.cached("BEGIN IMMEDIATE");
  if (!stmt) {
    tx.done_ = true;
    tx.finish();
    return tl::unexpected(stmt.error());
  }
  if (auto ok = (*stmt)->run(); !ok) {
    tx.done_ = true;
    tx.finish();
    return tl::unexpected(ok.error());
  }
  return tx;
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), durability_(other.durability_), done_(other.done_) {
  other.db_ = nullptr;
}

Transaction::~Transaction() {
  if (active()) rollback();
}

void Transaction::finish() noexcept {
  if (db_ != nullptr && durability_ == Durability::kFull) {
    (void)db_->exec("PRAGMA synchronous=NORMAL");
  }
}

Result<void> Transaction::commit() {
  assert(active());
  auto stmt = db_->cached("COMMIT");
  Result<void> ok = stmt ? (*stmt)->run() : Result<void>(tl::unexpected(stmt.error()));
  if (!ok) {
    rollback();
    return ok;
  }
  done_ = true;
  finish();
  return {};
}

void Transaction::rollback() noexcept {
  if (!active()) return;
  done_ = true;
  // ROLLBACK can only fail when no transaction is open (SQLite already rolled
  // back, e.g. after SQLITE_FULL): nothing more to do then.
  if (db_->in_transaction()) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  finish();
}

}  // namespace witryna::store
