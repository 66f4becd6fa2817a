// Seen jtis and code redemptions: single use across connections and threads.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace single_use_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::at;
using test::must;

json code(const std::string& hash, int max_uses, const char* scope = "store",
          std::int64_t ver = 1) {
  return {{"code_hash", hash},
          {"benefit", {{"type", "amount"}, {"value", 5000}, {"currency", "PLN"}}},
          {"valid_to", "2026-12-31T00:00:00Z"},
          {"max_uses", max_uses},
          {"scope", scope},
          {"ver", ver}};
}

class SingleUseTest : public test::StoreTest {
 protected:
  RedeemOutcome redeem(Database& db, const std::string& hash, const char* till, const char* ticket,
                       bool offline = false, const char* when = "2026-11-22T10:00:00Z") {
    auto tx = must(Transaction::begin(db, Durability::kFull));
    const auto r = must(record_redemption(tx, hash, till, ticket, at(when), offline));
    must(tx.commit());
    return r;
  }
};

TEST_F(SingleUseTest, AJtiIsAcceptedOnceUntilPurged) {
  auto a = open();
  auto b = open();
  EXPECT_TRUE(must(remember_jti(a, "q7Yd0cJx3T", at("2026-11-22T10:05:00Z"))));
  EXPECT_FALSE(must(remember_jti(a, "q7Yd0cJx3T", at("2026-11-22T10:05:00Z"))));
  EXPECT_FALSE(
      must(remember_jti(b, "q7Yd0cJx3T", at("2026-11-22T10:05:00Z"))));  // other connection
  EXPECT_TRUE(must(remember_jti(b, "other", at("2026-11-22T11:00:00Z"))));
  EXPECT_EQ(must(purge_jti(a, at("2026-11-22T10:04:59Z"))), 0);
  EXPECT_EQ(must(purge_jti(a, at("2026-11-22T10:05:01Z"))), 1);
  EXPECT_TRUE(must(remember_jti(a, "q7Yd0cJx3T", at("2026-11-22T10:10:00Z"))));
  EXPECT_FALSE(must(remember_jti(a, "other", at("2026-11-22T11:00:00Z"))));
}

TEST_F(SingleUseTest, RedemptionOutcomes) {
  auto db = open();
  live(db, Stream::kCodes, 1, json::array({code("one", 1), code("two", 2), code("gone", 1)}));
  live(db, Stream::kCodes, 2,
       json::array({{{"code_hash", "gone"}, {"ver", 2}, {"deleted", true}}}));
  EXPECT_EQ(redeem(db, "one", "T1", "k1"), RedeemOutcome::kRecorded);
  EXPECT_EQ(redeem(db, "one", "T1", "k1"), RedeemOutcome::kAlreadyRecorded);  // a retry
  EXPECT_EQ(redeem(db, "one", "T2", "k2"), RedeemOutcome::kExhausted);
  EXPECT_EQ(redeem(db, "two", "T1", "k1"), RedeemOutcome::kRecorded);
  EXPECT_EQ(redeem(db, "two", "T2", "k2"), RedeemOutcome::kRecorded);
  EXPECT_EQ(redeem(db, "two", "T3", "k3"), RedeemOutcome::kExhausted);
  EXPECT_EQ(redeem(db, "nope", "T1", "k1"), RedeemOutcome::kUnknownCode);
  EXPECT_EQ(redeem(db, "gone", "T1", "k1"), RedeemOutcome::kUnknownCode);
  EXPECT_EQ(must(redemption_uses(db, "one")), 1);
  EXPECT_EQ(must(redemption_uses(db, "two")), 2);
  EXPECT_STREQ(to_string(RedeemOutcome::kExhausted), "exhausted");
}

TEST_F(SingleUseTest, ARolledBackRedemptionDidNotHappen) {
  auto db = open();
  live(db, Stream::kCodes, 1, json::array({code("one", 1)}));
  {
    auto tx = must(Transaction::begin(db));
    EXPECT_EQ(must(record_redemption(tx, "one", "T1", "k1", at("2026-11-22T10:00:00Z"))),
              RedeemOutcome::kRecorded);
  }
  EXPECT_EQ(redeem(db, "one", "T2", "k2"), RedeemOutcome::kRecorded);
}

TEST_F(SingleUseTest, OfflineBrandRedemptionsAreCountedByTime) {
  auto db = open();
  live(db, Stream::kCodes, 1,
       json::array({code("b1", 1, "brand"), code("b2", 1, "brand"), code("b3", 1, "brand"),
                    code("s1", 1, "store")}));
  redeem(db, "b1", "T1", "k", true, "2026-11-22T09:00:00Z");
  redeem(db, "b2", "T1", "k", true, "2026-11-22T09:40:00Z");
  redeem(db, "b3", "T1", "k", false, "2026-11-22T09:50:00Z");  // online
  redeem(db, "s1", "T1", "k", true, "2026-11-22T09:55:00Z");   // store scope
  EXPECT_EQ(must(offline_brand_redemptions_since(db, at("2026-11-22T09:00:00Z"))), 2);
  EXPECT_EQ(must(offline_brand_redemptions_since(db, at("2026-11-22T09:00:00.001Z"))), 1);
}

TEST_F(SingleUseTest, TwoConnectionsRacingRedeemExactlyOnce) {
  constexpr int kRounds = 400;
  {
    auto setup = open();
    json codes = json::array();
    for (int i = 0; i < kRounds; ++i)
      codes.push_back(code(test::numbered("race-", i), 1));
    live(setup, Stream::kCodes, 1, codes);
  }
  std::barrier start(2);
  std::atomic<int> errors{0};
  std::vector<RedeemOutcome> outcomes[2];
  auto racer = [&](int who) {
    auto db = open_store(path());
    if (!db) {
      ++errors;
      start.arrive_and_drop();  // never leave the other racer waiting
      return;
    }
    const std::string till = test::numbered("T", who);
    for (int i = 0; i < kRounds; ++i) {
      start.arrive_and_wait();
      auto tx = Transaction::begin(*db, Durability::kNormal);
      if (!tx) {
        ++errors;
        continue;
      }
      auto r = record_redemption(*tx, test::numbered("race-", i), till, "ticket", TimePoint{});
      if (!r || !tx->commit()) {
        ++errors;
        continue;
      }
      outcomes[who].push_back(*r);
    }
  };
  std::thread a(racer, 0);
  std::thread b(racer, 1);
  a.join();
  b.join();
  ASSERT_EQ(errors.load(), 0);
  ASSERT_EQ(outcomes[0].size(), static_cast<std::size_t>(kRounds));
  ASSERT_EQ(outcomes[1].size(), static_cast<std::size_t>(kRounds));
  int wins[2] = {0, 0};
  for (int i = 0; i < kRounds; ++i) {
    const bool first = outcomes[0][i] == RedeemOutcome::kRecorded;
    const bool second = outcomes[1][i] == RedeemOutcome::kRecorded;
    EXPECT_NE(first, second) << "round " << i;
    EXPECT_EQ(first ? outcomes[1][i] : outcomes[0][i], RedeemOutcome::kExhausted) << "round " << i;
    wins[0] += first;
    wins[1] += second;
  }
  EXPECT_EQ(wins[0] + wins[1], kRounds);
  auto db = open();
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM code_redemptions")), kRounds);
}

}  // namespace
}  // namespace single_use_test
}  // namespace witryna::store
