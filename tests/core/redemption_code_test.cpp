#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/redemption/code_decision.hpp"
#include "edge/core/redemption/offline_policy.hpp"
#include "edge/core/redemption/redemption_events.hpp"

namespace witryna::core {
namespace redemption_code_test {
namespace {

using domain::BenefitType;
using domain::CodeScope;
using std::chrono::milliseconds;
const TimePoint kNow = from_unix_seconds(1795000000);

domain::CodeRecord code(CodeScope scope, BenefitType type = BenefitType::kAmount,
                        std::int64_t value = 5000, int max_uses = 1) {
  domain::CodeRecord c;
  c.code_hash = "b0f74be349e50a61e2ffea5fe7ed56b26b8ec1ed9f76f69822f65c8f77266199";
  c.benefit = {type, value,
               type == BenefitType::kAmount ? std::optional<std::string>("PLN") : std::nullopt};
  c.customer = "C-000123";
  c.reason = "social";
  c.valid_to = kNow + std::chrono::hours(1);
  c.max_uses = max_uses;
  c.scope = scope;
  return c;
}

CodeContext ctx(std::optional<domain::CodeRecord> record, bool online, int uses = 0) {
  CodeContext c;
  c.record = std::move(record);
  c.uses = uses;
  c.online = online;
  c.offline = OfflinePolicy{5000, 10};
  c.offline_last_hour = 0;
  c.now = kNow;
  return c;
}

constexpr CodeDecision kShow{Outcome::kOk, CodeAction::kShow, false};
constexpr CodeDecision kShowOffline{Outcome::kOk, CodeAction::kShow, true};
constexpr CodeDecision kRedeem{Outcome::kOk, CodeAction::kRedeem, false};
constexpr CodeDecision kRedeemOffline{Outcome::kOk, CodeAction::kRedeemOffline, true};
constexpr CodeDecision kClaim{Outcome::kOk, CodeAction::kClaim, false};
constexpr CodeDecision refuse(Outcome o) {
  return {o, CodeAction::kRefuse, false};
}

struct Case {
  const char* name;
  CodeContext context;
  CodeDecision entry;
  CodeDecision confirm;
  CodeDecision timeout;
};

TEST(CodeDecision, EntryConfirmAndTimeout) {
  auto expired = ctx(code(CodeScope::kStore), true);
  expired.now = expired.record->valid_to;
  auto last_ms = ctx(code(CodeScope::kBrand), true);
  last_ms.now = last_ms.record->valid_to - milliseconds(1);
  auto over_value = ctx(code(CodeScope::kBrand, BenefitType::kAmount, 5001), false);
  auto hour_full = ctx(code(CodeScope::kBrand), false);
  hour_full.offline_last_hour = 10;
  auto hour_left = ctx(code(CodeScope::kBrand), false);
  hour_left.offline_last_hour = 9;
  auto never_offline = ctx(code(CodeScope::kBrand, BenefitType::kAmount, 1), false);
  never_offline.offline.max_value_minor = 0;
  const auto used = refuse(Outcome::kAlreadyUsed);
  const auto needs = refuse(Outcome::kNeedsOnline);

  const std::vector<Case> cases = {
      {"unknown", ctx(std::nullopt, true), refuse(Outcome::kUnknownCode),
       refuse(Outcome::kUnknownCode), refuse(Outcome::kUnknownCode)},
      {"expired at valid_to", expired, refuse(Outcome::kExpired), refuse(Outcome::kExpired),
       refuse(Outcome::kExpired)},
      {"valid 1 ms before valid_to", last_ms, kShow, kClaim, kRedeemOffline},
      {"used up", ctx(code(CodeScope::kStore), true, 1), used, used, used},
      {"max_uses 0", ctx(code(CodeScope::kStore, BenefitType::kAmount, 1, 0), true), used, used,
       used},
      {"2 of 3 used", ctx(code(CodeScope::kStore, BenefitType::kAmount, 1, 3), true, 2), kShow,
       kRedeem, kRedeem},
      {"store code online", ctx(code(CodeScope::kStore), true), kShow, kRedeem, kRedeem},
      {"store code offline: local truth",
       ctx(code(CodeScope::kStore, BenefitType::kPercent, 50), false), kShow, kRedeem, kRedeem},
      {"brand online", ctx(code(CodeScope::kBrand), true), kShow, kClaim, kRedeemOffline},
      {"brand offline at the value limit", ctx(code(CodeScope::kBrand), false), kShowOffline,
       kRedeemOffline, kRedeemOffline},
      {"brand offline over the value limit", over_value, needs, needs, needs},
      {"brand offline, hourly limit reached", hour_full, needs, needs, needs},
      {"brand offline, one left this hour", hour_left, kShowOffline, kRedeemOffline,
       kRedeemOffline},
      {"brand offline, offline disabled", never_offline, needs, needs, needs},
      {"brand percent offline", ctx(code(CodeScope::kBrand, BenefitType::kPercent, 1), false),
       needs, needs, needs},
      {"brand points offline", ctx(code(CodeScope::kBrand, BenefitType::kPoints, 2), false), needs,
       needs, needs},
      {"brand percent online", ctx(code(CodeScope::kBrand, BenefitType::kPercent, 30), true), kShow,
       kClaim, needs},
      {"brand used here already", ctx(code(CodeScope::kBrand), true, 1), used, used, used},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(decide_code_entry(c.context), c.entry) << c.name << " (entry)";
    EXPECT_EQ(decide_confirm(c.context), c.confirm) << c.name << " (confirm)";
    EXPECT_EQ(decide_claim_timeout(c.context), c.timeout) << c.name << " (timeout)";
  }
}

TEST(CodeDecision, OfflinePolicyEdges) {
  struct PolicyCase {
    const char* name;
    domain::Benefit benefit;
    OfflinePolicy policy;
    int last_hour;
    bool want;
  };
  const domain::Benefit amount5000{BenefitType::kAmount, 5000, "PLN"};
  const std::vector<PolicyCase> cases = {
      {"at value limit", amount5000, {5000, 3}, 0, true},
      {"one over value limit", {BenefitType::kAmount, 5001, "PLN"}, {5000, 3}, 0, false},
      {"zero amount", {BenefitType::kAmount, 0, "PLN"}, {5000, 3}, 0, true},
      {"negative amount", {BenefitType::kAmount, -1, "PLN"}, {5000, 3}, 0, false},
      {"max value 0 = never", {BenefitType::kAmount, 0, "PLN"}, {0, 3}, 0, false},
      {"per hour 0 = none", amount5000, {5000, 0}, 0, false},
      {"last one this hour", amount5000, {5000, 3}, 2, true},
      {"hour used up", amount5000, {5000, 3}, 3, false},
      {"percent never", {BenefitType::kPercent, 1, std::nullopt}, {1000000, 3}, 0, false},
      {"points never", {BenefitType::kPoints, 2, std::nullopt}, {1000000, 3}, 0, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(offline_allows(c.benefit, c.policy, c.last_hour), c.want) << c.name;
  }
}

TEST(CodeDecision, ClaimResultMapping) {
  struct ClaimCase {
    const char* text;
    ClaimResult result;
    CodeDecision want;
  };
  const std::vector<ClaimCase> cases = {
      {"granted", ClaimResult::kGranted, kRedeem},
      {"already_used", ClaimResult::kAlreadyUsed, refuse(Outcome::kAlreadyUsed)},
      {"unknown", ClaimResult::kUnknown, refuse(Outcome::kUnknownCode)},
      {"expired", ClaimResult::kExpired, refuse(Outcome::kExpired)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(claim_result_from(c.text), c.result) << c.text;
    EXPECT_STREQ(to_string(c.result), c.text);
    EXPECT_EQ(decide_claim_result(c.result), c.want) << c.text;
  }
  EXPECT_FALSE(claim_result_from("GRANTED"));
  EXPECT_FALSE(claim_result_from(""));
  EXPECT_FALSE(claim_result_from("maybe"));
}

TEST(CodeDecision, OutcomeNamesMatchTheScreenContract) {
  // The statuses these decisions give, spelled as screen-api.md `code.status`.
  const std::vector<std::pair<Outcome, const char*>> names = {
      {Outcome::kOk, "ok"},
      {Outcome::kUnknownCode, "unknown_code"},
      {Outcome::kExpired, "expired"},
      {Outcome::kAlreadyUsed, "already_used"},
      {Outcome::kNeedsOnline, "needs_online"},
  };
  for (const auto& [o, name] : names)
    EXPECT_EQ(to_string(o), name);
  std::set<std::string> actions;
  for (const auto a : {CodeAction::kShow, CodeAction::kRedeem, CodeAction::kRedeemOffline,
                       CodeAction::kClaim, CodeAction::kRefuse}) {
    actions.insert(to_string(a));
  }
  EXPECT_EQ(actions.size(), 5U);
  EXPECT_EQ(actions.count("?"), 0U);
}

TEST(CodeDecision, RedeemedAndRejectedEvents) {
  const auto c = code(CodeScope::kBrand);
  const auto redeemed = code_redeemed_event(c, "T2", true, kNow);
  EXPECT_EQ(redeemed.type, "code.redeemed");
  EXPECT_EQ(redeemed.at, kNow);
  EXPECT_EQ(redeemed.fields,
            (nlohmann::json{{"till", "T2"},
                            {"customer", "C-000123"},
                            {"code_hash", c.code_hash},
                            {"benefit", {{"type", "amount"}, {"value", 5000}, {"currency", "PLN"}}},
                            {"offline", true}}));

  const auto rejected =
      code_rejected_event("T2", Outcome::kInvalidCheck, std::nullopt, std::nullopt, kNow);
  EXPECT_EQ(rejected.type, "code.rejected");
  EXPECT_EQ(rejected.fields, (nlohmann::json{{"till", "T2"}, {"reason", "invalid_check"}}));

  const auto used = code_rejected_event("T1", Outcome::kAlreadyUsed, std::nullopt, c, kNow);
  EXPECT_EQ(used.fields.at("code_hash"), c.code_hash);
  EXPECT_EQ(used.fields.at("customer"), "C-000123");
  EXPECT_EQ(used.fields.at("reason"), "already_used");
}

}  // namespace
}  // namespace redemption_code_test
}  // namespace witryna::core
