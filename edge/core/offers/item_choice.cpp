#include "edge/core/offers/item_choice.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <tuple>
#include <utility>

namespace witryna::core {

namespace {

// Points into the decision's memo, the offer and the person, which all
// outlive the choice; only the winner is copied out.
struct Candidate {
  std::string_view sku;
  const domain::Product* product = nullptr;
  StockState stock;
  const std::string* recent_channel = nullptr;
  bool size_match = false;
  bool within_budget = false;
  std::size_t order = 0;
};

bool in_stock(const Candidate& c) {
  return c.stock.level != StockLevel::kOut;
}

// Lower sorts first: in stock, recent, size, budget, then arrival order.
auto preference_key(const Candidate& c) {
  return std::make_tuple(!in_stock(c), c.recent_channel == nullptr, !c.size_match, !c.within_budget,
                         c.order);
}

class CandidateList {
 public:
  // `expected`: how many candidates are likely, so the list grows once.
  CandidateList(const PersonalView& person, const MemoizedCatalog& catalog,
                const OfferConfig& config, std::size_t expected)
      : person_(person), catalog_(catalog), config_(config) {
    list_.reserve(expected);
  }

  // `known_stock`: the stock row that came with the product, if any.
  void add(std::string_view sku, const domain::Product* product,
           const domain::Stock* known_stock = nullptr) {
    // A few dozen at most (category_candidates per query): a flat list beats a set.
    if (std::any_of(list_.begin(), list_.end(), [&](const Candidate& c) { return c.sku == sku; })) {
      return;
    }
    Candidate c;
    c.sku = sku;
    c.product = product;
    const auto* stock = known_stock != nullptr ? known_stock : catalog_.find_stock(sku);
    c.stock = stock_state(stock, config_.low_stock_max);
    c.order = list_.size();
    if (person_.active) {
      for (const auto& r : person_.recent) {
        if (r.sku == sku) {
          c.recent_channel = &r.channel;
          break;
        }
      }
      if (c.product != nullptr) {
        const auto& sizes = person_.sizes;
        c.size_match = std::find(sizes.begin(), sizes.end(), c.product->size) != sizes.end();
        c.within_budget =
            person_.budget_minor.has_value() && c.product->price_minor <= *person_.budget_minor;
      }
    }
    if (in_stock(c) && c.size_match) has_sized_in_stock_ = true;
    if (in_stock(c)) has_in_stock_ = true;
    list_.push_back(c);
  }

  void add_all(const std::vector<StockedProduct>& available) {
    for (const auto& item : available) {
      add(item.product.sku, &item.product, &item.stock);
    }
  }

  [[nodiscard]] bool has_in_stock() const { return has_in_stock_; }
  [[nodiscard]] bool has_sized_in_stock() const { return has_sized_in_stock_; }

  [[nodiscard]] std::vector<Candidate> ranked() && {
    std::sort(list_.begin(), list_.end(), [](const Candidate& a, const Candidate& b) {
      return preference_key(a) < preference_key(b);
    });
    return std::move(list_);
  }

