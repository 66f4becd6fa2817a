// Checkout through the real socket: code entry, redemption exactly once,
// lockout, offline policy, online claims, the outbox bound.
#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <set>

#include "edge/core/codes/app_code.hpp"
#include "edge/crypto/sha256.hpp"
#include "tests/app/app_world.hpp"

namespace witryna::app::test {
namespace checkout_test {
namespace {

std::optional<json> code_view(Screen& s, const std::string& status) {
  return s.view_until(
      [&](const json& v) { return v["mode"] == "code" && v["code"]["status"] == status; });
}

TEST(CheckoutTest, StoreCodeIsShownThenRedeemedOnceWithItsEvent) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  EXPECT_EQ(till->last_view()->at("mode"), "pickups");  // a checkout rests on today's pickups
  auto r = till->act("code.enter", {{"code", "7k3m 9q2d j"}});
  ASSERT_EQ(r["ok"], true) << r.dump();
  auto v = code_view(*till, "ok");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["code"]["benefit"]["value"], 5000);
  EXPECT_EQ((*v)["code"]["customer"], "C-000123");
  EXPECT_EQ((*v)["code"]["redeemed"], false);
  const std::string ticket = (*v)["code"]["ticket"];
  EXPECT_TRUE(world.events_of("code.redeemed").empty());  // nothing before the cashier confirms

  ASSERT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["ok"], true);
  auto done = till->view_until(
      [](const json& x) { return x["code"].is_object() && x["code"]["redeemed"] == true; });
  ASSERT_TRUE(done);
  // A retried confirmation of the same ticket is the same answer, not a second use.
  EXPECT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["ok"], true);
  auto redeemed = world.events_of("code.redeemed");
  ASSERT_EQ(redeemed.size(), 1u);
  EXPECT_EQ(redeemed[0]["till"], "T1");
  EXPECT_EQ(redeemed[0]["code_hash"], crypto::sha256_hex("7K3M9Q2DJ"));
  EXPECT_EQ(redeemed[0]["offline"], false);
  EXPECT_EQ(redeemed[0].dump().find("7K3M"), std::string::npos);

  auto again = till->act("code.enter", {{"code", "7K3M-9Q2D-J"}});
  EXPECT_EQ(again["error"], "already_used");
  EXPECT_TRUE(code_view(*till, "already_used"));
}

TEST(CheckoutTest, OutcomesForUnknownExpiredMalformedAndBadCheck) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ZZZZ-ZZZZ-8", "expired"},
      {"7K3M-9Q2D-K", "invalid_check"},
      {"7K3M-9Q2", "malformed"},
      {"HJKM-NPQR-4", "needs_online"},  // brand, percent: never offline
  };
  for (const auto& [typed, status] : cases) {
    auto r = till->act("code.enter", {{"code", typed}});
    EXPECT_EQ(r["ok"], false) << typed;
    EXPECT_EQ(r["error"], status) << typed;
    auto v = code_view(*till, status);
    ASSERT_TRUE(v) << typed;
    EXPECT_TRUE((*v)["code"]["benefit"].is_null()) << typed;
  }
  EXPECT_EQ(world.events_of("code.rejected").size(), cases.size());
}

TEST(CheckoutTest, CancelLeavesTheCodeUnused) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  ASSERT_EQ(till->act("code.enter", {{"code", "7K3M-9Q2D-J"}})["ok"], true);
  const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
  ASSERT_EQ(till->act("redeem.cancel", {{"ticket", ticket}})["ok"], true);
  EXPECT_TRUE(till->view_mode("pickups"));
  EXPECT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["error"], "unknown_ticket");
  EXPECT_TRUE(world.events_of("code.redeemed").empty());
  EXPECT_EQ(till->act("code.enter", {{"code", "7K3M-9Q2D-J"}})["ok"], true);
}

