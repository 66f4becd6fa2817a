#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/redemption/ticket.hpp"

namespace witryna::core {
namespace redemption_ticket_test {
namespace {

using S = TicketState;
using T = TicketTrigger;

const std::vector<S> kStates = {S::kShown, S::kClaiming, S::kRedeemed, S::kRejected, S::kCancelled};
const std::vector<T> kTriggers = {T::kClaim, T::kRedeem, T::kReject, T::kCancel};

// Written out independently of ticket.cpp: the test fails if either changes alone.
const std::map<std::pair<S, T>, S> kExpected = {
    {{S::kShown, T::kClaim}, S::kClaiming},     {{S::kShown, T::kRedeem}, S::kRedeemed},
    {{S::kShown, T::kReject}, S::kRejected},    {{S::kShown, T::kCancel}, S::kCancelled},
    {{S::kClaiming, T::kRedeem}, S::kRedeemed}, {{S::kClaiming, T::kReject}, S::kRejected},
};

TEST(RedemptionTicket, EveryPairFollowsTheTable) {
  int refused = 0;
  for (const auto from : kStates) {
    for (const auto trigger : kTriggers) {
      const auto next = next_state(from, trigger);
      const auto it = kExpected.find({from, trigger});
      const std::string what = std::string(to_string(from)) + " + " + to_string(trigger);
      if (it == kExpected.end()) {
        ASSERT_FALSE(next) << what;
        EXPECT_EQ(next.error().code, kInvalidTransition) << what;
        EXPECT_NE(next.error().context.find(to_string(from)), std::string::npos) << what;
        ++refused;
      } else {
        ASSERT_TRUE(next) << what;
        EXPECT_EQ(*next, it->second) << what;
      }
    }
  }
  EXPECT_EQ(refused, 20 - 6);
  EXPECT_EQ(ticket_transitions().size(), kExpected.size());
}

TEST(RedemptionTicket, FinalStatesHaveNoWayOut) {
  for (const auto s : kStates) {
    bool any = false;
    for (const auto t : kTriggers)
      any = any || next_state(s, t).has_value();
    EXPECT_EQ(is_final(s), !any) << to_string(s);
  }
}

TEST(RedemptionTicket, ClaimingCannotBeCancelled) {
  EXPECT_FALSE(next_state(S::kClaiming, T::kCancel));
}

TEST(RedemptionTicket, ToStringIsCompleteAndDistinct) {
  std::set<std::string> names;
  for (const auto s : kStates)
    names.insert(to_string(s));
  EXPECT_EQ(names.size(), kStates.size());
  EXPECT_EQ(names.count("?"), 0U);
  names.clear();
  for (const auto t : kTriggers)
    names.insert(to_string(t));
  EXPECT_EQ(names.size(), kTriggers.size());
  EXPECT_EQ(names.count("?"), 0U);
}

TEST(RedemptionTicket, TriggerForAction) {
  EXPECT_EQ(trigger_for(CodeAction::kShow), std::nullopt);
  EXPECT_EQ(trigger_for(CodeAction::kRedeem), T::kRedeem);
  EXPECT_EQ(trigger_for(CodeAction::kRedeemOffline), T::kRedeem);
  EXPECT_EQ(trigger_for(CodeAction::kClaim), T::kClaim);
  EXPECT_EQ(trigger_for(CodeAction::kRefuse), T::kReject);
}

TEST(RedemptionTicket, ApplyMovesOrLeavesUntouched) {
  RedemptionTicket t;
  t.ticket = "tk-1";
  ASSERT_TRUE(apply(t, T::kClaim));
  EXPECT_EQ(t.state, S::kClaiming);
  EXPECT_FALSE(apply(t, T::kCancel));
  EXPECT_EQ(t.state, S::kClaiming);
  ASSERT_TRUE(apply(t, T::kRedeem));
  EXPECT_EQ(t.state, S::kRedeemed);
  // A late claim answer after the offline policy already redeemed it.
  EXPECT_FALSE(apply(t, T::kRedeem));
  EXPECT_FALSE(apply(t, T::kReject));
  EXPECT_EQ(t.state, S::kRedeemed);
}

}  // namespace
}  // namespace redemption_ticket_test
}  // namespace witryna::core
