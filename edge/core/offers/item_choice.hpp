#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/offers/offer_config.hpp"
#include "edge/core/offers/offer_decision.hpp"
#include "edge/core/offers/personal_view.hpp"
#include "edge/core/ports/catalog_view.hpp"
#include "edge/core/ports/memoized_catalog.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// The item an offer is shown with, and how this customer can get it.
struct ItemChoice {
  std::string sku;
  std::optional<domain::Product> product;
  StockState stock;
  std::optional<AlternativeItem> alternative;  // set only when stock is out
  std::vector<NearbyOption> nearby;            // set only when out and no alternative
  std::optional<std::string> recent_channel;   // the customer looked at `sku` (personal only)
  bool size_match = false;                     // in one of the customer's sizes (personal only)
  bool within_budget = false;                  // price within budget_minor (personal only)
};

// No stock row counts as out of stock (CatalogView).
[[nodiscard]] StockState stock_state(const std::optional<domain::Stock>& stock,
                                     std::int64_t low_stock_max);
[[nodiscard]] StockState stock_state(const domain::Stock* stock, std::int64_t low_stock_max);

// A sku from `product.alternatives` in stock here and known to the catalog,
// the same size as `product` first, then in list order.
[[nodiscard]] std::optional<AlternativeItem> find_alternative(const domain::Product& product,
                                                              const CatalogView& catalog,
                                                              const OfferConfig& config);

// Nearby stores (not `store` itself) with level in/low, nearest first, at most
// config.max_nearby, each marked stale when older than nearby_stale_after.
[[nodiscard]] std::vector<NearbyOption> find_nearby(std::string_view sku,
                                                    const CatalogView& catalog,
                                                    const OfferConfig& config,
                                                    std::string_view store, TimePoint now);

// Picks the sku to show `offer` with: from offer.skus, or (skus empty) from the
// customer's recent items in offer.category and available_in_category in the
// customer's sizes, then any size. Candidates rank by: in stock here, looked at
// recently, customer's size, within budget, then their order. The first one in
// stock wins; otherwise the first with an alternative here; otherwise the first
// some nearby store has. None: nobody here can get any of them — do not show it.
// Must not be called for a store-wide offer (no skus, no category). The
// catalog is the decision's memo: candidates are looked at in place.
[[nodiscard]] std::optional<ItemChoice> choose_item(const domain::Offer& offer,
                                                    const PersonalView& person,
                                                    const MemoizedCatalog& catalog,
                                                    const OfferConfig& config,
                                                    std::string_view store, TimePoint now);

}  // namespace witryna::core
