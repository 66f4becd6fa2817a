#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "edge/core/reservations/expiry.hpp"

namespace witryna::core {
namespace reservation_expiry_test {
namespace {

using St = domain::ReservationStatus;
using std::chrono::milliseconds;
using std::chrono::minutes;
const TimePoint kNow = from_unix_seconds(1795000000);

domain::Reservation reservation(std::string id, St status, TimePoint hold_until) {
  domain::Reservation r;
  r.reservation = std::move(id);
  r.customer = "C-000123";
  r.store = "PL-WAW-001";
  r.sku = "DRS-0042-M-RED";
  r.qty = 2;
  r.status = status;
  r.hold_until = hold_until;
  r.ver = 7;
  return r;
}

std::vector<std::string> ids(const std::vector<domain::Reservation>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs)
    out.push_back(r.reservation);
  return out;
}

TEST(ReservationExpiry, DueAndNext) {
  const std::vector<domain::Reservation> all = {
      reservation("R-held-now", St::kHeld, kNow),                        // due: hold ends now
      reservation("R-ready-past", St::kReady, kNow - minutes(30)),       // due
      reservation("R-held-1ms", St::kHeld, kNow + milliseconds(1)),      // next
      reservation("R-ready-later", St::kReady, kNow + minutes(10)),      // later
      reservation("R-picked", St::kPickedUp, kNow - minutes(30)),        // final: ignored
      reservation("R-cancelled", St::kCancelled, kNow - minutes(30)),    // final: ignored
      reservation("R-expired", St::kExpired, kNow - minutes(30)),        // final: ignored
      reservation("R-picked-future", St::kPickedUp, kNow + minutes(1)),  // not a timer
  };
  const auto d = decide_expiry(all, kNow);
  EXPECT_EQ(ids(d.expired), (std::vector<std::string>{"R-held-now", "R-ready-past"}));
  for (const auto& r : d.expired) {
    EXPECT_EQ(r.status, St::kExpired);
    EXPECT_EQ(r.ver, 7);
  }
  ASSERT_EQ(d.events.size(), 2U);
  EXPECT_EQ(d.events[0].type, "reservation.expired");
  EXPECT_EQ(d.events[0].at, kNow);
  EXPECT_EQ(d.events[0].fields, (nlohmann::json{{"reservation", "R-held-now"},
                                                {"customer", "C-000123"},
                                                {"sku", "DRS-0042-M-RED"},
                                                {"qty", 2},
                                                {"hold_until", format_rfc3339(kNow)}}));
  EXPECT_EQ(d.events[1].fields.at("reservation"), "R-ready-past");
  EXPECT_EQ(d.next_expiry, kNow + milliseconds(1));
}

TEST(ReservationExpiry, Edges) {
  struct Case {
    const char* name;
    TimePoint hold_until;
    TimePoint now;
    bool expires;
  };
  const std::vector<Case> cases = {
      {"1 ms before", kNow, kNow - milliseconds(1), false},
      {"at hold_until", kNow, kNow, true},
      {"after", kNow, kNow + minutes(1), true},
  };
  for (const auto& c : cases) {
    const std::vector<domain::Reservation> one = {reservation("R-1", St::kHeld, c.hold_until)};
    const auto d = decide_expiry(one, c.now);
    EXPECT_EQ(d.expired.size(), c.expires ? 1U : 0U) << c.name;
    EXPECT_EQ(d.events.size(), d.expired.size()) << c.name;
    EXPECT_EQ(d.next_expiry.has_value(), !c.expires) << c.name;
  }
}

TEST(ReservationExpiry, NothingOpenMeansNoTimer) {
  const std::vector<domain::Reservation> done = {
      reservation("R-1", St::kPickedUp, kNow + minutes(5)),
      reservation("R-2", St::kCancelled, kNow + minutes(5))};
  const auto d = decide_expiry(done, kNow);
  EXPECT_TRUE(d.expired.empty());
  EXPECT_FALSE(d.next_expiry);
  EXPECT_FALSE(decide_expiry({}, kNow).next_expiry);
}

TEST(ReservationExpiry, RunningAgainAtNextExpiryMakesProgress) {
  std::vector<domain::Reservation> rs = {reservation("R-1", St::kHeld, kNow + minutes(1)),
                                         reservation("R-2", St::kReady, kNow + minutes(3))};
  auto d = decide_expiry(rs, kNow);
  ASSERT_EQ(d.next_expiry, kNow + minutes(1));
  d = decide_expiry(rs, *d.next_expiry);
  EXPECT_EQ(ids(d.expired), (std::vector<std::string>{"R-1"}));
  EXPECT_EQ(d.next_expiry, kNow + minutes(3));
}

}  // namespace
}  // namespace reservation_expiry_test
}  // namespace witryna::core
