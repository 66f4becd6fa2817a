#pragma once

#include <string>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/domain/profile.hpp"
#include "edge/core/offers/item_choice.hpp"
#include "edge/core/offers/offer_config.hpp"
#include "edge/core/offers/personal_view.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Why `offer` is shown, in a customer's words, most personal first, at most
// config.max_reasons. Personal reasons ("you like dresses", "your size M is in
// stock", "you looked at this online", "within your budget") come only from an
// active PersonalView; "gold members' offer" needs just a profile (a tier is
// membership, not profiling); the rest are generic and true for anyone.
// `choice`: null for a store-wide offer. Never empty.
[[nodiscard]] std::vector<std::string> make_reasons(const domain::Offer& offer,
                                                    const ItemChoice* choice,
                                                    const PersonalView& person,
                                                    const domain::Profile* profile,
                                                    const OfferConfig& config, TimePoint now);

// The category an offer is about: its own, else the chosen item's (may be empty).
[[nodiscard]] std::string offer_category(const domain::Offer& offer, const ItemChoice* choice);

// How well the offer matches the customer, for ordering offers of equal
// priority: affinity (0..1) + 0.5 preferred category + 0.5 looked at recently
// + 0.25 own size + 0.25 within budget. 0 without an active PersonalView.
[[nodiscard]] double match_score(const domain::Offer& offer, const ItemChoice* choice,
                                 const PersonalView& person);

// At least match_score(offer, choice, person) for every choice choose_item
// could make for `offer` (exact for a store-wide offer), without looking at
// the catalog: lets decide_offers stop ranking a priority level once no
// offer left in it can reach the screen. Summed in match_score's order from
// terms each at least as large, so rounding cannot put a score above it.
[[nodiscard]] double match_score_bound(const domain::Offer& offer, const PersonalView& person);

}  // namespace witryna::core
