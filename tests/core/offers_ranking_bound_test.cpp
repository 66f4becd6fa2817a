// decide_offers stops ranking a priority level once no offer left in it can
// reach the screen (match_score_bound). These tables check that it shows
// exactly what ranking every offer would show.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/offers/decide_offers.hpp"
#include "edge/core/offers/eligibility.hpp"
#include "edge/core/offers/reasons.hpp"
#include "tests/support/fake_catalog.hpp"

namespace witryna::core {
namespace offers_ranking_bound_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

// Everything the screen shows of an offer, comparable in one EXPECT.
struct Shown {
  std::string offer;
  std::optional<std::string> sku;
  std::vector<std::string> reasons;
  std::optional<std::int64_t> available;
  bool alternative = false;
  std::size_t nearby = 0;
  friend bool operator==(const Shown&, const Shown&) = default;
};

std::ostream& operator<<(std::ostream& out, const Shown& s) {
  return out << s.offer << "/" << s.sku.value_or("-");
}

std::vector<Shown> shown(const OfferDecision& d) {
  std::vector<Shown> out;
  for (const auto& o : d.offers) {
    out.push_back({o.offer, o.sku, o.reasons,
                   o.stock ? std::optional<std::int64_t>(o.stock->available) : std::nullopt,
                   o.alternative.has_value(), o.nearby.size()});
  }
  return out;
}

test::FakeCatalog make_catalog() {
  test::FakeCatalog c;
  c.add(test::make_product("DRS-0010-M-BLK", "dresses", "M", 45000), 4)
      .add(test::make_product("DRS-0042-M-RED", "dresses", "M", 24999), 1)
      .add(test::make_product("DRS-0060-L-GRN", "dresses", "L", 12000), 9)
      .add(test::make_product("SHO-0001-40-BLK", "shoes", "40", 30000), 3)
      .add(test::make_product("SHO-0002-41-BLK", "shoes", "41", 31000, {"SHO-0001-40-BLK"}), 0)
      .add(test::make_product("BAG-0001-U-BRN", "bags", "U", 9000), 2)
      .add(test::make_product("HAT-0001-U-RED", "hats", "U", 5000));  // no stock anywhere
  return c;
}

// A level of many offers of every kind: categories the customer likes or
// not, fixed skus, store-wide, out of stock with an alternative, nothing to
// show at all; `priorities` spreads them over that many levels.
std::vector<domain::Offer> make_offers(int count, int priorities) {
  const std::vector<std::string> categories = {"dresses", "shoes", "bags", "", "hats", ""};
  std::vector<domain::Offer> out;
  for (int i = 0; i < count; ++i) {
    auto o = test::make_offer("OF-" + std::to_string(100 + i), kNow, i % priorities);
    const auto& category = categories[static_cast<std::size_t>(i) % categories.size()];
    o.category = category;
    if (category.empty() && i % 4 == 3) o.skus = {"SHO-0002-41-BLK"};
    if (category.empty() && i % 4 == 1) o.skus = {"DRS-0042-M-RED", "BAG-0001-U-BRN"};
    out.push_back(std::move(o));
  }
  return out;
}

domain::Profile person(bool consent) {
  domain::Profile p;
  p.customer = "C-000777";
  p.segment = "active";
  p.tier = "silver";
  p.consents.personalization = consent;
  p.preferences.sizes = {"M", "40"};
  p.preferences.categories = {"dresses"};
  p.preferences.budget_minor = 30000;
  p.affinities = {{"shoes", 0.9}, {"bags", 0.4}, {"dresses", 0.2}};
  p.recent = {{"BAG-0001-U-BRN", "web", kNow - std::chrono::hours(3), "viewed"}};
  return p;
}

TEST(OfferRankingBound, ShowsWhatRankingEveryOfferShows) {
  auto equal_affinities = person(true);
  equal_affinities.affinities = {{"shoes", 0.5}, {"bags", 0.5}, {"dresses", 0.5}};
  auto bare = person(true);
  bare.preferences = {};
  bare.affinities = {};
  bare.recent = {};
  auto over_one = person(true);
  over_one.affinities = {{"shoes", 3.0}, {"", 0.7}};

  struct Case {
    const char* name;
    std::optional<domain::Profile> profile;
    int priorities;
  };
  const std::vector<Case> cases = {
      {"anonymous, one level", std::nullopt, 1},
      {"no consent, one level", person(false), 1},
      {"consent, one level", person(true), 1},
      {"consent, three levels", person(true), 3},
      {"consent, equal affinities (ties by id)", equal_affinities, 1},
      {"consent, no preferences at all (all scores 0)", bare, 1},
      {"consent, affinities out of range", over_one, 2},
      {"anonymous, three levels", std::nullopt, 3},
  };
  const auto catalog = make_catalog();
  for (const auto& c : cases) {
    for (const int count : {1, 5, 12, 33}) {
      const auto offers = make_offers(count, c.priorities);
      OfferRequest request;
      request.profile = c.profile;
      request.offers = offers;
      request.store = "PL-WAW-001";
      request.now = kNow;
      request.config.max_on_screen = offers.size();  // the whole ranking
      const auto all = shown(decide_offers(request, catalog));
      for (const std::size_t max : {1U, 2U, 3U, 4U, 6U}) {
        request.config.max_on_screen = max;
        const auto want = std::vector<Shown>(
            all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(max, all.size())));
        EXPECT_EQ(shown(decide_offers(request, catalog)), want)
            << c.name << ", " << count << " offers, max " << max;
      }
    }
  }
}

