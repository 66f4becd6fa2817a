// The SQLite layer: connection, statements and their cache, transactions.
#include <gtest/gtest.h>

#include <type_traits>

#include "edge/store/db/database.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace db_test {
namespace {

using test::must;

static_assert(!std::is_copy_constructible_v<Transaction>);
static_assert(!std::is_copy_assignable_v<Transaction>);
static_assert(!std::is_copy_constructible_v<Database>);
static_assert(!std::is_copy_constructible_v<Statement>);

class DbTest : public test::StoreTest {
 protected:
  Database raw() { return must(Database::open(path()), "open"); }
};

TEST_F(DbTest, OpensInWalWithTheHouseSettings) {
  auto db = raw();
  auto mode = must(db.prepare("PRAGMA journal_mode"));
  ASSERT_TRUE(must(mode.step()));
  EXPECT_EQ(mode.column_text(0), "wal");
  EXPECT_EQ(must(query_int(db, "PRAGMA synchronous")), 1);  // NORMAL
  EXPECT_EQ(must(query_int(db, "PRAGMA foreign_keys")), 1);
  EXPECT_EQ(must(query_int(db, "PRAGMA busy_timeout")), 5000);
}

TEST_F(DbTest, OpeningAFolderThatDoesNotExistIsAStorageError) {
  auto db = Database::open(dir_ / "no" / "such" / "folder" / "x.db");
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code, errc::kStorage);
  EXPECT_NE(db.error().context.find("open"), std::string::npos);
}

TEST_F(DbTest, StatementsBindStepAndReadColumns) {
  auto db = raw();
  must(db.exec("CREATE TABLE t(k TEXT PRIMARY KEY, i INTEGER, d REAL, n TEXT)"));
  auto ins = must(db.prepare("INSERT INTO t VALUES(?1, ?2, ?3, ?4)"));
  ins.bind_text(1, "a").bind_int(2, 42).bind_double(3, 0.5).bind_null(4);
  EXPECT_FALSE(must(ins.step()));
  auto sel = must(db.prepare("SELECT k, i, d, n FROM t"));
  ASSERT_TRUE(must(sel.step()));
  EXPECT_EQ(sel.column_text(0), "a");
  EXPECT_EQ(sel.column_int(1), 42);
  EXPECT_DOUBLE_EQ(sel.column_double(2), 0.5);
  EXPECT_TRUE(sel.column_is_null(3));
  EXPECT_EQ(sel.column_text(3), "");
  EXPECT_FALSE(must(sel.step()));
}

TEST_F(DbTest, FailuresAreStorageErrorsWithSqlitesMessage) {
  auto db = raw();
  auto bad = db.prepare("SELEC nonsense");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, errc::kStorage);
  EXPECT_NE(bad.error().context.find("syntax error"), std::string::npos);

  must(db.exec("CREATE TABLE t(k TEXT PRIMARY KEY)"));
  must(execute(db, "INSERT INTO t VALUES(?1)", "secret-value"));
  auto dup = execute(db, "INSERT INTO t VALUES(?1)", "secret-value");
  ASSERT_FALSE(dup.has_value());
  EXPECT_NE(dup.error().context.find("UNIQUE constraint failed"), std::string::npos);
  EXPECT_EQ(dup.error().context.find("secret-value"), std::string::npos);

  auto out_of_range = must(db.prepare("SELECT ?1"));
  out_of_range.bind_int(7, 1);
  auto r = out_of_range.step();
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().context.find("bind parameter 7"), std::string::npos);
}

TEST_F(DbTest, CachedStatementsAreReusedAndResetAndNestSafely) {
  auto db = raw();
  must(db.exec("CREATE TABLE t(k INTEGER)"));
  for (int i = 0; i < 5; ++i)
    must(execute(db, "INSERT INTO t VALUES(?1)", i));
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM t")), 5);
  {
    auto outer = must(query(db, "SELECT k FROM t ORDER BY k"));
    ASSERT_TRUE(must(outer->step()));
    // The same SQL while it is leased: a fresh statement, not the busy one.
    auto inner = must(query(db, "SELECT k FROM t ORDER BY k"));
    ASSERT_TRUE(must(inner->step()));
    ASSERT_TRUE(must(inner->step()));
    EXPECT_EQ(inner->column_int(0), 1);
    ASSERT_TRUE(must(outer->step()));
    EXPECT_EQ(outer->column_int(0), 1);
  }
  // Returned to the cache reset: starts from the first row again.
  auto again = must(query(db, "SELECT k FROM t ORDER BY k"));
  ASSERT_TRUE(must(again->step()));
  EXPECT_EQ(again->column_int(0), 0);
}

TEST_F(DbTest, TransactionRollsBackUnlessCommitted) {
  auto db = raw();
  must(db.exec("CREATE TABLE t(k INTEGER)"));
  {
    auto tx = must(Transaction::begin(db));
    must(execute(db, "INSERT INTO t VALUES(1)"));
    EXPECT_TRUE(db.in_transaction());
  }
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM t")), 0);
  {
    auto tx = must(Transaction::begin(db, Durability::kFull));
    EXPECT_EQ(must(query_int(db, "PRAGMA synchronous")), 2);  // FULL for this one
    must(execute(db, "INSERT INTO t VALUES(2)"));
    must(tx.commit());
    EXPECT_FALSE(tx.active());
  }
  EXPECT_EQ(must(query_int(db, "PRAGMA synchronous")), 1);  // back to NORMAL
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM t")), 1);
  {
    auto tx = must(Transaction::begin(db));
    must(execute(db, "INSERT INTO t VALUES(3)"));
    tx.rollback();
    tx.rollback();  // harmless twice
  }
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM t")), 1);
}

TEST_F(DbTest, AMovedTransactionRollsBackOnce) {
  auto db = raw();
  must(db.exec("CREATE TABLE t(k INTEGER)"));
  {
    auto tx = must(Transaction::begin(db));
    must(execute(db, "INSERT INTO t VALUES(1)"));
    Transaction moved(std::move(tx));
    EXPECT_FALSE(tx.active());  // NOLINT(bugprone-use-after-move): checking the moved-from state
    EXPECT_TRUE(moved.active());
  }
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM t")), 0);
}

TEST_F(DbTest, ASecondWriterWaitsThenTimesOutWithAStorageError) {
  auto a = raw();
  DatabaseOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(50);
  auto b = must(Database::open(path(), quick));
  must(a.exec("CREATE TABLE t(k INTEGER)"));
  auto held = must(Transaction::begin(a));
  auto blocked = Transaction::begin(b);
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().code, errc::kStorage);
  EXPECT_NE(blocked.error().context.find("locked"), std::string::npos);
  // Readers are not blocked by the writer (WAL).
  EXPECT_EQ(must(query_int(b, "SELECT count(*) FROM t")), 0);
  must(held.commit());
  auto now_ok = must(Transaction::begin(b));
  must(now_ok.commit());
}

}  // namespace
}  // namespace db_test
}  // namespace witryna::store
