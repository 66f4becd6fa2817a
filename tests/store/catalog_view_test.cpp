// The CatalogView port over SQLite, and that scan look-ups use indexes.
#include <gtest/gtest.h>

#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace catalog_view_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::must;

json product(const std::string& sku, const char* category, const char* size) {
  return {{"kind", "product"}, {"sku", sku},         {"name", sku},       {"category", category},
          {"size", size},      {"price_minor", 100}, {"currency", "PLN"}, {"ver", 1}};
}
json stock(const std::string& sku, int on_hand, int reserved) {
  return {{"sku", sku}, {"on_hand", on_hand}, {"reserved", reserved}, {"ver", 1}};
}

class CatalogViewTest : public test::StoreTest {
 protected:
  void SetUp() override {
    db_.emplace(open());
    live(*db_, Stream::kCatalog, 1,
         json::array({product("D-3-M", "dresses", "M"), product("D-1-M", "dresses", "M"),
                      product("D-2-L", "dresses", "L"), product("D-4-M", "dresses", "M"),
                      product("D-5-M", "dresses", "M"), product("S-1-M", "shoes", "M")}));
    live(*db_, Stream::kCatalog, 2,
         json::array({{{"kind", "product"}, {"sku", "D-5-M"}, {"ver", 2}, {"deleted", true}}}));
    live(*db_, Stream::kStock, 1,
         json::array({stock("D-1-M", 2, 0), stock("D-2-L", 1, 0), stock("D-3-M", 3, 1),
                      stock("D-4-M", 1, 1), stock("D-5-M", 9, 0), stock("S-1-M", 5, 0)}));
    live(*db_, Stream::kNearby, 1,
         json::array({{{"store", "FAR"},
                       {"sku", "D-4-M"},
                       {"distance_m", 9000},
                       {"level", "in"},
                       {"ver", 1}},
                      {{"store", "NEAR"},
                       {"sku", "D-4-M"},
                       {"distance_m", 500},
                       {"level", "low"},
                       {"ver", 1}},
                      {{"store", "GONE"}, {"sku", "D-4-M"}, {"ver", 2}, {"deleted", true}}}));
  }
  std::optional<Database> db_;
};

std::vector<std::string> skus(const std::vector<core::StockedProduct>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) {
    EXPECT_EQ(p.stock.sku, p.product.sku);
    out.push_back(p.product.sku);
  }
  return out;
}

TEST_F(CatalogViewTest, ImplementsThePort) {
  SqliteCatalogView view(*db_);
  const core::CatalogView& port = view;
  EXPECT_EQ(port.product("D-1-M")->category, "dresses");
  EXPECT_FALSE(port.product("D-5-M").has_value());  // tombstoned
  EXPECT_FALSE(port.product("nope").has_value());
  EXPECT_EQ(port.stock("D-3-M")->available(), 2);
  EXPECT_FALSE(port.stock("nope").has_value());

  const auto near = port.nearby("D-4-M");
  ASSERT_EQ(near.size(), 2U);
  EXPECT_EQ(near[0].store, "NEAR");
  EXPECT_EQ(near[1].store, "FAR");

  // In stock here, in sku order; D-4-M has nothing available, D-5-M is deleted.
  EXPECT_EQ(skus(port.available_in_category("dresses", "M", 10)),
            (std::vector<std::string>{"D-1-M", "D-3-M"}));
  EXPECT_EQ(skus(port.available_in_category("dresses", "", 10)),
            (std::vector<std::string>{"D-1-M", "D-2-L", "D-3-M"}));
  EXPECT_EQ(skus(port.available_in_category("dresses", "", 2)),
            (std::vector<std::string>{"D-1-M", "D-2-L"}));
  EXPECT_TRUE(port.available_in_category("hats", "", 10).empty());
  EXPECT_EQ(view.failures(), 0);
}

