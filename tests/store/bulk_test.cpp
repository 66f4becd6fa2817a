// The bulk apply path at a scale where batching, random key order and the
// JSON path all matter: every item lands, the newest ver per key wins, and a
// scan's look-ups find what was applied. Speed is measured by tools/bench,
// never asserted here.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace bulk_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::must;

std::string key(const char* prefix, std::uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%09llu", prefix, static_cast<unsigned long long>(n));
  return buf;
}

class BulkTest : public test::StoreTest {};

TEST_F(BulkTest, RandomKeyStockUpsertsInBatchesOfAThousandKeepTheNewestVer) {
  constexpr int kItems = 20'000;
  constexpr int kBatch = 1'000;
  auto db = open();
  std::mt19937_64 rng(42);
  std::map<std::string, std::int64_t> newest_on_hand;  // the model: last write per key wins
  std::vector<core::Item<domain::Stock>> batch;
  for (int done = 0; done < kItems; done += kBatch) {
    batch.clear();
    for (int i = 0; i < kBatch; ++i) {
      const auto sku = key("SKU-", rng() % 5'000);  // many keys repeat, in random order
      const std::int64_t on_hand = static_cast<std::int64_t>(rng() % 50);
      batch.push_back({domain::Stock{sku, on_hand, 0, 1 + done + i}, false});
      newest_on_hand[sku] = on_hand;
    }
    auto tx = must(Transaction::begin(db));
    must(apply_stock(tx, ApplyContext::live(1 + done / kBatch, {}), batch));
    must(tx.commit());
  }
  for (const auto& [sku, on_hand] : newest_on_hand) {
    const auto stored = must(load_stock(db, sku));
    ASSERT_TRUE(stored.has_value()) << sku;
    EXPECT_EQ(stored->on_hand, on_hand) << sku;
  }
}

TEST_F(BulkTest, RandomKeyProfileMessagesThroughTheJsonPathAreAllFoundByCard) {
  constexpr int kItems = 10'000;
  constexpr int kBatch = 1'000;
  auto db = open();
  std::mt19937_64 rng(7);
  std::map<std::string, std::string> customer_of_card;
  for (int done = 0; done < kItems; done += kBatch) {
    json items = json::array();
    for (int i = 0; i < kBatch; ++i) {
      const auto n = rng() % 1'000'000;
      auto p = test::anna(1 + done + i);
      p["customer"] = key("C-", n);
      p["cards"] = {key("29", n)};
      customer_of_card[key("29", n)] = key("C-", n);
      items.push_back(std::move(p));
    }
    live(db, Stream::kProfiles, 1 + done / kBatch, items);
  }
  for (const auto& [card, customer] : customer_of_card) {
    const auto found = must(customer_for_card(db, card));
    ASSERT_TRUE(found.has_value()) << card;
    EXPECT_EQ(*found, customer);
  }
}

TEST_F(BulkTest, AScanDecisionsLookUpsFindWhatWasAppliedFromAnotherConnection) {
  constexpr int kCustomers = 5'000;
  constexpr int kSkus = 5'000;
  auto db = open();
  for (int base = 0; base < kCustomers; base += 1'000) {
    json profiles = json::array();
    json products = json::array();
    json stock = json::array();
    for (int i = base; i < base + 1'000; ++i) {
      auto p = test::anna(1);
      p["customer"] = key("C-", static_cast<std::uint64_t>(i));
      p["cards"] = {key("29", static_cast<std::uint64_t>(i))};
      profiles.push_back(std::move(p));
      if (i < kSkus) {
        products.push_back({{"kind", "product"},
                            {"sku", key("S-", i)},
                            {"name", "n"},
                            {"category", i % 2 ? "dresses" : "shoes"},
                            {"size", "M"},
                            {"price_minor", 1},
                            {"currency", "PLN"},
                            {"ver", 1}});
        stock.push_back({{"sku", key("S-", i)}, {"on_hand", i % 3}, {"reserved", 0}, {"ver", 1}});
      }
    }
    live(db, Stream::kProfiles, 1 + base / 1'000, profiles);
    live(db, Stream::kCatalog, 1 + base / 1'000, products);
    live(db, Stream::kStock, 1 + base / 1'000, stock);
  }
  // A second connection, as the service thread would have while sync writes.
  auto reader = open();
  SqliteCatalogView view(reader);
  std::mt19937_64 rng(1);
  for (int i = 0; i < 500; ++i) {
    const auto n = rng() % kCustomers;
    const auto customer = must(customer_for_card(reader, key("29", n)));
    ASSERT_TRUE(customer.has_value());
    EXPECT_EQ(*customer, key("C-", n));
    const auto profile = must(load_profile_merged(reader, *customer));
    ASSERT_TRUE(profile.has_value());
    EXPECT_EQ(must(pending_points(reader, *customer)), 0);
    const auto s = rng() % kSkus;
    const auto product = view.product(key("S-", s));
    const auto stock = view.stock(key("S-", s));
    ASSERT_TRUE(product.has_value());
    ASSERT_TRUE(stock.has_value());
    EXPECT_EQ(stock->on_hand, static_cast<std::int64_t>(s % 3));
    for (const auto& alternative : view.available_in_category("dresses", "M", 5)) {
      EXPECT_EQ(alternative.product.category, "dresses");
      const auto alt_stock = view.stock(alternative.product.sku);
      ASSERT_TRUE(alt_stock.has_value());
      EXPECT_EQ(*alt_stock, alternative.stock);
      EXPECT_GT(alt_stock->on_hand - alt_stock->reserved, 0);
    }
  }
}

}  // namespace
}  // namespace bulk_test
}  // namespace witryna::store
