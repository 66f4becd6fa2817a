// App-token claims and time rules (codes.md §2), as pure functions of (claims, now).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "edge/core/codes/app_token.hpp"

namespace witryna::core {
namespace codes_app_token_test {
namespace {

// Signature plumbing is tested in codes_jws_test; here every signature from
// kid "k1" is good, so only the claims and times decide.
class TrustK1 final : public SignatureVerifier {
 public:
  Verdict verify(std::string_view kid, std::string_view,
                 std::span<const std::uint8_t>) const override {
    return kid == "k1" ? Verdict::kOk : Verdict::kUnknownKey;
  }
};
class ZeroSigner final : public JwsSigner {
 public:
  Result<std::vector<std::uint8_t>> sign(std::string_view) const override {
    return std::vector<std::uint8_t>(64, 0);
  }
};

constexpr std::int64_t kIat = 1795000000;
const AppTokenClaims kClaims{"C-000123", AppTokenType::kId, "", kIat, kIat + 300, "q7Yd0cJx3T"};

std::string token_for(std::string_view claims_json, std::string_view kid = "k1") {
  auto t = sign_jws(eddsa_header_json(kid), claims_json, ZeroSigner());
  EXPECT_TRUE(t);
  return t ? *t : std::string();
}

template <typename T>
std::optional<Outcome> failure(const Result<T>& r) {
  if (r) return std::nullopt;
  return outcome_from_string(r.error().code);
}

TEST(AppToken, ClaimsJsonIsTheContractText) {
  EXPECT_EQ(
      app_token_claims_json(kClaims),
      R"({"sub":"C-000123","typ":"id","iat":1795000000,"exp":1795000300,"jti":"q7Yd0cJx3T"})");
  AppTokenClaims res = kClaims;
  res.typ = AppTokenType::kRes;
  res.res = "R-9001";
  EXPECT_EQ(
      app_token_claims_json(res),
      R"({"sub":"C-000123","typ":"res","res":"R-9001","iat":1795000000,"exp":1795000300,"jti":"q7Yd0cJx3T"})");
}

TEST(AppToken, ParsesGoodClaims) {
  const std::vector<std::pair<std::string, AppTokenClaims>> rows = {
      {R"({"sub":"C-1","typ":"id","iat":10,"exp":20,"jti":"j"})",
       {"C-1", AppTokenType::kId, "", 10, 20, "j"}},
      {R"({"sub":"C-1","typ":"svc","iat":10,"exp":10,"jti":"j","extra":[1,2]})",
       {"C-1", AppTokenType::kSvc, "", 10, 10, "j"}},
      {R"({"sub":"C-1","typ":"res","res":"R-9001","iat":0,"exp":700,"jti":"j"})",
       {"C-1", AppTokenType::kRes, "R-9001", 0, 700, "j"}},
      {R"({"sub":"C-1","typ":"id","res":"ignored","iat":10,"exp":20,"jti":"j"})",
       {"C-1", AppTokenType::kId, "", 10, 20, "j"}},
  };
  for (const auto& [json, expected] : rows) {
    const auto claims = parse_app_token_claims(nlohmann::json::parse(json));
    ASSERT_TRUE(claims) << json << ": " << claims.error().context;
    EXPECT_EQ(*claims, expected) << json;
  }
}

TEST(AppToken, BrokenClaimsAreMalformed) {
  for (const char* json : {
           R"({"typ":"id","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"","typ":"id","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":5,"typ":"id","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"ID","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"update","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"res","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"res","res":"","iat":10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"id","exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":10,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":"10","exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":10.5,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":-10,"exp":20,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":10,"exp":18446744073709551615,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":10,"exp":253402300800,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":20,"exp":10,"jti":"j"})",
           R"({"sub":"C","typ":"id","iat":10,"exp":20})",
           R"({"sub":"C","typ":"id","iat":10,"exp":20,"jti":""})",
           R"([])",
       }) {
    EXPECT_EQ(failure(parse_app_token_claims(nlohmann::json::parse(json))), Outcome::kMalformed)
        << json;
  }
}

struct TimeRow {
  std::int64_t iat;
  std::int64_t exp;
  TimePoint now;
  Outcome expected;
};

TEST(AppToken, TimeRules) {
  const auto at = [](std::int64_t s, std::int64_t ms = 0) {
    return from_unix_seconds(s) + Millis(ms);
  };
  const std::vector<TimeRow> rows = {
      {kIat, kIat + 300, at(1795000100), Outcome::kOk},       // the contract vector
      {kIat, kIat + 300, at(1795000400), Outcome::kExpired},  // the contract vector
      {kIat, kIat + 300, at(kIat - 60), Outcome::kOk},        // skew, inclusive
      {kIat, kIat + 300, at(kIat - 61, 999), Outcome::kNotYetValid},
      {kIat, kIat + 300, at(kIat + 360), Outcome::kOk},  // skew, inclusive
      {kIat, kIat + 300, at(kIat + 360, 1), Outcome::kExpired},
      {kIat, kIat + 600, at(kIat), Outcome::kOk},  // longest lifetime
      {kIat, kIat + 601, at(kIat), Outcome::kLifetimeTooLong},
      {kIat, kIat + 601, at(kIat + 10000), Outcome::kLifetimeTooLong},  // lifetime first
      {kIat, kIat, at(kIat + 60), Outcome::kOk},
      {kIat, kIat, at(kIat + 61), Outcome::kExpired},
  };
  for (const auto& row : rows) {
    AppTokenClaims claims = kClaims;
    claims.iat = row.iat;
    claims.exp = row.exp;
    EXPECT_EQ(check_app_token_times(claims, row.now), row.expected)
        << row.iat << " " << row.exp << " " << format_rfc3339(row.now);
  }
}

TEST(AppToken, VerifyReturnsWhatTheWorkflowNeeds) {
  const auto t = verify_app_token(token_for(app_token_claims_json(kClaims)), TrustK1(),
                                  from_unix_seconds(1795000100));
  ASSERT_TRUE(t) << t.error().code;
  EXPECT_EQ(t->kid, "k1");
  EXPECT_EQ(t->claims, kClaims);
  EXPECT_EQ(t->remember_jti_until(), from_unix_seconds(kIat + 300 + 60));
}

TEST(AppToken, VerifyOutcomes) {
  const auto now = from_unix_seconds(kIat + 100);
  AppTokenClaims long_lived = kClaims;
  long_lived.exp = kIat + 3600;
  AppTokenClaims future = kClaims;
  future.iat = kIat + 200;
  future.exp = kIat + 500;
  AppTokenClaims old = kClaims;
  old.iat = kIat - 1000;
  old.exp = kIat - 700;
  const std::vector<std::pair<std::string, Outcome>> rows = {
      {token_for(app_token_claims_json(long_lived)), Outcome::kLifetimeTooLong},
      {token_for(app_token_claims_json(future)), Outcome::kNotYetValid},
      {token_for(app_token_claims_json(old)), Outcome::kExpired},
      {token_for(app_token_claims_json(kClaims), "k2"), Outcome::kUnknownKey},
      {token_for(R"({"sub":"C","typ":"id"})"), Outcome::kMalformed},
      {token_for("[]"), Outcome::kMalformed},
      {"a.b", Outcome::kBadSignature},
  };
  for (const auto& [token, outcome] : rows) {
    EXPECT_EQ(failure(verify_app_token(token, TrustK1(), now)), outcome) << token;
  }
}

TEST(AppToken, LongerThan4096BytesIsMalformed) {
  AppTokenClaims big = kClaims;
  big.jti = std::string(2800, 'x');  // ~4.0 k in all: still fine
  const auto fits = token_for(app_token_claims_json(big));
  ASSERT_LE(fits.size(), kMaxInputBytes);
  EXPECT_TRUE(verify_app_token(fits, TrustK1(), from_unix_seconds(kIat)));
  big.jti = std::string(3100, 'x');
  const auto too_long = token_for(app_token_claims_json(big));
  ASSERT_GT(too_long.size(), kMaxInputBytes);
  EXPECT_EQ(failure(verify_app_token(too_long, TrustK1(), from_unix_seconds(kIat))),
            Outcome::kMalformed);
}

TEST(AppToken, TypeNames) {
  EXPECT_EQ(to_string(AppTokenType::kId), "id");
  EXPECT_EQ(to_string(AppTokenType::kSvc), "svc");
  EXPECT_EQ(to_string(AppTokenType::kRes), "res");
}

}  // namespace
}  // namespace codes_app_token_test
}  // namespace witryna::core