TEST_F(CatalogViewTest, CategoryAnswersCarryTheirStockRows) {
  SqliteCatalogView view(*db_);
  const auto found = view.available_in_category("dresses", "M", 10);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[1].product.sku, "D-3-M");
  EXPECT_EQ(found[1].stock, *view.stock("D-3-M"));
  EXPECT_EQ(found[1].stock.available(), 2);
}

TEST_F(CatalogViewTest, ProductsAreParsedOnceAndNeverServedStale) {
  SqliteCatalogView view(*db_);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(view.product("D-1-M")->name, "D-1-M");
    EXPECT_EQ(view.available_in_category("dresses", "", 10).size(), 3U);
  }
  EXPECT_EQ(view.product_parses(), 3);  // D-1-M, D-2-L, D-3-M

  auto renamed = product("D-1-M", "dresses", "M");
  renamed["name"] = "Linen dress";
  renamed["ver"] = 2;
  live(*db_, Stream::kCatalog, 3, json::array({renamed}));
  EXPECT_EQ(view.product("D-1-M")->name, "Linen dress");
  EXPECT_EQ(view.available_in_category("dresses", "M", 1).front().product.name, "Linen dress");

  // Same ver, other bytes (a repair by hand, a restored backup): still re-read.
  must(db_->exec("UPDATE products SET body = replace(body, 'Linen', 'Silk') WHERE sku = 'D-1-M'"));
  EXPECT_EQ(view.product("D-1-M")->name, "Silk dress");

  live(*db_, Stream::kCatalog, 4,
       json::array({{{"kind", "product"}, {"sku", "D-1-M"}, {"ver", 3}, {"deleted", true}}}));
  EXPECT_FALSE(view.product("D-1-M").has_value());
  EXPECT_EQ(skus(view.available_in_category("dresses", "M", 10)),
            (std::vector<std::string>{"D-3-M"}));
  EXPECT_EQ(view.failures(), 0);
}

TEST_F(CatalogViewTest, CategoryAnswersAreKeptUntilCatalogOrStockChangesFromAnyConnection) {
  SqliteCatalogView view(*db_);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(skus(view.available_in_category("dresses", "M", 10)),
              (std::vector<std::string>{"D-1-M", "D-3-M"}));
  }
  EXPECT_EQ(view.category_queries(), 1);

  // The sync writes through its own connection.
  auto sync = open();
  live(sync, Stream::kStock, 2,
       json::array({{{"sku", "D-4-M"}, {"on_hand", 5}, {"reserved", 1}, {"ver", 2}}}));
  EXPECT_EQ(skus(view.available_in_category("dresses", "M", 10)),
            (std::vector<std::string>{"D-1-M", "D-3-M", "D-4-M"}));
  EXPECT_EQ(view.category_queries(), 2);

  // Commits that touch neither stream (profiles, outbox acks) keep the answers.
  live(sync, Stream::kProfiles, 1, json::array({test::anna(1)}));
  EXPECT_EQ(view.available_in_category("dresses", "M", 10).size(), 3U);
  EXPECT_EQ(view.category_queries(), 2);

  live(sync, Stream::kCatalog, 3,
       json::array({{{"kind", "product"}, {"sku", "D-3-M"}, {"ver", 2}, {"deleted", true}}}));
  EXPECT_EQ(skus(view.available_in_category("dresses", "M", 10)),
            (std::vector<std::string>{"D-1-M", "D-4-M"}));
  EXPECT_EQ(view.category_queries(), 3);
}

// One scan's questions about single skus, as a decision asks them.
struct SkuAnswers {
  std::string name;
  std::int64_t available = 0;
  std::size_t nearby = 0;
  friend bool operator==(const SkuAnswers&, const SkuAnswers&) = default;
};
SkuAnswers ask(const SqliteCatalogView& view) {
  return {view.product("D-1-M").value().name, view.stock("D-3-M").value().available(),
          view.nearby("D-4-M").size()};
}