 private:
  const PersonalView& person_;
  const MemoizedCatalog& catalog_;
  const OfferConfig& config_;
  std::vector<Candidate> list_;  // each sku once
  bool has_in_stock_ = false;
  bool has_sized_in_stock_ = false;
};

std::vector<Candidate> gather(const domain::Offer& offer, const PersonalView& person,
                              const MemoizedCatalog& catalog, const OfferConfig& config) {
  const std::size_t expected = !offer.skus.empty()
                                   ? offer.skus.size()
                                   : person.recent.size() + 2 * config.category_candidates;
  CandidateList list(person, catalog, config, expected);
  if (!offer.skus.empty()) {
    for (const auto& sku : offer.skus) {
      list.add(sku, catalog.find_product(sku));
    }
    return std::move(list).ranked();
  }
  if (person.active) {
    for (const auto& r : person.recent) {
      const auto* p = catalog.find_product(r.sku);
      if (p != nullptr && p->category == offer.category) list.add(r.sku, p);
    }
    for (const auto& size : person.sizes) {
      if (list.has_sized_in_stock()) break;
      if (size.empty()) continue;
      list.add_all(catalog.find_available(offer.category, size, config.category_candidates));
    }
  }
  if (!list.has_in_stock()) {
    list.add_all(catalog.find_available(offer.category, "", config.category_candidates));
  }
  return std::move(list).ranked();
}

ItemChoice to_choice(const Candidate& c) {
  ItemChoice choice;
  choice.sku = std::string(c.sku);
  if (c.product != nullptr) choice.product = *c.product;
  choice.stock = c.stock;
  if (c.recent_channel != nullptr) choice.recent_channel = *c.recent_channel;
  choice.size_match = c.size_match;
  choice.within_budget = c.within_budget;
  return choice;
}

}  // namespace

StockState stock_state(const domain::Stock* stock, std::int64_t low_stock_max) {
  StockState s;
  s.available = stock != nullptr ? stock->available() : 0;
  if (s.available <= 0) {
    s.level = StockLevel::kOut;
  } else if (s.available <= low_stock_max) {
    s.level = StockLevel::kLow;
  } else {
    s.level = StockLevel::kIn;
  }
  return s;
}

StockState stock_state(const std::optional<domain::Stock>& stock, std::int64_t low_stock_max) {
  return stock_state(stock ? &*stock : nullptr, low_stock_max);
}

std::optional<AlternativeItem> find_alternative(const domain::Product& product,
                                                const CatalogView& catalog,
                                                const OfferConfig& config) {
  std::optional<AlternativeItem> other_size;
  for (const auto& sku : product.alternatives) {
    if (sku == product.sku) continue;
    const auto stock = stock_state(catalog.stock(sku), config.low_stock_max);
    if (stock.level == StockLevel::kOut) continue;
    const auto alt = catalog.product(sku);
    if (!alt) continue;  // cannot be described to the customer
    AlternativeItem item{alt->sku, alt->name, alt->size, alt->color, stock};
    if (alt->size == product.size) return item;
    if (!other_size) other_size = std::move(item);
  }
  return other_size;
}

std::vector<NearbyOption> find_nearby(std::string_view sku, const CatalogView& catalog,
                                      const OfferConfig& config, std::string_view store,
                                      TimePoint now) {
  std::vector<NearbyOption> out;
  for (const auto& n : catalog.nearby(sku)) {
    if (out.size() >= config.max_nearby) break;
    if (n.level == domain::NearbyLevel::kOut || n.store == store) continue;
    out.push_back(NearbyOption{n.store, n.name, n.distance_m, n.level, n.as_of,
                               now - n.as_of > config.nearby_stale_after});
  }
  return out;
}

std::optional<ItemChoice> choose_item(const domain::Offer& offer, const PersonalView& person,
                                      const MemoizedCatalog& catalog, const OfferConfig& config,
                                      std::string_view store, TimePoint now) {
  assert(!offer.skus.empty() || !offer.category.empty());
  const auto candidates = gather(offer, person, catalog, config);
  if (candidates.empty()) return std::nullopt;
  if (in_stock(candidates.front())) return to_choice(candidates.front());
  for (const auto& c : candidates) {
    if (c.product == nullptr) continue;
    if (auto alt = find_alternative(*c.product, catalog, config)) {
      auto choice = to_choice(c);
      choice.alternative = std::move(alt);
      return choice;
    }
  }
  for (const auto& c : candidates) {
    if (auto nearby = find_nearby(c.sku, catalog, config, store, now); !nearby.empty()) {
      auto choice = to_choice(c);
      choice.nearby = std::move(nearby);
      return choice;
    }
  }
  return std::nullopt;
}

}  // namespace witryna::core