TEST(CheckoutTest, FiveWrongCodesLockThatTillOnly) {
  AppWorld world;
  auto t1 = world.screen("checkout-1", "checkout", "T1");
  auto t2 = world.screen("checkout-2", "checkout", "T2");
  const std::vector<std::string> guesses = {"0000-0000-0", "7K3M-9Q2D-K", "1111-1111-1",
                                            "7K3M-9Q2D-M", "2222-2222-2"};
  for (const auto& g : guesses) {
    auto r = t1->act("code.enter", {{"code", g}});
    EXPECT_EQ(r["ok"], false) << g;
    EXPECT_NE(r["error"], "locked") << g;
  }
  // Even the right code is refused now at T1 …
  auto locked = t1->act("code.enter", {{"code", "7K3M-9Q2D-J"}});
  EXPECT_EQ(locked["error"], "locked");
  EXPECT_TRUE(code_view(*t1, "locked"));
  // … but not at another till.
  EXPECT_EQ(t2->act("code.enter", {{"code", "7K3M-9Q2D-J"}})["ok"], true);
}

TEST(CheckoutTest, BrandCodeWithinTheOfflinePolicyIsRedeemedOffline) {
  AppWorld world;
  auto till = world.screen("checkout-1", "checkout", "T1");
  ASSERT_EQ(till->act("code.enter", {{"code", "A1B2-C3D4-Y"}})["ok"], true);
  const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
  ASSERT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["ok"], true);
  auto redeemed = world.events_of("code.redeemed");
  ASSERT_EQ(redeemed.size(), 1u);
  EXPECT_EQ(redeemed[0]["offline"], true);
}

// An online claims port answering what the test says, always through post.
class ScriptedClaims final : public core::CodeClaims {
 public:
  ScriptedClaims(boost::asio::io_context& io, std::optional<core::ClaimResult> answer)
      : io_(io), answer_(answer) {}
  bool online() const override { return true; }
  void claim(const core::ClaimRequest&, core::ClaimDone done) override {
    boost::asio::post(io_, [done = std::move(done), a = answer_] { done(a); });
  }

 private:
  boost::asio::io_context& io_;
  std::optional<core::ClaimResult> answer_;
};

TEST(CheckoutTest, BrandCodeOnlineIsRedeemedOnlyWhenCentralGrantsIt) {
  {
    AppWorld world(default_options(), true, [](boost::asio::io_context& io) {
      return std::make_unique<ScriptedClaims>(io, core::ClaimResult::kGranted);
    });
    auto till = world.screen("checkout-1", "checkout", "T1");
    ASSERT_EQ(till->act("code.enter", {{"code", "HJKM-NPQR-4"}})["ok"], true);  // online: ok
    const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
    ASSERT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["ok"], true);
    auto redeemed = world.events_of("code.redeemed");
    ASSERT_EQ(redeemed.size(), 1u);
    EXPECT_EQ(redeemed[0]["offline"], false);
  }
  {
    AppWorld world(default_options(), true, [](boost::asio::io_context& io) {
      return std::make_unique<ScriptedClaims>(io, core::ClaimResult::kAlreadyUsed);
    });
    auto till = world.screen("checkout-1", "checkout", "T1");
    ASSERT_EQ(till->act("code.enter", {{"code", "HJKM-NPQR-4"}})["ok"], true);
    const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
    EXPECT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["error"], "already_used");
    EXPECT_TRUE(world.events_of("code.redeemed").empty());
  }
  {
    // No answer (nullopt): the offline policy decides; a percent benefit needs online.
    AppWorld world(default_options(), true, [](boost::asio::io_context& io) {
      return std::make_unique<ScriptedClaims>(io, std::nullopt);
    });
    auto till = world.screen("checkout-1", "checkout", "T1");
    ASSERT_EQ(till->act("code.enter", {{"code", "HJKM-NPQR-4"}})["ok"], true);
    const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
    EXPECT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["error"], "needs_online");
    EXPECT_TRUE(world.events_of("code.redeemed").empty());
  }
}

