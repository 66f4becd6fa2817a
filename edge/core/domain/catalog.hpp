#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/time.hpp"

namespace witryna::domain {

// A sellable variant (one size and colour of a product).
struct Product {
  std::string sku;
  std::string product;
  std::string name;
  std::string size;
  std::string color;
  std::string category;
  std::int64_t price_minor = 0;
  std::string currency;
  std::vector<std::string> alternatives;
  std::int64_t ver = 0;

  friend bool operator==(const Product&, const Product&) = default;
};

struct Offer {
  std::string offer;
  std::string title;
  std::string body;
  Benefit benefit;
  std::string category;              // empty: any category
  std::vector<std::string> skus;     // empty: any sku
  std::vector<std::string> segments; // empty: any segment
  std::vector<std::string> tiers;    // empty: any tier
  bool personalized = false;
  TimePoint valid_from{};
  TimePoint valid_to{};
  int max_per_day = 0;  // 0: no cap
  int priority = 0;
  std::int64_t ver = 0;

  friend bool operator==(const Offer&, const Offer&) = default;
};

}  // namespace witryna::domain
