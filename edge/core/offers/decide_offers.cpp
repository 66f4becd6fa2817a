#include "edge/core/offers/decide_offers.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "edge/core/offers/control_group.hpp"
#include "edge/core/offers/eligibility.hpp"
#include "edge/core/offers/item_choice.hpp"
#include "edge/core/offers/personal_view.hpp"
#include "edge/core/offers/reasons.hpp"
#include "edge/core/ports/memoized_catalog.hpp"

namespace witryna::core {

namespace {

struct Ranked {
  const domain::Offer* offer = nullptr;
  std::optional<ItemChoice> choice;  // none: store-wide
  double score = 0.0;
};

// An offer of the level being ranked and the most match_score could give it.
struct Bounded {
  const domain::Offer* offer = nullptr;
  double bound = 0.0;
};

// The best `room` offers ranked so far in one priority level (score higher
// first, then id), to tell when the rest of the level cannot reach the screen.
class LevelTop {
 public:
  // room > 0: the level is looked at only while the screen has room.
  explicit LevelTop(std::size_t room) : room_(room) {}

  void add(double score, const std::string& offer) {
    const Entry e{score, &offer};
    best_.insert(std::upper_bound(best_.begin(), best_.end(), e, ranks_before_entry), e);
    if (best_.size() > room_) best_.pop_back();
  }

  // True when `c`, whatever its item, would rank after `room` offers already
  // ranked; so would every offer after it (a lower bound, or the same bound
  // and a higher id).
  [[nodiscard]] bool cannot_enter(const Bounded& c) const {
    if (best_.size() < room_) return false;
    const auto& last = best_.back();
    return c.bound < last.score || (c.bound == last.score && c.offer->offer > *last.offer);
  }

 private:
  struct Entry {
    double score;
    const std::string* offer;
  };
  static bool ranks_before_entry(const Entry& a, const Entry& b) {
    if (a.score != b.score) return a.score > b.score;
    return *a.offer < *b.offer;
  }