// A write transaction around `fn` that writes no catalog row, as the
// workflows run a scan's view: its commit keeps the answers (any commit
// moves SQLite's data version, an empty one too).
template <typename Fn>
void in_transaction(Database& db, SqliteCatalogView& view, Fn fn) {
  auto tx = must(Transaction::begin(db));
  const auto stamp = view.stamp_before_own_writes();
  ASSERT_TRUE(stamp.has_value());
  fn(tx);
  must(tx.commit());
  view.keep_answers_across_own_writes(stamp);
}

TEST_F(CatalogViewTest, SkuAnswersAreKeptAcrossTransactionsWhileNothingIsWritten) {
  SqliteCatalogView view(*db_);
  const SkuAnswers expected{"D-1-M", 2, 2};
  // Outside a transaction every question goes to the database.
  EXPECT_EQ(ask(view), expected);
  EXPECT_EQ(ask(view), expected);
  EXPECT_EQ(view.point_queries(), 6);
  for (int i = 0; i < 3; ++i) {
    in_transaction(*db_, view, [&](Transaction&) {
      EXPECT_EQ(ask(view), expected);
      EXPECT_EQ(ask(view), expected);
    });
  }
  EXPECT_EQ(view.point_queries(), 9);
  EXPECT_EQ(view.failures(), 0);
}

TEST_F(CatalogViewTest, AnyWriteOfAnyConnectionDropsTheKeptSkuAnswers) {
  SqliteCatalogView view(*db_);
  in_transaction(*db_, view, [&](Transaction&) { ask(view); });
  ASSERT_EQ(view.point_queries(), 3);

  // A repair by hand on this connection (same ver, no generation moved).
  must(
      db_->exec("UPDATE products SET body = replace(body, '\"name\":\"D-1-M\"', "
                "'\"name\":\"Linen\"') WHERE sku = 'D-1-M'"));
  in_transaction(*db_, view, [&](Transaction&) {
    EXPECT_EQ(ask(view), (SkuAnswers{"Linen", 2, 2}));
  });
  EXPECT_EQ(view.point_queries(), 6);

  // By another connection (the sqlite3 shell, another process): seen at the
  // next transaction's first read.
  auto other = open();
  must(other.exec("UPDATE stock SET on_hand = 7 WHERE sku = 'D-3-M'"));
  in_transaction(*db_, view, [&](Transaction&) {
    EXPECT_EQ(ask(view), (SkuAnswers{"Linen", 6, 2}));
  });
  must(other.exec("DELETE FROM nearby WHERE store = 'FAR'"));
  in_transaction(*db_, view, [&](Transaction&) {
    EXPECT_EQ(ask(view), (SkuAnswers{"Linen", 6, 1}));
  });

  // This connection's own write inside the transaction, before it commits.
  const auto before = view.point_queries();
  auto tx = must(Transaction::begin(*db_));
  EXPECT_EQ(ask(view).available, 6);
  EXPECT_EQ(view.point_queries(), before);
  must(execute(tx.db(), "UPDATE stock SET reserved = 4 WHERE sku = 'D-3-M'"));
  EXPECT_EQ(ask(view).available, 3);
  must(tx.commit());
  EXPECT_EQ(view.point_queries(), before + 3);
  EXPECT_EQ(view.failures(), 0);
}