TEST(CheckoutTest, PastTheOutboxBoundNewRedemptionsAreRefusedClearly) {
  auto options = default_options();
  options.outbox.max_bytes = 1;  // any undroppable event fills it
  AppWorld world(options);
  auto till = world.screen("checkout-1", "checkout", "T1");
  ASSERT_EQ(till->act("code.enter", {{"code", "7K3M-9Q2D-J"}})["ok"], true);
  const std::string ticket = (*code_view(*till, "ok"))["code"]["ticket"];
  ASSERT_EQ(till->act("redeem.confirm", {{"ticket", ticket}})["ok"], true);
  auto r = till->act("code.enter", {{"code", "A1B2-C3D4-Y"}});
  EXPECT_EQ(r["error"], "outbox_full");
  auto v = till->view_mode("message");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["message"]["code"], "outbox_full");
  EXPECT_EQ(world.events_of("code.redeemed").size(), 1u);
}

TEST(CheckoutTest, TwoTillsConfirmingOneCodeAtTheSameInstantOneWinsEveryRound) {
  constexpr int kRounds = 50;
  AppWorld world;
  std::vector<std::string> typed;
  json items = json::array();
  for (int i = 0; i < kRounds; ++i) {
    char data[9];
    std::snprintf(data, sizeof data, "R%07d", i);
    const auto code = must(core::make_app_code(data));
    typed.push_back(core::format_app_code(code));
    items.push_back({{"code_hash", crypto::sha256_hex(code)},
                     {"benefit", {{"type", "amount"}, {"value", 1000}, {"currency", "PLN"}}},
                     {"customer", "C-000123"},
                     {"reason", "race"},
                     {"valid_to", iso_from_now(std::chrono::hours(24))},
                     {"max_uses", 1},
                     {"scope", "store"},
                     {"ver", 1}});
  }
  world.central("codes", items);
  auto t1 = world.screen("checkout-1", "checkout", "T1");
  auto t2 = world.screen("checkout-2", "checkout", "T2");
  int wins_t1 = 0;
  for (int i = 0; i < kRounds; ++i) {
    ASSERT_EQ(t1->act("code.enter", {{"code", typed[i]}})["ok"], true) << i;
    ASSERT_EQ(t2->act("code.enter", {{"code", typed[i]}})["ok"], true) << i;
    const std::string k1 = (*t1->view_until([](const json& v) {
      return v["mode"] == "code" && v["code"]["status"] == "ok" && v["code"]["redeemed"] == false;
    }))["code"]["ticket"];
    const std::string k2 = (*t2->view_until([](const json& v) {
      return v["mode"] == "code" && v["code"]["status"] == "ok" && v["code"]["redeemed"] == false;
    }))["code"]["ticket"];
    // Both lines leave before either answer is read.
    const std::string c1 = json{{"action", "redeem.confirm"}, {"id", "c1"}, {"ticket", k1}}.dump();
    const std::string c2 = json{{"action", "redeem.confirm"}, {"id", "c2"}, {"ticket", k2}}.dump();
    if (i % 2 == 0) {
      ASSERT_TRUE(t1->client().send_line(c1));
      ASSERT_TRUE(t2->client().send_line(c2));
    } else {
      ASSERT_TRUE(t2->client().send_line(c2));
      ASSERT_TRUE(t1->client().send_line(c1));
    }
    auto r1 = t1->wait_result("c1");
    auto r2 = t2->wait_result("c2");
    ASSERT_TRUE(r1 && r2) << i;
    const bool ok1 = (*r1)["ok"] == true;
    const bool ok2 = (*r2)["ok"] == true;
    ASSERT_NE(ok1, ok2) << "round " << i << ": " << r1->dump() << " " << r2->dump();
    EXPECT_EQ(ok1 ? (*r2)["error"] : (*r1)["error"], "already_used") << i;
    wins_t1 += ok1 ? 1 : 0;
  }
  auto redeemed = world.events_of("code.redeemed");
  ASSERT_EQ(redeemed.size(), static_cast<std::size_t>(kRounds));
  std::set<std::string> hashes;
  for (const auto& e : redeemed)
    hashes.insert(e["code_hash"].get<std::string>());
  EXPECT_EQ(hashes.size(), static_cast<std::size_t>(kRounds));
  // Whoever sent first won: both tills won some rounds.
  EXPECT_GT(wins_t1, 0);
  EXPECT_LT(wins_t1, kRounds);
}

}  // namespace
}  // namespace checkout_test
}  // namespace witryna::app::test
