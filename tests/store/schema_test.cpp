// Migrations: fresh files, step-by-step upgrades, refusal of newer files.
#include <gtest/gtest.h>

#include <array>

#include "edge/store/outbox_usage.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace schema_test {
namespace {

using test::must;

class SchemaTest : public test::StoreTest {};

TEST_F(SchemaTest, AFreshFileGetsTheLatestSchema) {
  auto db = open();
  EXPECT_EQ(must(schema_version(db)), latest_schema_version());
  EXPECT_GE(latest_schema_version(), 2);
}

TEST_F(SchemaTest, AVersionTwoOutboxIsCountedWhenTheTotalsArrive) {
  {
    auto db = must(Database::open(path()));
    must(migrate(db, migrations().first(2)));
    must(execute(db,
                 "INSERT INTO outbox(n, type, at, droppable, bytes, json) VALUES"
                 "(1, 'scan', 1000, 1, 40, '{}'), (2, 'code.redeemed', 900, 0, 60, '{}')"));
  }
  auto db = open();
  EXPECT_EQ(must(schema_version(db)), latest_schema_version());
  const auto usage = must(outbox_usage(db));
  EXPECT_EQ(usage.events, 2);
  EXPECT_EQ(usage.bytes, 100);
  EXPECT_EQ(usage.droppable_events, 1);
  EXPECT_EQ(usage.droppable_bytes, 40);
  EXPECT_EQ(usage.oldest_droppable, from_unix_millis(1000));
  EXPECT_EQ(usage.oldest_kept, from_unix_millis(900));
}

TEST_F(SchemaTest, AVersionThreeCounterMovesIntoTheTotalsAndTheSpareIndexesGo) {
  {
    auto db = must(Database::open(path()));
    must(migrate(db, migrations().first(3)));
    must(execute(db,
                 "INSERT INTO outbox(n, type, at, droppable, bytes, json) VALUES"
                 "(40, 'scan', 1000, 1, 40, '{}'), (41, 'code.redeemed', 900, 0, 60, '{}')"));
    must(execute(db, "UPDATE outbox_counter SET next_n = 42, dropped = 7 WHERE id = 1"));
    must(execute(db,
                 "INSERT INTO offer_shown(customer, day, offer, count) VALUES('C-1', 5, 'O', 2)"));
  }
  auto db = open();
  EXPECT_EQ(must(schema_version(db)), latest_schema_version());
  const auto stats = must(outbox_stats(db));
  EXPECT_EQ(stats.count, 2);
  EXPECT_EQ(stats.last_n, 41);
  EXPECT_EQ(stats.dropped_total, 7);
  EXPECT_EQ(stats.oldest_at, from_unix_millis(900));
  {
    auto tx = must(Transaction::begin(db));
    EXPECT_EQ(must(append_event(tx, {"scan", from_unix_millis(2000), nlohmann::json::object()})).n,
              42);
    must(tx.commit());
  }
  EXPECT_FALSE(db.prepare("SELECT count(*) FROM outbox_counter").has_value());
  EXPECT_EQ(must(query_int(db,
                           "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                           "('outbox_at', 'offer_shown_by_day')")),
            0);
  EXPECT_EQ(must(shown_count(db, "C-1", "O", from_unix_millis(5 * 86'400'000LL))), 2);
}

TEST_F(SchemaTest, AVersionOneDatabaseIsUpgradedKeepingItsData) {
  {
    auto db = must(Database::open(path()));
    must(migrate(db, migrations().first(1)));
    EXPECT_EQ(must(schema_version(db)), 1);
    must(execute(
        db, "INSERT INTO stock(sku, ver, deleted, on_hand, reserved) VALUES('S', 3, 0, 4, 1)"));
    must(execute(db, "INSERT INTO stream_state(stream, last_seq) VALUES('stock', 17)"));
    // Version 2 tables do not exist yet.
    EXPECT_FALSE(db.prepare("SELECT count(*) FROM outbox").has_value());
  }
  auto db = open();
  EXPECT_EQ(must(schema_version(db)), latest_schema_version());
  EXPECT_EQ(must(last_seq(db, core::Stream::kStock)), 17);
  auto stock = must(load_stock(db, "S"));
  ASSERT_TRUE(stock.has_value());
  EXPECT_EQ(stock->available(), 3);
  EXPECT_EQ(must(outbox_stats(db)).count, 0);
}

TEST_F(SchemaTest, MigrationsRunStepByStepAndStopAtAFailingStep) {
  constexpr std::array<Migration, 3> steps = {
      Migration{1, "CREATE TABLE a(x INTEGER); INSERT INTO a VALUES(1);"},
      Migration{2, "ALTER TABLE a ADD COLUMN y INTEGER DEFAULT 7;"},
      Migration{3, "CREATE TABLE b(x INTEGER); INSERT INTO nowhere VALUES(1);"},
  };
  auto db = must(Database::open(path()));
  must(migrate(db, std::span(steps).first(1)));
  EXPECT_EQ(must(schema_version(db)), 1);
  auto failed = migrate(db, steps);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, errc::kStorage);
  EXPECT_NE(failed.error().context.find("migration to schema 3"), std::string::npos);
  // Step 2 committed; step 3 rolled back entirely (no table b).
  EXPECT_EQ(must(schema_version(db)), 2);
  EXPECT_EQ(must(query_int(db, "SELECT y FROM a")), 7);
  EXPECT_FALSE(db.prepare("SELECT * FROM b").has_value());
}

TEST_F(SchemaTest, ANewerDatabaseIsRefusedWithAClearMessage) {
  {
    auto db = open();
    must(execute(db, "UPDATE schema_version SET version = 99"));
  }
  auto refused = open_store(path());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, errc::kSchemaTooNew);
  EXPECT_EQ(refused.error().context, "database schema 99 is newer than this software (" +
                                         std::to_string(latest_schema_version()) +
                                         "); install a newer version or restore a backup");
}

TEST_F(SchemaTest, ReopeningACurrentDatabaseChangesNothing) {
  { auto db = open(); }
  auto db = open();
  EXPECT_EQ(must(schema_version(db)), latest_schema_version());
}

}  // namespace
}  // namespace schema_test
}  // namespace witryna::store