TEST_F(CatalogViewTest, AnOwnCommitOfOtherRowsKeepsTheSkuAnswersOnlyWhenSaidSo) {
  SqliteCatalogView view(*db_);
  auto count_up = [&](Transaction& tx) {
    must(execute(tx.db(),
                 "INSERT INTO counters(name, value) VALUES('test', 1) "
                 "ON CONFLICT(name) DO UPDATE SET value = value + 1"));
  };
  // Writes before and after the questions, as a token scan's jti and events.
  auto write_other_rows = [&](bool say_so) {
    auto tx = must(Transaction::begin(*db_));
    auto stamp = view.stamp_before_own_writes();
    ASSERT_TRUE(stamp.has_value());
    count_up(tx);
    if (say_so) stamp = view.keep_answers_across_own_writes(stamp);
    ask(view);
    count_up(tx);
    must(tx.commit());
    if (say_so) view.keep_answers_across_own_writes(stamp);
  };
  write_other_rows(true);
  ASSERT_EQ(view.point_queries(), 3);
  write_other_rows(true);
  in_transaction(*db_, view, [&](Transaction&) { ask(view); });
  EXPECT_EQ(view.point_queries(), 3);

  // Not said: the write before the questions and the commit each drop them.
  write_other_rows(false);
  EXPECT_EQ(view.point_queries(), 6);
  in_transaction(*db_, view, [&](Transaction&) { ask(view); });
  EXPECT_EQ(view.point_queries(), 9);

  // Kept through the own commit, then another connection writes: re-read.
  write_other_rows(true);
  EXPECT_EQ(view.point_queries(), 9);
  auto other = open();
  must(other.exec("UPDATE stock SET on_hand = 9 WHERE sku = 'D-3-M'"));
  in_transaction(*db_, view, [&](Transaction&) { EXPECT_EQ(ask(view).available, 8); });
  EXPECT_EQ(view.point_queries(), 12);

  // Outside a transaction there is no stamp to keep anything by.
  EXPECT_FALSE(view.stamp_before_own_writes().has_value());
  EXPECT_FALSE(view.keep_answers_across_own_writes(std::nullopt).has_value());
  in_transaction(*db_, view, [&](Transaction&) { ask(view); });
  EXPECT_EQ(view.point_queries(), 12);
}

// The shared answers are the kept ones themselves, never changed afterwards:
// a repair gives a new answer and leaves the one handed out as it was.
TEST_F(CatalogViewTest, SharedAnswersAreTheKeptOnesAndStayAsTheyWere) {
  SqliteCatalogView view(*db_);
  std::shared_ptr<const domain::Product> first;
  in_transaction(*db_, view, [&](Transaction&) {
    first = view.shared_product("D-1-M");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(view.shared_product("D-1-M").get(), first.get());
    EXPECT_EQ(*first, view.product("D-1-M").value());
    EXPECT_EQ(view.shared_product("nope"), nullptr);
    const auto listed = view.shared_available_in_category("dresses", "M", 10);
    ASSERT_NE(listed, nullptr);
    EXPECT_EQ(view.shared_available_in_category("dresses", "M", 10).get(), listed.get());
    EXPECT_EQ(*listed, view.available_in_category("dresses", "M", 10));
  });
  must(
      db_->exec("UPDATE products SET body = replace(body, '\"name\":\"D-1-M\"', "
                "'\"name\":\"Linen\"') WHERE sku = 'D-1-M'"));
  in_transaction(*db_, view,
                 [&](Transaction&) { EXPECT_EQ(view.shared_product("D-1-M")->name, "Linen"); });
  EXPECT_EQ(first->name, "D-1-M");
  EXPECT_EQ(view.failures(), 0);
}

// Bodies are read by the plain reader; one outside its shape (an escape, a
// field this version does not know) by the full parser, to the same product.
TEST_F(CatalogViewTest, ABodyOutsideThePlainShapeReadsAsTheFullParserGivesIt) {
  SqliteCatalogView view(*db_);
  auto expected = *view.product("D-1-M");
  auto other = product("D-1-M", "dresses", "M");
  other["name"] = "Sukienka \"Len\"";
  other["future"] = true;
  must(execute(*db_, "UPDATE products SET body = ?1 WHERE sku = 'D-1-M'", other.dump()));
  expected.name = "Sukienka \"Len\"";
  EXPECT_EQ(*view.product("D-1-M"), expected);
  EXPECT_EQ(view.available_in_category("dresses", "M", 10).front().product, expected);
  EXPECT_EQ(view.failures(), 0);
}

TEST_F(CatalogViewTest, ADamagedProductBodyIsAFailureNotAProduct) {
  must(db_->exec("UPDATE products SET body = '{\"sku\":' WHERE sku = 'D-2-L'"));
  SqliteCatalogView view(*db_);
  EXPECT_FALSE(view.product("D-2-L").has_value());
  EXPECT_EQ(view.failures(), 1);
  EXPECT_TRUE(view.available_in_category("dresses", "L", 10).empty());
  EXPECT_EQ(view.failures(), 2);
  EXPECT_EQ(view.last_error()->code, errc::kStorage);
}

