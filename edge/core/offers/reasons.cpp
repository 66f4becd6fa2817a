#include "edge/core/offers/reasons.hpp"

#include <algorithm>

namespace witryna::core {

namespace {

bool likes(const PersonalView& person, const std::string& category, double threshold) {
  if (!person.active || category.empty()) return false;
  const auto& cats = person.categories;
  if (std::find(cats.begin(), cats.end(), category) != cats.end()) return true;
  const auto it = person.affinities.find(category);
  return it != person.affinities.end() && it->second >= threshold;
}

std::string looked_at(const std::string& channel) {
  return channel == "store" ? "you looked at this in a store" : "you looked at this online";
}

void add_stock_reasons(const ItemChoice& choice, bool told_size, std::vector<std::string>& out) {
  if (choice.stock.level == StockLevel::kLow) {
    out.push_back("only " + std::to_string(choice.stock.available) + " left here");
  } else if (choice.stock.level == StockLevel::kIn) {
    if (!told_size) out.emplace_back("in stock here");
  } else if (choice.alternative) {
    out.emplace_back("a similar item is in stock here");
  } else if (!choice.nearby.empty()) {
    const auto& n = choice.nearby.front();
    out.push_back("available at " + (n.name.empty() ? n.store : n.name));
  }
}

}  // namespace

std::string offer_category(const domain::Offer& offer, const ItemChoice* choice) {
  if (!offer.category.empty()) return offer.category;
  if (choice != nullptr && choice->product) return choice->product->category;
  return {};
}

std::vector<std::string> make_reasons(const domain::Offer& offer, const ItemChoice* choice,
                                      const PersonalView& person, const domain::Profile* profile,
                                      const OfferConfig& config, TimePoint now) {
  std::vector<std::string> out;
  const auto category = offer_category(offer, choice);
  bool told_size = false;
  if (person.active && choice != nullptr && choice->recent_channel) {
    out.push_back(looked_at(*choice->recent_channel));
  }
  if (likes(person, category, config.affinity_threshold)) out.push_back("you like " + category);
  if (person.active && choice != nullptr && choice->size_match && choice->product &&
      choice->stock.level != StockLevel::kOut) {
    out.push_back("your size " + choice->product->size + " is in stock");
    told_size = true;
  }
  if (profile != nullptr && !offer.tiers.empty() && !profile->tier.empty()) {
    out.push_back(profile->tier + " members' offer");
  }
  if (person.active && choice != nullptr && choice->within_budget) {
    out.emplace_back("within your budget");
  }
  if (choice != nullptr) {
    add_stock_reasons(*choice, told_size, out);
  } else if (offer.tiers.empty()) {
    out.emplace_back("on everything in the store");
  }
  if (offer.valid_to - now <= config.ends_soon) out.emplace_back("ends soon");
  if (out.empty()) out.emplace_back("on offer now");
  if (out.size() > config.max_reasons) out.resize(config.max_reasons);
  return out;
}

double match_score(const domain::Offer& offer, const ItemChoice* choice,
                   const PersonalView& person) {
  if (!person.active) return 0.0;
  const auto category = offer_category(offer, choice);
  double score = 0.0;
  if (const auto it = person.affinities.find(category); it != person.affinities.end()) {
    score += std::clamp(it->second, 0.0, 1.0);
  }
  const auto& cats = person.categories;
  if (!category.empty() && std::find(cats.begin(), cats.end(), category) != cats.end()) {
    score += 0.5;
  }
  if (choice != nullptr) {
    if (choice->recent_channel) score += 0.5;
    if (choice->size_match) score += 0.25;
    if (choice->within_budget) score += 0.25;
  }
  return score;
}

double match_score_bound(const domain::Offer& offer, const PersonalView& person) {
  if (!person.active) return 0.0;
  const bool store_wide = offer.skus.empty() && offer.category.empty();
  if (store_wide) return match_score(offer, nullptr, person);
  double affinity = 0.0;
  bool preferred = false;
  if (!offer.category.empty()) {
    if (const auto it = person.affinities.find(offer.category); it != person.affinities.end()) {
      affinity = std::clamp(it->second, 0.0, 1.0);
    }
    const auto& cats = person.categories;
    preferred = std::find(cats.begin(), cats.end(), offer.category) != cats.end();
  } else {
    // The category comes from whichever product is chosen: any of them.
    for (const auto& [category, value] : person.affinities)
      affinity = std::max(affinity, std::clamp(value, 0.0, 1.0));
    preferred = !person.categories.empty();
  }
  double bound = 0.0;
  bound += affinity;
  if (preferred) bound += 0.5;
  if (!person.recent.empty()) bound += 0.5;
  if (!person.sizes.empty()) bound += 0.25;
  if (person.budget_minor) bound += 0.25;
  return bound;
}

}  // namespace witryna::core
