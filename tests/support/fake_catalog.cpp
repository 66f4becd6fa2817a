#include "tests/support/fake_catalog.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace witryna::test {

FakeCatalog& FakeCatalog::add(domain::Product p) {
  auto sku = p.sku;
  products_.insert_or_assign(std::move(sku), std::move(p));
  return *this;
}

FakeCatalog& FakeCatalog::add(domain::Product p, std::int64_t on_hand, std::int64_t reserved) {
  set_stock(p.sku, on_hand, reserved);
  return add(std::move(p));
}

FakeCatalog& FakeCatalog::set_stock(std::string sku, std::int64_t on_hand, std::int64_t reserved) {
  domain::Stock s;
  s.sku = sku;
  s.on_hand = on_hand;
  s.reserved = reserved;
  stock_.insert_or_assign(std::move(sku), std::move(s));
  return *this;
}

FakeCatalog& FakeCatalog::add_nearby(domain::NearbyStock n) {
  nearby_.push_back(std::move(n));
  return *this;
}

std::optional<domain::Product> FakeCatalog::product(std::string_view sku) const {
  const auto it = products_.find(sku);
  if (it == products_.end()) return std::nullopt;
  return it->second;
}

std::optional<domain::Stock> FakeCatalog::stock(std::string_view sku) const {
  const auto it = stock_.find(sku);
  if (it == stock_.end()) return std::nullopt;
  return it->second;
}

std::vector<domain::NearbyStock> FakeCatalog::nearby(std::string_view sku) const {
  std::vector<domain::NearbyStock> out;
  for (const auto& n : nearby_) {
    if (n.sku == sku) out.push_back(n);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.distance_m < b.distance_m; });
  return out;
}

std::vector<core::StockedProduct> FakeCatalog::available_in_category(std::string_view category,
                                                                     std::string_view size,
                                                                     std::size_t limit) const {
  ++category_queries_;
  std::vector<core::StockedProduct> out;
  for (const auto& [sku, p] : products_) {  // map order = by sku
    if (out.size() >= limit) break;
    if (p.category != category) continue;
    if (!size.empty() && p.size != size) continue;
    const auto s = stock(sku);
    if (!s || s->available() <= 0) continue;
    out.push_back({p, *s});
  }
  return out;
}

domain::Product make_product(std::string sku, std::string category, std::string size,
                             std::int64_t price_minor, std::vector<std::string> alternatives) {
  domain::Product p;
  p.product = sku.substr(0, sku.find('-', sku.find('-') + 1));
  p.sku = std::move(sku);
  p.name = "Product " + p.sku;
  p.category = std::move(category);
  p.size = std::move(size);
  p.price_minor = price_minor;
  p.currency = "PLN";
  p.alternatives = std::move(alternatives);
  return p;
}

domain::Offer make_offer(std::string id, TimePoint now, int priority) {
  domain::Offer o;
  o.title = "Offer " + id;
  o.body = "Body of " + id;
  o.offer = std::move(id);
  o.benefit = domain::Benefit{domain::BenefitType::kPercent, 10, std::nullopt};
  o.valid_from = now - std::chrono::days(1);
  o.valid_to = now + std::chrono::days(7);
  o.priority = priority;
  return o;
}

}  // namespace witryna::test
