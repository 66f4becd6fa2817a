// Checkpoints off the serving connections: with auto_checkpoint off a commit
// never copies the WAL itself, and the Checkpointer's thread does.
#include "edge/store/checkpointer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/store/store_fixture.hpp"
#include "tests/support/wait.hpp"

namespace witryna::store {
namespace checkpointer_test {
namespace {

using test::must;

class CheckpointerTest : public test::StoreTest {
 protected:
  Database open_serving() const {
    DatabaseOptions options;
    options.auto_checkpoint = false;
    return must(open_store(path(), options), "open_store");
  }
  // About 2,500 pages into the WAL: well past SQLite's 1,000-page mark.
  static void write_lots(Database& db) {
    must(db.exec("CREATE TABLE IF NOT EXISTS filler(k INTEGER PRIMARY KEY, v BLOB)"));
    for (int batch = 0; batch < 10; ++batch) {
      auto tx = must(Transaction::begin(db));
      for (int i = 0; i < 250; ++i) {
        must(execute(db, "INSERT INTO filler(v) VALUES(zeroblob(4000))"));
      }
      must(tx.commit());
    }
  }
  std::uintmax_t db_bytes() const { return std::filesystem::file_size(path()); }
};

TEST_F(CheckpointerTest, AServingConnectionNeverCheckpointsByItself) {
  auto db = open_serving();
  const auto before = db_bytes();
  write_lots(db);
  EXPECT_EQ(db_bytes(), before);  // everything is still in the WAL
  EXPECT_GT(std::filesystem::file_size(path().string() + "-wal"), 8'000'000U);
}

TEST_F(CheckpointerTest, CopiesTheWalIntoTheDatabaseOnItsOwnThread) {
  auto db = open_serving();
  const auto before = db_bytes();
  auto checkpointer = must(Checkpointer::start(path(), std::chrono::milliseconds(20)));
  write_lots(db);
  EXPECT_TRUE(witryna::test::wait_until([&] { return db_bytes() > before + 8'000'000U; },
                                        std::chrono::seconds(10)));
  EXPECT_EQ(checkpointer->failures(), 0);
  // The data is whole, seen from a fresh connection.
  auto reader = open();
  EXPECT_EQ(must(query_int(reader, "SELECT count(*) FROM filler")).value_or(0), 2500);
}

// A WAL holding more than restart_bytes is started over once a passive
// checkpoint has copied it all (SQLite itself would only do so when a writer
// begins at such a moment, which a writer that never pauses never gives it).
TEST_F(CheckpointerTest, StartsALargeWalOverOnceItIsCopied) {
  auto db = open_serving();
  write_lots(db);  // ~10 MB of WAL, 2,500 frames
  auto checkpointer =
      must(Checkpointer::start(path(), std::chrono::milliseconds(20), /*restart_bytes=*/1'000'000));
  EXPECT_TRUE(witryna::test::wait_until([&] { return checkpointer->restarts() >= 1; },
                                        std::chrono::seconds(10)));
  EXPECT_EQ(checkpointer->failures(), 0);
  auto reader = open();
  EXPECT_EQ(must(query_int(reader, "SELECT count(*) FROM filler")).value_or(0), 2500);
  // The next write starts the WAL over: it holds that write's frames only
  // (2,500 more without the restart).
  must(execute(db, "INSERT INTO filler(v) VALUES(zeroblob(10))"));
  auto frames = must(reader.prepare("PRAGMA wal_checkpoint(PASSIVE)"));
  ASSERT_TRUE(must(frames.step()));
  EXPECT_LT(frames.column_int(1), 10);
}

// It never waits for a transaction holding the write lock (busy timeout 0:
// each run would otherwise wait up to 5 s): it keeps running, leaves the
// WAL as it is, and starts it over after the commit.
TEST_F(CheckpointerTest, NeverWaitsForAWriterBeforeStartingTheWalOver) {
  auto db = open_serving();
  write_lots(db);
  auto own = open();
  auto tx = must(Transaction::begin(db));
  must(execute(db, "INSERT INTO filler(v) VALUES(zeroblob(10))"));
  auto checkpointer = std::make_unique<Checkpointer>(std::move(own), std::chrono::milliseconds(20),
                                                     /*restart_bytes=*/1'000'000);
  EXPECT_TRUE(witryna::test::wait_until([&] { return checkpointer->runs() >= 5; },
                                        std::chrono::seconds(10)));
  EXPECT_EQ(checkpointer->restarts(), 0);
  must(tx.commit());
  EXPECT_TRUE(witryna::test::wait_until([&] { return checkpointer->restarts() >= 1; },
                                        std::chrono::seconds(10)));
  EXPECT_EQ(checkpointer->failures(), 0);
  auto reader = open();
  EXPECT_EQ(must(query_int(reader, "SELECT count(*) FROM filler")).value_or(0), 2501);
}

TEST_F(CheckpointerTest, StopsPromptlyAndCheckpointsOnceMore) {
  auto db = open_serving();
  const auto before = db_bytes();
  {
    // A period far longer than the test: only the final checkpoint runs.
    auto checkpointer = must(Checkpointer::start(path(), std::chrono::hours(1)));
    write_lots(db);
  }
  EXPECT_GT(db_bytes(), before + 8'000'000U);
}

}  // namespace
}  // namespace checkpointer_test
}  // namespace witryna::store