TEST_F(CatalogViewTest, StorageFailuresReadAsAbsentAndAreCounted) {
  must(db_->exec("DROP TABLE nearby"));
  SqliteCatalogView view(*db_);
  EXPECT_TRUE(view.nearby("D-4-M").empty());
  EXPECT_EQ(view.failures(), 1);
  ASSERT_TRUE(view.last_error().has_value());
  EXPECT_EQ(view.last_error()->code, errc::kStorage);
}

// The plan of `sql` must search with an index, never scan a table.
void expect_indexed(Database& db, const std::string& sql) {
  auto plan = must(db.prepare("EXPLAIN QUERY PLAN " + sql));
  std::string text;
  while (must(plan.step()))
    text += plan.column_text(3) + "\n";
  SCOPED_TRACE(sql + "\n" + text);
  EXPECT_EQ(text.find("SCAN"), std::string::npos);
  EXPECT_NE(text.find("SEARCH"), std::string::npos);
}

TEST_F(CatalogViewTest, ScanTimeLookUpsAreIndexedSearches) {
  auto& db = *db_;
  expect_indexed(db,
                 "SELECT c.customer FROM cards c JOIN profiles p ON p.customer = c.customer "
                 "WHERE c.card = 'x' AND p.deleted = 0");
  expect_indexed(db, "SELECT body FROM profiles WHERE customer = 'x' AND deleted = 0");
  expect_indexed(db, "SELECT kind, body FROM pending_profile WHERE customer = 'x'");
  expect_indexed(db, "SELECT offer, count FROM offer_shown WHERE customer = 'x' AND day = 1");
  expect_indexed(db, "SELECT ver, body FROM products WHERE sku = 'x' AND deleted = 0");
  expect_indexed(db, "SELECT ver, on_hand, reserved FROM stock WHERE sku = 'x' AND deleted = 0");
  expect_indexed(db, "SELECT store FROM nearby WHERE sku = 'x' AND deleted = 0");
  expect_indexed(db,
                 "SELECT p.sku, p.ver, p.body, s.on_hand, s.reserved, s.ver "
                 "FROM products p INDEXED BY products_by_category_size "
                 "JOIN stock s ON s.sku = p.sku WHERE p.category = 'c' AND p.size = 'M' "
                 "AND p.deleted = 0 AND s.deleted = 0 AND s.on_hand > s.reserved "
                 "ORDER BY p.sku LIMIT 5");
  expect_indexed(db,
                 "SELECT p.sku, p.ver, p.body, s.on_hand, s.reserved, s.ver "
                 "FROM products p INDEXED BY products_by_category "
                 "JOIN stock s ON s.sku = p.sku WHERE p.category = 'c' "
                 "AND p.deleted = 0 AND s.deleted = 0 AND s.on_hand > s.reserved "
                 "ORDER BY p.sku LIMIT 5");
  expect_indexed(db, "SELECT body FROM reservations WHERE customer = 'x' AND deleted = 0");
  expect_indexed(db, "SELECT count(*) FROM code_redemptions WHERE code_hash = 'x'");
  expect_indexed(db,
                 "SELECT count(*) FROM code_redemptions WHERE offline = 1 AND "
                 "scope = 'brand' AND at >= 5");
  expect_indexed(db,
                 "SELECT sku, deleted, snap_gen, written_seq FROM stock WHERE (sku) > ('a') "
                 "ORDER BY sku LIMIT 10");
  expect_indexed(db,
                 "SELECT sku, store, deleted, snap_gen, written_seq FROM nearby "
                 "WHERE (sku, store) > ('a', 'b') ORDER BY sku, store LIMIT 10");
}

}  // namespace
}  // namespace catalog_view_test
}  // namespace witryna::store
