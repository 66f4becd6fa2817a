// `catalog` offer items: percent, amount and points benefits, restricted or
// not by category, skus, segments and tiers, personalized or not, with
// validity windows around `now` (some current, some past, some future).
#include <array>
#include <string>

#include "tools/datagen/rng.hpp"
#include "tools/datagen/world.hpp"

namespace witryna::datagen {

namespace {

template <std::size_t N>
std::vector<std::string> some_of(Rng& rng, const std::array<std::string_view, N>& all) {
  std::vector<std::string> out;
  for (const auto& v : all) {
    if (rng.chance(0.5)) out.emplace_back(v);
  }
  if (out.empty()) out.emplace_back(rng.pick(all));
  return out;
}

}  // namespace

Json offer_item(const World& w, std::size_t index) {
  Rng rng = Rng::of(w.seed, kind::kOffer, index);
  const std::string month = format_rfc3339(w.now).substr(0, 7);  // "2026-11"
  const auto cats = categories();

  // Restriction: a category (most), a few skus, or nothing.
  std::string category;
  std::vector<std::string> skus;
  std::string target = "wszystko";
  const std::array<int, 3> scope_weights = {60, 10, 30};
  switch (rng.weighted(scope_weights)) {
    case 0: {
      const auto& c = rng.pick(cats);
      category = std::string(c.name);
      target = std::string(c.polish_plural);
      break;
    }
    case 1: {
      const auto count = rng.between(1, 3);
      for (std::int64_t k = 0; k < count; ++k) {
        skus.push_back(w.catalog->sku(static_cast<std::size_t>(rng.below(w.catalog->size()))));
      }
      target = "wybrane produkty";
      break;
    }
    default:
      break;
  }

  Json benefit;
  std::string title;
  const std::array<int, 3> type_weights = {50, 25, 25};
  switch (rng.weighted(type_weights)) {
    case 0: {
      constexpr std::array<int, 6> kPercents = {10, 15, 20, 25, 30, 40};
      const int value = rng.pick(kPercents);
      benefit = {{"type", "percent"}, {"value", value}};
      title = "-" + std::to_string(value) + "% na " + target;
      break;
    }
    case 1: {
      constexpr std::array<int, 4> kAmounts = {2000, 3000, 5000, 10000};
      const int value = rng.pick(kAmounts);
      benefit = {{"type", "amount"}, {"value", value}, {"currency", "PLN"}};
      title = std::to_string(value / 100) + " zł rabatu na " + target;
      break;
    }
    default: {
      constexpr std::array<int, 3> kMultipliers = {2, 3, 5};
      const int value = rng.pick(kMultipliers);
      benefit = {{"type", "points"}, {"value", value}};
      title = std::to_string(value) + "× punkty za " + target;
      break;
    }
  }

  std::vector<std::string> segments;
  if (rng.chance(0.5)) segments = some_of(rng, kSegments);
  std::vector<std::string> tiers;
  if (rng.chance(0.3)) tiers = some_of(rng, kTiers);
  // Segment targeting is profiling: such offers are personalized.
  const bool personalized = !segments.empty() || rng.chance(0.4);

  // Mostly current; some already over, some not yet started.
  TimePoint from;
  TimePoint to;
  const std::array<int, 3> window_weights = {80, 10, 10};
  switch (rng.weighted(window_weights)) {
    case 0:
      from = w.now - std::chrono::hours(rng.between(1, 14 * 24));
      to = w.now + std::chrono::hours(rng.between(2, 30 * 24));
      break;
    case 1:
      to = w.now - std::chrono::hours(rng.between(1, 10 * 24));
      from = to - std::chrono::hours(rng.between(24, 14 * 24));
      break;
    default:
      from = w.now + std::chrono::hours(rng.between(1, 10 * 24));
      to = from + std::chrono::hours(rng.between(24, 14 * 24));
      break;
  }

  Json item;
  item["kind"] = "offer";
  item["offer"] = "OF-" + month + "-" + padded(index, 4);
  item["title"] = std::move(title);
  item["body"] = std::string(rng.pick(offer_bodies()));
  item["benefit"] = std::move(benefit);
  item["category"] = std::move(category);
  item["skus"] = std::move(skus);
  item["segments"] = std::move(segments);
  item["tiers"] = std::move(tiers);
  item["personalized"] = personalized;
  item["valid_from"] = format_rfc3339(from);
  item["valid_to"] = format_rfc3339(to);
  item["max_per_day"] = rng.chance(0.4) ? 0 : rng.between(1, 3);
  item["priority"] = rng.between(1, 10) * 10;
  item["ver"] = rng.between(1, 10);
  return item;
}

}  // namespace witryna::datagen
