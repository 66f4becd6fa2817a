#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/reservations/pickup.hpp"
#include "edge/core/reservations/reservation_transitions.hpp"

namespace witryna::core {
namespace reservation_pickup_test {
namespace {

using St = domain::ReservationStatus;
using Tr = ReservationTrigger;
using std::chrono::milliseconds;
const TimePoint kNow = from_unix_seconds(1795000000);
constexpr const char* kStore = "PL-WAW-001";

domain::Reservation reservation(St status, TimePoint hold_until, std::string store = kStore) {
  domain::Reservation r;
  r.reservation = "R-9001";
  r.customer = "C-000123";
  r.store = std::move(store);
  r.sku = "DRS-0042-M-RED";
  r.qty = 1;
  r.status = status;
  r.hold_until = hold_until;
  r.fitting_room = "3";
  r.ver = 4;
  return r;
}

TEST(ReservationPickup, Outcomes) {
  const auto later = kNow + std::chrono::hours(2);
  struct Case {
    const char* name;
    std::optional<domain::Reservation> r;
    PickupOutcome want;
  };
  const std::vector<Case> cases = {
      {"unknown", std::nullopt, PickupOutcome::kUnknownReservation},
      {"other store", reservation(St::kReady, later, "PL-WAW-002"), PickupOutcome::kWrongStore},
      {"held", reservation(St::kHeld, later), PickupOutcome::kPickedUp},
      {"ready", reservation(St::kReady, later), PickupOutcome::kPickedUp},
      {"ready, 1 ms before hold ends", reservation(St::kReady, kNow + milliseconds(1)),
       PickupOutcome::kPickedUp},
      {"ready, hold ends now", reservation(St::kReady, kNow), PickupOutcome::kExpired},
      {"held, past hold", reservation(St::kHeld, kNow - milliseconds(1)), PickupOutcome::kExpired},
      {"already picked up", reservation(St::kPickedUp, later), PickupOutcome::kAlreadyPickedUp},
      {"cancelled", reservation(St::kCancelled, later), PickupOutcome::kCancelled},
      {"expired", reservation(St::kExpired, later), PickupOutcome::kExpired},
  };
  for (const auto& c : cases) {
    const auto d = decide_pickup(c.r, kStore, "T2", kNow);
    EXPECT_EQ(d.outcome, c.want) << c.name;
    EXPECT_EQ(d.updated.has_value(), c.want == PickupOutcome::kPickedUp) << c.name;
    EXPECT_EQ(d.event.has_value(), c.want == PickupOutcome::kPickedUp) << c.name;
    EXPECT_STRNE(to_string(d.outcome), "?");
  }
}

TEST(ReservationPickup, PickedUpReservationAndEvent) {
  const auto r = reservation(St::kReady, kNow + std::chrono::hours(1));
  const auto d = decide_pickup(r, kStore, "T2", kNow);
  ASSERT_TRUE(d.updated && d.event);
  auto want = r;
  want.status = St::kPickedUp;
  EXPECT_EQ(*d.updated, want);  // same ver: central's next version decides
  EXPECT_EQ(d.event->type, "reservation.picked_up");
  EXPECT_EQ(d.event->at, kNow);
  EXPECT_EQ(d.event->fields, (nlohmann::json{{"reservation", "R-9001"},
                                             {"customer", "C-000123"},
                                             {"sku", "DRS-0042-M-RED"},
                                             {"qty", 1},
                                             {"till", "T2"}}));
  EXPECT_FALSE(decide_pickup(r, kStore, "", kNow).event->fields.contains("till"));
}

const std::vector<St> kStatuses = {St::kHeld, St::kReady, St::kPickedUp, St::kCancelled,
                                   St::kExpired};
const std::vector<Tr> kTriggers = {Tr::kMarkReady, Tr::kPickUp, Tr::kExpire, Tr::kCancel};

TEST(ReservationTransitions, EveryPairFollowsTheTable) {
  const std::map<std::pair<St, Tr>, St> expected = {
      {{St::kHeld, Tr::kMarkReady}, St::kReady},   {{St::kHeld, Tr::kPickUp}, St::kPickedUp},
      {{St::kReady, Tr::kPickUp}, St::kPickedUp},  {{St::kHeld, Tr::kExpire}, St::kExpired},
      {{St::kReady, Tr::kExpire}, St::kExpired},   {{St::kHeld, Tr::kCancel}, St::kCancelled},
      {{St::kReady, Tr::kCancel}, St::kCancelled},
  };
  int refused = 0;
  for (const auto from : kStatuses) {
    for (const auto t : kTriggers) {
      const auto next = next_status(from, t);
      const auto it = expected.find({from, t});
      const std::string what = std::string(domain::to_string(from)) + " + " + to_string(t);
      if (it == expected.end()) {
        ASSERT_FALSE(next) << what;
        EXPECT_EQ(next.error().code, "invalid_transition") << what;
        ++refused;
      } else {
        ASSERT_TRUE(next) << what;
        EXPECT_EQ(*next, it->second) << what;
      }
    }
  }
  EXPECT_EQ(refused, 20 - 7);
  EXPECT_EQ(reservation_transitions().size(), expected.size());
  for (const auto s : kStatuses) {
    bool any = false;
    for (const auto t : kTriggers)
      any = any || next_status(s, t).has_value();
    EXPECT_EQ(is_final(s), !any) << domain::to_string(s);
    EXPECT_EQ(is_open(s), any) << domain::to_string(s);
  }
  std::set<std::string> names;
  for (const auto t : kTriggers)
    names.insert(to_string(t));
  EXPECT_EQ(names.size(), kTriggers.size());
  EXPECT_EQ(names.count("?"), 0U);
}

}  // namespace
}  // namespace reservation_pickup_test
}  // namespace witryna::core
