#include "tools/central/claim_book.hpp"

#include <gtest/gtest.h>

namespace witryna::central {
namespace claim_book_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);  // 2026-11-18T11:06:40Z

Json code(const std::string& hash, const std::string& valid_to, int max_uses,
          const std::string& scope = "brand") {
  return {{"code_hash", hash},
          {"valid_to", valid_to},
          {"max_uses", max_uses},
          {"scope", scope},
          {"ver", 1},
          {"benefit", {{"type", "amount"}, {"value", 1}}}};
}

std::string claim(const std::string& id, const std::string& hash) {
  return Json{{"claim", id},
              {"device", "D1"},
              {"till", "T1"},
              {"code_hash", hash},
              {"at", "2026-11-18T11:06:40Z"}}
      .dump();
}

class ClaimBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    book.learn(code("valid", "2026-12-01T00:00:00Z", 1));
    book.learn(code("twice", "2026-12-01T00:00:00Z", 2));
    book.learn(code("old", "2026-11-01T00:00:00Z", 1));
    book.learn(code("local", "2026-12-01T00:00:00Z", 1, "store"));
  }
  std::string answer(const std::string& id, const std::string& hash) {
    auto a = book.answer(claim(id, hash), kNow);
    EXPECT_TRUE(a) << (a ? "" : a.error().code);
    return a ? a->result : "";
  }
  ClaimBook book;
};

TEST_F(ClaimBookTest, AnswersEveryResult) {
  EXPECT_EQ(answer("c1", "valid"), "granted");
  EXPECT_EQ(answer("c2", "valid"), "already_used");
  EXPECT_EQ(answer("c3", "nope"), "unknown");
  EXPECT_EQ(answer("c4", "old"), "expired");
  EXPECT_EQ(answer("c5", "twice"), "granted");
  EXPECT_EQ(answer("c6", "twice"), "granted");
  EXPECT_EQ(answer("c7", "twice"), "already_used");
}

TEST_F(ClaimBookTest, RetriedClaimGetsTheSameAnswerAndUsesNothing) {
  EXPECT_EQ(answer("c1", "valid"), "granted");
  auto again = book.answer(claim("c1", "valid"), kNow);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->result, "granted");
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(book.uses("valid"), 1);
  EXPECT_EQ(again->payload(), (Json{{"claim", "c1"}, {"result", "granted"}}));
}

TEST_F(ClaimBookTest, UseElsewhereAndOfflineRedemptionsCount) {
  EXPECT_TRUE(book.use_elsewhere("valid"));
  EXPECT_FALSE(book.use_elsewhere("nope"));
  EXPECT_EQ(answer("c1", "valid"), "already_used");

  // An online redemption of a brand code was counted at its claim already.
  book.redeemed({{"type", "code.redeemed"}, {"code_hash", "twice"}, {"offline", false}});
  EXPECT_EQ(book.uses("twice"), 0);
  book.redeemed({{"type", "code.redeemed"}, {"code_hash", "twice"}, {"offline", true}});
  EXPECT_EQ(book.uses("twice"), 1);
  // A store code never needs a claim: its redemption counts.
  book.redeemed({{"type", "code.redeemed"}, {"code_hash", "local"}, {"offline", false}});
  EXPECT_EQ(book.uses("local"), 1);
}

TEST_F(ClaimBookTest, ForgottenCodeIsUnknown) {
  book.learn({{"code_hash", "valid"}, {"ver", 2}, {"deleted", true}});
  EXPECT_EQ(answer("c1", "valid"), "unknown");
}

TEST_F(ClaimBookTest, BadClaimIsAnErrorAndCountsNothing) {
  for (const std::string payload : {"nope", R"({"code_hash":"valid"})", R"({"claim":"c1"})",
                                    R"({"claim":1,"code_hash":"valid"})"}) {
    EXPECT_FALSE(book.answer(payload, kNow)) << payload;
  }
  EXPECT_EQ(book.uses("valid"), 0);
}

}  // namespace
}  // namespace claim_book_test
}  // namespace witryna::central
