// Snapshot completion: unlisted entities go, live writes after upto_seq stay.
#include <gtest/gtest.h>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace snapshot_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::must;

json stock(const std::string& sku, std::int64_t ver) {
  return {{"sku", sku}, {"on_hand", 1}, {"reserved", 0}, {"ver", ver}};
}

class SnapshotTest : public test::StoreTest {
 protected:
  // Runs finish_snapshot_step until done; the number of steps it took.
  int finish(Database& db, Stream s, const std::string& id, std::int64_t upto, std::size_t max_rows,
             std::int64_t* tombstoned = nullptr) {
    int steps = 0;
    for (;;) {
      const auto p = must(finish_snapshot_step(db, s, id, upto, max_rows));
      ++steps;
      if (tombstoned != nullptr) *tombstoned += p.tombstoned;
      EXPECT_LE(p.examined, static_cast<std::int64_t>(max_rows));
      if (!p.more) return steps;
      if (steps > 1000) {
        ADD_FAILURE() << "snapshot never finishes";
        return steps;
      }
    }
  }
  bool alive(Database& db, const std::string& sku) { return must(load_stock(db, sku)).has_value(); }
};

TEST_F(SnapshotTest, UnlistedEntitiesAreTombstonedExceptNewerLiveWrites) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("A", 1), stock("B", 1), stock("C", 5)}));
  live(db, Stream::kStock, 2, json::array({stock("D", 1)}));
  // Snapshot as of seq 2 lists A and C (C older than what we hold: ignored,
  // but still listed), not B nor D.
  snapshot(db, Stream::kStock, "s-1", json::array({stock("A", 1)}));
  // A live message after upto_seq writes E, which no part lists.
  live(db, Stream::kStock, 3, json::array({stock("E", 1)}));
  const auto part2 = snapshot(db, Stream::kStock, "s-1", json::array({stock("C", 4)}));
  EXPECT_EQ(part2.ignored, 1);

  std::int64_t tombstoned = 0;
  const int steps = finish(db, Stream::kStock, "s-1", 2, 2, &tombstoned);
  EXPECT_GE(steps, 3);  // 5 rows, 2 per step
  EXPECT_EQ(tombstoned, 2);
  EXPECT_TRUE(alive(db, "A"));
  EXPECT_FALSE(alive(db, "B"));
  EXPECT_TRUE(alive(db, "C"));
  EXPECT_FALSE(alive(db, "D"));
  EXPECT_TRUE(alive(db, "E"));
  EXPECT_EQ(must(stored_version(db, EntityKind::kStock, "B")), (StoredVersion{1, true}));
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 3);  // already above upto_seq
  // Finishing again changes nothing.
  const auto again = must(finish_snapshot_step(db, Stream::kStock, "s-1", 2, 10));
  EXPECT_FALSE(again.more);
  EXPECT_EQ(again.examined, 0);
}

TEST_F(SnapshotTest, LastSeqBecomesUptoSeqIfHigher) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("A", 1)}));
  snapshot(db, Stream::kStock, "s-1", json::array({stock("A", 1)}));
  finish(db, Stream::kStock, "s-1", 40, 100);
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 40);
  EXPECT_TRUE(alive(db, "A"));
}

TEST_F(SnapshotTest, AnEmptySnapshotDeletesEverythingNotWrittenLater) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("A", 1), stock("B", 1)}));
  snapshot(db, Stream::kStock, "s-empty", json::array());
  finish(db, Stream::kStock, "s-empty", 1, 10);
  EXPECT_FALSE(alive(db, "A"));
  EXPECT_FALSE(alive(db, "B"));
}

TEST_F(SnapshotTest, ANewerSnapshotIdStartsOver) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("A", 1), stock("B", 1)}));
  snapshot(db, Stream::kStock, "s-1", json::array({stock("A", 1), stock("B", 1)}));
  snapshot(db, Stream::kStock, "s-2", json::array({stock("A", 1)}));
  EXPECT_EQ(must(current_snapshot(db, Stream::kStock)), "s-2");
  auto old = finish_snapshot_step(db, Stream::kStock, "s-1", 1, 10);
  ASSERT_FALSE(old.has_value());
  EXPECT_EQ(old.error().code, errc::kInvalidValue);
  finish(db, Stream::kStock, "s-2", 1, 10);
  EXPECT_TRUE(alive(db, "A"));
  EXPECT_FALSE(alive(db, "B"));  // listed by s-1 only
}

TEST_F(SnapshotTest, AnAbandonedSnapshotDeletesNothing) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("A", 1)}));
  snapshot(db, Stream::kStock, "s-1", json::array());
  must(abandon_snapshot(db, Stream::kStock));
  EXPECT_FALSE(must(current_snapshot(db, Stream::kStock)).has_value());
  EXPECT_FALSE(finish_snapshot_step(db, Stream::kStock, "s-1", 1, 10).has_value());
  EXPECT_TRUE(alive(db, "A"));
}

