#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "edge/core/domain/benefit.hpp"
#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/domain/stock.hpp"
#include "edge/core/offers/offer_config.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Everything the offer decision looks at besides the catalog. A value the
// caller fills from its store; the decision keeps no reference to it.
struct OfferRequest {
  // None: idle screen, anonymous visitor or unknown card (generic offers only).
  std::optional<domain::Profile> profile;
  // The offers the device holds; validity is re-checked against `now`. A
  // view, not a copy: a store holds about a thousand offers and a scan must
  // not copy them. The caller keeps them alive during decide_offers().
  std::span<const domain::Offer> offers;
  // How often each offer (by id) was shown to this customer today (utc_day).
  // The caller counts up when it records the returned offers.shown event.
  std::map<std::string, int, std::less<>> shown_today;
  OfferConfig config;
  std::string store;   // this store: never listed as a "nearby" store
  std::string screen;  // goes into the events; empty: left out
  TimePoint now{};
};

enum class StockLevel { kIn, kLow, kOut };
[[nodiscard]] const char* to_string(StockLevel level);

struct StockState {
  StockLevel level = StockLevel::kOut;
  std::int64_t available = 0;
  friend bool operator==(const StockState&, const StockState&) = default;
};

// Another sku, in stock here, offered instead of an out-of-stock one.
struct AlternativeItem {
  std::string sku;
  std::string name;
  std::string size;
  std::string color;
  StockState stock;
  friend bool operator==(const AlternativeItem&, const AlternativeItem&) = default;
};

// A nearby store that has the sku (level in or low only).
struct NearbyOption {
  std::string store;
  std::string name;
  std::int64_t distance_m = 0;
  domain::NearbyLevel level = domain::NearbyLevel::kIn;
  TimePoint as_of{};
  bool stale = false;  // as_of older than OfferConfig::nearby_stale_after
  friend bool operator==(const NearbyOption&, const NearbyOption&) = default;
};

// One offer as the screen shows it (screen-api.md `offers[]`).
struct ShownOffer {
  std::string offer;
  std::string title;
  std::string body;
  domain::Benefit benefit;
  std::vector<std::string> reasons;            // short, in a customer's words, best first
  std::optional<std::string> sku;              // none: store-wide offer
  std::optional<domain::Product> product;      // of `sku`, when the catalog knows it
  std::optional<StockState> stock;             // none: store-wide offer
  std::optional<AlternativeItem> alternative;  // only when `stock` is out
  std::vector<NearbyOption> nearby;            // only when out and no alternative
};

struct OfferDecision {
  std::vector<ShownOffer> offers;  // ranked, at most max_on_screen
  // True only when the customer consented to personalization and is not in
  // the control group: the view's `customer.personalized`.
  bool personalized = false;
  bool control_group = false;
  // To record when (and only if) the view is shown: offers.shown (when any
  // offer) and one alternative.suggested per offer carrying an alternative.
  std::vector<domain::Event> events;
};

}  // namespace witryna::core
