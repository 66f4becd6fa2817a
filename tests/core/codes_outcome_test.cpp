// Outcome names are the contract's spelling (codes.md), one per enumerator.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "edge/core/codes/outcome.hpp"

namespace witryna::core {
namespace codes_outcome_test {
namespace {

TEST(Outcome, NamesAreTheContractNames) {
  const std::vector<std::pair<Outcome, std::string>> expected = {
      {Outcome::kCard, "card"},
      {Outcome::kUnknownCard, "unknown_card"},
      {Outcome::kInvalidCheckDigit, "invalid_check_digit"},
      {Outcome::kUnrecognized, "unrecognized"},
      {Outcome::kMalformed, "malformed"},
      {Outcome::kBadSignature, "bad_signature"},
      {Outcome::kUnknownKey, "unknown_key"},
      {Outcome::kExpired, "expired"},
      {Outcome::kNotYetValid, "not_yet_valid"},
      {Outcome::kLifetimeTooLong, "lifetime_too_long"},
      {Outcome::kReplayed, "replayed"},
      {Outcome::kUnknownCustomer, "unknown_customer"},
      {Outcome::kOk, "ok"},
      {Outcome::kUnknownCode, "unknown_code"},
      {Outcome::kAlreadyUsed, "already_used"},
      {Outcome::kNeedsOnline, "needs_online"},
      {Outcome::kInvalidCheck, "invalid_check"},
      {Outcome::kLocked, "locked"},
  };
  ASSERT_EQ(expected.size(), kAllOutcomes.size());
  for (const auto& [outcome, name] : expected) {
    EXPECT_EQ(to_string(outcome), name);
  }
}

TEST(Outcome, EveryNameIsUniqueAndParsesBack) {
  std::set<std::string_view> names;
  for (const Outcome o : kAllOutcomes) {
    EXPECT_TRUE(names.insert(to_string(o)).second) << to_string(o);
    EXPECT_EQ(outcome_from_string(to_string(o)), o);
  }
  for (const char* other : {"", "OK", "bad-signature", "granted", "unknown"}) {
    EXPECT_FALSE(outcome_from_string(other)) << other;
  }
}

TEST(Outcome, RejectCarriesTheName) {
  const Result<int> r = reject(Outcome::kInvalidCheck, "why");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), (Error{"invalid_check", "why"}));
}

}  // namespace
}  // namespace codes_outcome_test
}  // namespace witryna::core
