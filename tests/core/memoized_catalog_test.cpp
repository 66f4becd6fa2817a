// MemoizedCatalog: one question reaches the wrapped catalog once, and the
// answers are the wrapped catalog's own.
#include "edge/core/ports/memoized_catalog.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace witryna::core {
namespace memoized_catalog_test {
namespace {

class CountingCatalog final : public CatalogView {
 public:
  std::optional<domain::Product> product(std::string_view sku) const override {
    ++calls["product"];
    if (sku != "DRS-1-M") return std::nullopt;
    domain::Product p;
    p.sku = std::string(sku);
    p.category = "dresses";
    return p;
  }
  std::optional<domain::Stock> stock(std::string_view sku) const override {
    ++calls["stock"];
    return domain::Stock{std::string(sku), 3, 1, 7};
  }
  std::vector<domain::NearbyStock> nearby(std::string_view) const override {
    ++calls["nearby"];
    return {};
  }
  std::vector<StockedProduct> available_in_category(std::string_view category,
                                                    std::string_view size,
                                                    std::size_t limit) const override {
    ++calls["category"];
    std::vector<StockedProduct> out(limit);
    for (std::size_t i = 0; i < out.size(); ++i) {
      auto& p = out[i].product;
      p.sku = "CAT-" + std::to_string(i) + "-" + std::string(size);
      p.category = std::string(category);
      p.size = std::string(size);
      out[i].stock = domain::Stock{p.sku, 4, 0, 1};
    }
    return out;
  }
  mutable std::map<std::string, int> calls;
};

TEST(MemoizedCatalog, AsksTheWrappedCatalogOncePerQuestion) {
  CountingCatalog inner;
  const MemoizedCatalog memo(inner);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(memo.product("DRS-1-M").has_value());
    EXPECT_FALSE(memo.product("NOPE").has_value());  // a miss is remembered too
    EXPECT_EQ(memo.stock("DRS-1-M")->available(), 2);
    EXPECT_TRUE(memo.nearby("DRS-1-M").empty());
    EXPECT_EQ(memo.available_in_category("dresses", "M", 2).size(), 2U);
    EXPECT_EQ(memo.available_in_category("dresses", "L", 2).front().product.size, "L");
    EXPECT_EQ(memo.available_in_category("dresses", "M", 5).size(), 5U);
  }
  EXPECT_EQ(inner.calls["product"], 2);
  EXPECT_EQ(inner.calls["stock"], 1);
  EXPECT_EQ(inner.calls["nearby"], 1);
  EXPECT_EQ(inner.calls["category"], 3);  // (dresses,M,2), (dresses,L,2), (dresses,M,5)
}

TEST(MemoizedCatalog, ACategoryAnswerAlsoAnswersForItsProductsAndStock) {
  CountingCatalog inner;
  const MemoizedCatalog memo(inner);
  const auto found = memo.available_in_category("dresses", "M", 3);
  ASSERT_EQ(found.size(), 3U);
  for (const auto& item : found) {
    EXPECT_EQ(memo.product(item.product.sku)->category, "dresses");
    EXPECT_EQ(memo.stock(item.product.sku)->available(), 4);
  }
  EXPECT_EQ(inner.calls["product"], 0);
  EXPECT_EQ(inner.calls["stock"], 0);
}

}  // namespace
}  // namespace memoized_catalog_test
}  // namespace witryna::core
