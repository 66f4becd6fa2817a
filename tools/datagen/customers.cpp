// `profiles` items: customers with cards, segments, tiers, consents (absent
// ones included, as real data has them), preferences and history.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "edge/core/codes/ean13.hpp"
#include "tools/datagen/rng.hpp"
#include "tools/datagen/world.hpp"

namespace witryna::datagen {

namespace {

std::string with_check_digit(const std::string& first12) {
  return first12 + core::ean13_check_digit(first12);
}

constexpr std::array<int, 3> kSegmentWeights = {55, 25, 20};
constexpr std::array<int, 4> kTierWeights = {50, 25, 18, 7};
constexpr std::array<std::string_view, 4> kChannels = {"web", "app", "store", "chat"};
constexpr std::array<std::string_view, 4> kWhat = {"viewed", "wishlisted", "carted", "purchased"};

// A consent: given, refused, or absent (which counts as refused).
void consent(Json& consents, const char* name, Rng& rng, int yes, int no, int absent) {
  const std::array<int, 3> weights = {yes, no, absent};
  switch (rng.weighted(weights)) {
    case 0:
      consents[name] = true;
      break;
    case 1:
      consents[name] = false;
      break;
    default:
      break;
  }
}

double two_decimals(double v) {
  return std::round(v * 100.0) / 100.0;
}

TimePoint ago(const World& w, Rng& rng, std::int64_t max_minutes) {
  return w.now - std::chrono::minutes(rng.between(30, max_minutes));
}

}  // namespace

std::string customer_id(std::size_t index) {
  return "C-" + padded(index, 6);
}

std::string card_number(std::size_t customer, int sequence) {
  return with_check_digit("29" + padded(customer, 9) + std::to_string(sequence % 10));
}

std::string unknown_card() {
  return with_check_digit("29" + std::string(9, '9') + "9");
}

std::vector<std::string> cards_of(const World& w, std::size_t customer) {
  if (customer == w.demo_full_consent) return {kDemoCard};
  Rng rng = Rng::of(w.seed, kind::kCustomer, customer);
  (void)rng.next();  // the draw profile_item uses for `ver`
  std::vector<std::string> cards = {card_number(customer, 0)};
  if (rng.chance(0.1)) cards.push_back(card_number(customer, 1));
  return cards;
}

Json profile_item(const World& w, std::size_t customer) {
  Rng rng = Rng::of(w.seed, kind::kCustomer, customer);
  const bool full = customer == w.demo_full_consent;
  const bool no_personalization = customer == w.demo_no_personalization;
  Json item;
  item["customer"] = customer_id(customer);
  item["ver"] = rng.between(1, 30);
  std::vector<std::string> cards = {full ? std::string(kDemoCard) : card_number(customer, 0)};
  if (rng.chance(0.1) && !full) cards.push_back(card_number(customer, 1));
  item["cards"] = std::move(cards);
  item["name"] = full ? std::string("Anna") : std::string(rng.pick(first_names()));
  const auto segment =
      full ? std::string("active") : std::string(kSegments[rng.weighted(kSegmentWeights)]);
  item["segment"] = segment;
  item["tier"] = full ? std::string("gold") : std::string(kTiers[rng.weighted(kTierWeights)]);
  item["points"] = {{"balance", segment == "new" ? rng.between(0, 500) : rng.between(0, 20000)},
                    {"ver", rng.between(1, 200)}};

  Json consents = Json::object();
  if (full) {
    consents = {{"personalization", true},
                {"marketing", true},
                {"display_name", true},
                {"history_for_staff", true}};
  } else if (no_personalization) {
    consents = {{"personalization", false}, {"display_name", true}};
  } else {
    consent(consents, "personalization", rng, 65, 20, 15);
    consent(consents, "marketing", rng, 40, 45, 15);
    consent(consents, "display_name", rng, 50, 30, 20);
    consent(consents, "history_for_staff", rng, 45, 35, 20);
  }
  // Some older records carry no consents at all: every one counts as refused.
  if (full || no_personalization || !rng.chance(0.05)) item["consents"] = std::move(consents);

  const auto cats = categories();
  if (full) {
    item["preferences"] = {{"sizes", {"M"}},
                           {"categories", {"dresses", "shoes"}},
                           {"budget_minor", 30000},
                           {"pickup_store", w.store}};
    item["affinities"] = {{"dresses", 0.8}, {"shoes", 0.3}};
  } else {
    if (rng.chance(0.7)) {
      Json preferences = Json::object();
      std::vector<std::string> sizes = {std::string(rng.pick(apparel_sizes()))};
      if (rng.chance(0.4)) sizes.push_back(std::string(rng.pick(shoe_sizes())));
      preferences["sizes"] = std::move(sizes);
      std::vector<std::string> liked;
      const auto wanted = static_cast<std::size_t>(rng.between(1, 3));
      for (std::size_t k = 0; k < wanted; ++k) {
        std::string c(rng.pick(cats).name);
        if (std::find(liked.begin(), liked.end(), c) == liked.end()) liked.push_back(c);
      }
      preferences["categories"] = std::move(liked);
      if (rng.chance(0.5)) preferences["budget_minor"] = rng.between(2, 20) * 5000;
      if (rng.chance(0.4)) preferences["pickup_store"] = w.store;
      item["preferences"] = std::move(preferences);
    }
    Json affinities = Json::object();
    const auto count = static_cast<std::size_t>(rng.between(2, 4));
    for (std::size_t k = 0; k < count; ++k) {
      affinities[std::string(rng.pick(cats).name)] = two_decimals(0.1 + 0.85 * rng.unit());
    }
    item["affinities"] = std::move(affinities);
  }

  Json recent = Json::array();
  const auto recent_count = full ? 2 : rng.between(0, 5);
  for (std::int64_t k = 0; k < recent_count; ++k) {
    const auto sku =
        full && k == 0 ? w.demo_sku : static_cast<std::size_t>(rng.below(w.catalog->size()));
    Json entry;
    entry["sku"] = w.catalog->sku(sku);
    entry["channel"] = std::string(rng.pick(kChannels));
    entry["at"] = format_rfc3339(ago(w, rng, 30 * 24 * 60));
    entry["what"] = std::string(rng.pick(kWhat));
    recent.push_back(std::move(entry));
  }
  item["recent"] = std::move(recent);

  Json history = Json::array();
  const auto history_count = full ? 2 : rng.between(0, 3);
  for (std::int64_t k = 0; k < history_count; ++k) {
    Json entry;
    entry["at"] = format_rfc3339(ago(w, rng, 365 * 24 * 60));
    entry["channel"] = rng.chance(0.5) ? "chat" : "store";
    entry["note"] = std::string(rng.pick(history_notes()));
    history.push_back(std::move(entry));
  }
  item["history"] = std::move(history);
  return item;
}

}  // namespace witryna::datagen
