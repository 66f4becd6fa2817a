// The offers cache: parsed once, kept across commits that do not touch the
// catalog (the sync's acks, stock), reloaded when the catalog changes.
#include "edge/app/offers_cache.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "edge/store/store.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::app {
namespace offers_cache_test {
namespace {

using nlohmann::json;

json offer(const char* id, int priority, int ver) {
  return {{"kind", "offer"},
          {"offer", id},
          {"title", id},
          {"body", ""},
          {"benefit", {{"type", "percent"}, {"value", 10}}},
          {"category", ""},
          {"skus", json::array()},
          {"segments", json::array()},
          {"tiers", json::array()},
          {"personalized", false},
          {"valid_from", "2026-01-01T00:00:00Z"},
          {"valid_to", "2027-01-01T00:00:00Z"},
          {"max_per_day", 0},
          {"priority", priority},
          {"ver", ver}};
}

store::Database open(const std::filesystem::path& path) {
  auto db = store::open_store(path);
  EXPECT_TRUE(db.has_value());
  return std::move(*db);
}

void apply(store::Database& db, core::Stream stream, std::int64_t seq, const json& items) {
  auto ok = store::apply_message(db, stream, store::ApplyContext::live(seq, TimePoint{}), items);
  ASSERT_TRUE(ok.has_value()) << ok.error().context;
}

std::vector<std::string> ids(const std::vector<domain::Offer>& offers) {
  std::vector<std::string> out;
  for (const auto& o : offers)
    out.push_back(o.offer);
  return out;
}

TEST(OffersCache, KeptAcrossOtherCommitsReloadedWhenTheCatalogChanges) {
  witryna::test::TempDir dir;
  auto edge = open(dir.path() / "edge.db");
  auto sync = open(dir.path() / "edge.db");
  apply(sync, core::Stream::kCatalog, 1,
        json::array({offer("OF-B", 10, 1), offer("OF-A", 10, 1), offer("OF-C", 90, 1)}));

  OffersCache cache(edge);
  auto first = cache.get();
  ASSERT_TRUE(first.has_value());
  // In the order decisions rank them: priority, then id.
  EXPECT_EQ(ids(**first), (std::vector<std::string>{"OF-C", "OF-A", "OF-B"}));
  EXPECT_EQ(cache.loads(), 1);

  // The sync's other writes (stock, the outbox's acks) do not reload.
  apply(sync, core::Stream::kStock, 1,
        json::array({{{"sku", "S-1"}, {"on_hand", 1}, {"reserved", 0}, {"ver", 1}}}));
  ASSERT_TRUE(cache.get().has_value());
  ASSERT_TRUE(store::execute(sync, "INSERT INTO counters(name, value) VALUES('x', 1)"));
  ASSERT_TRUE(cache.get().has_value());
  EXPECT_EQ(cache.loads(), 1);

  apply(sync, core::Stream::kCatalog, 2,
        json::array({{{"kind", "offer"}, {"offer", "OF-C"}, {"ver", 2}, {"deleted", true}}}));
  auto after = cache.get();
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(ids(**after), (std::vector<std::string>{"OF-A", "OF-B"}));
  EXPECT_EQ(cache.loads(), 2);

  cache.invalidate();
  ASSERT_TRUE(cache.get().has_value());
  EXPECT_EQ(cache.loads(), 3);
}

}  // namespace
}  // namespace offers_cache_test
}  // namespace witryna::app