TEST_F(SnapshotTest, CompletionResumesAfterAReopen) {
  {
    auto db = open();
    json items = json::array();
    for (int i = 0; i < 10; ++i)
      items.push_back(stock(test::numbered("S", i), 1));
    live(db, Stream::kStock, 1, items);
    snapshot(db, Stream::kStock, "s-1", json::array({stock("S9", 1)}));
    const auto p = must(finish_snapshot_step(db, Stream::kStock, "s-1", 1, 4));
    EXPECT_TRUE(p.more);
    EXPECT_EQ(p.tombstoned, 4);
  }
  auto db = open();
  std::int64_t tombstoned = 0;
  finish(db, Stream::kStock, "s-1", 1, 4, &tombstoned);
  EXPECT_EQ(tombstoned, 5);
  EXPECT_TRUE(alive(db, "S9"));
  EXPECT_FALSE(alive(db, "S0"));
  EXPECT_FALSE(alive(db, "S8"));
}

TEST_F(SnapshotTest, CatalogSpansProductsAndOffers) {
  auto db = open();
  const json p1 = {{"kind", "product"}, {"sku", "P1"},       {"name", "x"}, {"category", "c"},
                   {"price_minor", 1},  {"currency", "PLN"}, {"ver", 1}};
  auto p2 = p1;
  p2["sku"] = "P2";
  const json o1 = {{"kind", "offer"},
                   {"offer", "O1"},
                   {"title", "t"},
                   {"benefit", {{"type", "percent"}, {"value", 5}}},
                   {"valid_from", "2026-01-01T00:00:00Z"},
                   {"valid_to", "2027-01-01T00:00:00Z"},
                   {"ver", 1}};
  auto o2 = o1;
  o2["offer"] = "O2";
  live(db, Stream::kCatalog, 1, json::array({p1, p2, o1, o2}));
  snapshot(db, Stream::kCatalog, "c-1", json::array({p2, o1}));
  finish(db, Stream::kCatalog, "c-1", 1, 1);
  EXPECT_FALSE(must(load_product(db, "P1")).has_value());
  EXPECT_TRUE(must(load_product(db, "P2")).has_value());
  EXPECT_TRUE(must(load_offer(db, "O1")).has_value());
  EXPECT_FALSE(must(load_offer(db, "O2")).has_value());
}

TEST_F(SnapshotTest, NearbyPagesOverItsTwoPartKey) {
  auto db = open();
  json items = json::array();
  for (const char* store : {"P1", "P2", "P3"}) {
    for (const char* sku : {"A", "B"}) {
      items.push_back({{"store", store}, {"sku", sku}, {"level", "in"}, {"ver", 1}});
    }
  }
  live(db, Stream::kNearby, 1, items);
  snapshot(db, Stream::kNearby, "n-1",
           json::array({{{"store", "P2"}, {"sku", "A"}, {"level", "low"}, {"ver", 2}},
                        {{"store", "P3"}, {"sku", "B"}, {"level", "in"}, {"ver", 1}}}));
  std::int64_t tombstoned = 0;
  finish(db, Stream::kNearby, "n-1", 1, 1, &tombstoned);
  EXPECT_EQ(tombstoned, 4);
  const auto a = must(load_nearby(db, "A"));
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a[0].store, "P2");
  EXPECT_EQ(a[0].level, domain::NearbyLevel::kLow);
  const auto b = must(load_nearby(db, "B"));
  ASSERT_EQ(b.size(), 1U);
  EXPECT_EQ(b[0].store, "P3");
}

TEST_F(SnapshotTest, AProfileLeftOutOfASnapshotIsErased) {
  auto db = open();
  live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));
  {
    auto tx = must(Transaction::begin(db));
    must(increment_shown(tx, "C-000123", "OF-1", test::at("2026-11-22T10:00:00Z")));
    must(tx.commit());
  }
  snapshot(db, Stream::kProfiles, "p-1", json::array());
  finish(db, Stream::kProfiles, "p-1", 1, 10);
  EXPECT_FALSE(must(load_profile(db, "C-000123")).has_value());
  EXPECT_FALSE(must(customer_for_card(db, "2900000123458")).has_value());
  EXPECT_EQ(must(shown_count(db, "C-000123", "OF-1", test::at("2026-11-22T10:00:00Z"))), 0);
}

TEST_F(SnapshotTest, MaxRowsMustBePositive) {
  auto db = open();
  snapshot(db, Stream::kStock, "s-1", json::array());
  EXPECT_FALSE(finish_snapshot_step(db, Stream::kStock, "s-1", 1, 0).has_value());
}

}  // namespace
}  // namespace snapshot_test
}  // namespace witryna::store