// decide_offers checks eligibility one priority level at a time and only
// while the screen has room: it must show what filtering every offer first
// and ranking the eligible ones shows, whatever order the offers come in.
TEST(OfferRankingBound, LevelByLevelEligibilityShowsWhatFilteringEveryOfferShows) {
  const auto catalog = make_catalog();
  auto offers = make_offers(40, 4);
  // Every rule of check_eligibility, spread over the levels (i % 4).
  for (std::size_t i = 0; i < offers.size(); ++i) {
    auto& o = offers[i];
    switch (i % 7) {
      case 1:
        o.valid_to = kNow;  // ended
        break;
      case 2:
        o.valid_from = kNow + std::chrono::hours(1);  // not yet valid
        break;
      case 3:
        o.segments =
            i % 2 == 0 ? std::vector<std::string>{"active"} : std::vector<std::string>{"lapsed"};
        break;
      case 4:
        o.tiers = {"gold"};
        break;
      case 5:
        o.max_per_day = 2;
        break;
      case 6:
        o.personalized = true;
        break;
      default:
        break;
    }
  }
  // The whole top level (priority 3) ends: the screen comes from below.
  for (auto& o : offers) {
    if (o.priority == 3) o.valid_to = kNow - std::chrono::hours(1);
  }
  std::map<std::string, int, std::less<>> shown_today;
  for (std::size_t i = 0; i < offers.size(); i += 3)
    shown_today[offers[i].offer] = 2;

  auto ranked = offers;
  std::stable_sort(ranked.begin(), ranked.end(), ranks_before);
  auto reversed = ranked;
  std::reverse(reversed.begin(), reversed.end());
  auto rotated = ranked;
  std::rotate(rotated.begin(), rotated.begin() + 7, rotated.end());
  auto ids_reversed = ranked;  // grouped by priority, ids descending
  std::stable_sort(ids_reversed.begin(), ids_reversed.end(),
                   [](const domain::Offer& a, const domain::Offer& b) {
                     if (a.priority != b.priority) return a.priority > b.priority;
                     return a.offer > b.offer;
                   });

  auto mixed = ranked;  // by the id's last digit first: ids out of order within a level
  std::stable_sort(mixed.begin(), mixed.end(), [](const domain::Offer& a, const domain::Offer& b) {
    return std::string(a.offer.rbegin(), a.offer.rend()) <
           std::string(b.offer.rbegin(), b.offer.rend());
  });

  for (const auto& profile : {std::optional<domain::Profile>(), std::optional(person(false)),
                              std::optional(person(true))}) {
    for (const std::size_t max : {1U, 3U, 4U, 40U}) {
      OfferRequest request;
      request.profile = profile;
      request.store = "PL-WAW-001";
      request.now = kNow;
      request.shown_today = shown_today;
      request.config.max_on_screen = max;

      // The full scan: every offer checked, the eligible ones ranked.
      const auto base = decide_offers(request, catalog);  // for `personalized`
      std::vector<domain::Offer> eligible;
      const auto* p = profile ? &*profile : nullptr;
      for (const auto& o : ranked) {
        const auto it = shown_today.find(o.offer);
        if (check_eligibility(o, p, base.personalized, it == shown_today.end() ? 0 : it->second,
                              kNow) == Exclusion::kNone) {
          eligible.push_back(o);
        }
      }
      request.offers = eligible;
      const auto want = shown(decide_offers(request, catalog));
      const std::string name = (profile ? profile->customer : "anonymous") +
                               (base.personalized ? " personalized" : "") + ", max " +
                               std::to_string(max);
      ASSERT_FALSE(want.empty()) << name;
      for (const auto* order : {&offers, &ranked, &reversed, &rotated, &ids_reversed, &mixed}) {
        request.offers = *order;
        EXPECT_EQ(shown(decide_offers(request, catalog)), want) << name;
      }
    }
  }
}

TEST(OfferRankingBound, StopsLookingOnceTheScreenIsDecided) {
  // Twelve category offers in one level; without consent all score 0 and the
  // first four by id that can be shown fill the screen.
  const auto catalog = make_catalog();
  std::vector<domain::Offer> offers;
  for (int i = 0; i < 12; ++i) {
    auto o = test::make_offer("OF-" + std::to_string(10 + i), kNow, 1);
    o.category = i < 4 ? "dresses" : "shoes";
    offers.push_back(std::move(o));
  }
  OfferRequest request;
  request.profile = person(false);
  request.offers = offers;
  request.now = kNow;
  request.config.max_on_screen = 4;
  const auto d = decide_offers(request, catalog);
  ASSERT_EQ(d.offers.size(), 4U);
  EXPECT_EQ(d.offers.back().offer, "OF-13");
  EXPECT_EQ(catalog.category_queries(), 1) << "shoes never asked for";
}

TEST(OfferRankingBound, BoundIsAtLeastEveryScore) {
  const auto profile = person(true);
  const auto view = make_personal_view(&profile, true);
  const auto catalog = make_catalog();
  const MemoizedCatalog memo(catalog);
  for (const auto& offer : make_offers(24, 1)) {
    const double bound = match_score_bound(offer, view);
    if (offer.skus.empty() && offer.category.empty()) {
      EXPECT_EQ(bound, match_score(offer, nullptr, view)) << offer.offer;
      continue;
    }
    const auto choice = choose_item(offer, view, memo, OfferConfig{}, "PL-WAW-001", kNow);
    if (choice) {
      EXPECT_LE(match_score(offer, &*choice, view), bound) << offer.offer;
    }
  }
  EXPECT_EQ(match_score_bound(make_offers(1, 1).front(), make_personal_view(&profile, false)), 0.0);
}

}  // namespace
}  // namespace offers_ranking_bound_test
}  // namespace witryna::core
