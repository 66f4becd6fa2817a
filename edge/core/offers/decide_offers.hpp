#pragma once

#include <string>

#include "edge/core/offers/offer_config.hpp"
#include "edge/core/offers/offer_decision.hpp"
#include "edge/core/ports/catalog_view.hpp"

namespace witryna::core {

// Which offers a screen shows now, ranked, and why. Pure: reads only the
// request and the catalog; records nothing (the caller records
// `decision.events` and counts shown_today up when it shows the view).
//
// Rules, in order:
// - valid_from <= now < valid_to; segment/tier/daily-cap rules and the consent
//   reading of check_eligibility (eligibility.hpp);
// - personalization (personalized offers; affinities, recent, preferences for
//   ranking, item choice and reasons) only with consents.personalization and
//   outside the control group (fnv1a64(customer) mod 100 < control_group_percent);
// - an offer tied to items (skus or category) is shown with one item
//   (choose_item) and dropped when nobody here can get any of them; an offer
//   with neither skus nor category is store-wide: no sku, no stock;
// - order: priority (higher first), then match_score (higher first), then
//   offer id (ascending); at most config.max_on_screen.
[[nodiscard]] OfferDecision decide_offers(const OfferRequest& request, const CatalogView& catalog);

// The order offers are looked at in: priority (higher first), then offer id.
// Offers given grouped by priority (e.g. in this order) are checked in
// place, one level at a time, and only down to the level that fills the
// screen; otherwise decide_offers groups them first (a sort by pointer).
[[nodiscard]] bool ranks_before(const domain::Offer& a, const domain::Offer& b);

// The idle attract loop (no customer): decide_offers without a profile, so
// only non-personalized offers without segment or tier restrictions.
[[nodiscard]] OfferDecision decide_idle_offers(std::span<const domain::Offer> offers,
                                               const CatalogView& catalog,
                                               const OfferConfig& config, std::string store,
                                               std::string screen, TimePoint now);

}  // namespace witryna::core