  std::size_t room_;
  std::vector<Entry> best_;  // at most room_, best first
};

bool store_wide(const domain::Offer& offer) {
  return offer.skus.empty() && offer.category.empty();
}

// Asked only when the count can exclude the offer (a customer, a daily cap):
// most offers have no cap, and the look-up is a string-keyed map.
int shown_count(const OfferRequest& request, const domain::Offer& offer,
                const domain::Profile* profile) {
  if (profile == nullptr || offer.max_per_day <= 0) return 0;
  const auto it = request.shown_today.find(offer.offer);
  return it == request.shown_today.end() ? 0 : it->second;
}

nlohmann::json base_fields(const OfferRequest& request) {
  auto fields = nlohmann::json::object();
  if (!request.screen.empty()) fields["screen"] = request.screen;
  if (request.profile) fields["customer"] = request.profile->customer;
  return fields;
}

void add_events(const OfferRequest& request, OfferDecision& decision) {
  if (decision.offers.empty()) return;
  auto shown = base_fields(request);
  auto ids = nlohmann::json::array();
  for (const auto& o : decision.offers)
    ids.push_back(o.offer);
  shown["offers"] = std::move(ids);
  shown["personalized"] = decision.personalized;
  shown["control_group"] = decision.control_group;
  decision.events.push_back({domain::event_type::kOffersShown, request.now, std::move(shown)});
  for (const auto& o : decision.offers) {
    if (!o.alternative) continue;
    auto alt = base_fields(request);
    alt["offer"] = o.offer;
    alt["sku"] = o.sku.value_or("");
    alt["alternative"] = o.alternative->sku;
    decision.events.push_back(
        {domain::event_type::kAlternativeSuggested, request.now, std::move(alt)});
  }
}

ShownOffer to_shown(Ranked r, const PersonalView& person, const domain::Profile* profile,
                    const OfferRequest& request) {
  const auto& offer = *r.offer;
  ShownOffer s;
  s.offer = offer.offer;
  s.title = offer.title;
  s.body = offer.body;
  s.benefit = offer.benefit;
  s.reasons = make_reasons(offer, r.choice ? &*r.choice : nullptr, person, profile, request.config,
                           request.now);
  if (r.choice) {
    s.sku = std::move(r.choice->sku);
    s.product = std::move(r.choice->product);
    s.stock = r.choice->stock;
    s.alternative = std::move(r.choice->alternative);
    s.nearby = std::move(r.choice->nearby);
  }
  return s;
}

}  // namespace

OfferDecision decide_offers(const OfferRequest& request, const CatalogView& store_catalog) {
  // Offers share categories and skus: each question goes to the store once.
  const MemoizedCatalog catalog(store_catalog);
  const auto& config = request.config;
  const domain::Profile* profile = request.profile ? &*request.profile : nullptr;
  const bool consent = profile != nullptr && profile->consents.personalization;

  OfferDecision decision;
  decision.control_group =
      consent && in_control_group(profile->customer, config.control_group_percent);
  decision.personalized = consent && !decision.control_group;
  const auto person = make_personal_view(profile, decision.personalized);

  // Offers are looked at one priority level at a time, best level first, and
  // only as far as the screen needs: once a level fills it, lower levels
  // cannot rank above it, so they are neither checked nor looked up. The
  // caller's offers usually come grouped by priority already (OffersCache
  // sorts them as ranks_before does); otherwise they are put in that order
  // here, by pointer.
  const auto by_priority = [](const domain::Offer& a, const domain::Offer& b) {
    return a.priority > b.priority;
  };
  const bool grouped = std::is_sorted(request.offers.begin(), request.offers.end(), by_priority);
  std::vector<const domain::Offer*> regrouped;
  if (!grouped) {
    regrouped.reserve(request.offers.size());
    for (const auto& offer : request.offers)
      regrouped.push_back(&offer);
    std::stable_sort(
        regrouped.begin(), regrouped.end(),
        [&](const domain::Offer* a, const domain::Offer* b) { return by_priority(*a, *b); });
  }
  const auto offer_at = [&](std::size_t i) -> const domain::Offer& {
    return grouped ? request.offers[i] : *regrouped[i];
  };
  const auto by_id = [](const Bounded& a, const Bounded& b) {
    return a.offer->offer < b.offer->offer;
  };

  // Within a level, offers are looked at best possible score first, and the
  // level ends once no offer left in it could take a place on the screen.
  // A deque: a Ranked carries a whole item choice, and growing a vector
  // would move every one of them again.
  std::deque<Ranked> ranked;
  std::vector<Bounded> level;
  for (std::size_t i = 0; i < request.offers.size();) {
    if (ranked.size() >= config.max_on_screen) break;
    const std::size_t room = config.max_on_screen - ranked.size();
    level.clear();
    for (const int priority = offer_at(i).priority;
         i < request.offers.size() && offer_at(i).priority == priority; ++i) {
      const auto& offer = offer_at(i);
      if (check_eligibility(offer, profile, decision.personalized,
                            shown_count(request, offer, profile),
                            request.now) == Exclusion::kNone) {
        level.push_back({&offer, 0.0});
      }
    }
    // Offer id order (ranks_before) before the bounds are sorted.
    if (!std::is_sorted(level.begin(), level.end(), by_id)) {
      std::stable_sort(level.begin(), level.end(), by_id);
    }
    for (auto& candidate : level)
      candidate.bound = match_score_bound(*candidate.offer, person);
    // Stable: equal bounds stay in offer id order.
    std::stable_sort(level.begin(), level.end(),
                     [](const Bounded& a, const Bounded& b) { return a.bound > b.bound; });
    LevelTop top(room);
    for (const auto& candidate : level) {
      if (top.cannot_enter(candidate)) break;
      const auto& offer = *candidate.offer;
      auto& r = ranked.emplace_back();
      r.offer = &offer;
      if (!store_wide(offer)) {
        r.choice = choose_item(offer, person, catalog, config, request.store, request.now);
        if (!r.choice) {
          ranked.pop_back();  // nobody here can get it
          continue;
        }
      }
      r.score = match_score(offer, r.choice ? &*r.choice : nullptr, person);
      top.add(r.score, offer.offer);
    }
  }
  // Sorted by index: a Ranked carries a whole item choice, costly to move.
  std::vector<std::size_t> order(ranked.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t ia, std::size_t ib) {
    const auto& a = ranked[ia];
    const auto& b = ranked[ib];
    if (a.offer->priority != b.offer->priority) return a.offer->priority > b.offer->priority;
    if (a.score != b.score) return a.score > b.score;
    return a.offer->offer < b.offer->offer;
  });
  if (order.size() > config.max_on_screen) order.resize(config.max_on_screen);

  for (const auto i : order) {
    decision.offers.push_back(to_shown(std::move(ranked[i]), person, profile, request));
  }
  add_events(request, decision);
  return decision;
}

bool ranks_before(const domain::Offer& a, const domain::Offer& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  return a.offer < b.offer;
}

OfferDecision decide_idle_offers(std::span<const domain::Offer> offers, const CatalogView& catalog,
                                 const OfferConfig& config, std::string store, std::string screen,
                                 TimePoint now) {
  OfferRequest request;
  request.offers = offers;
  request.config = config;
  request.store = std::move(store);
  request.screen = std::move(screen);
  request.now = now;
  return decide_offers(request, catalog);
}

}  // namespace witryna::core
