// The codes.md §2 test vector with the RFC 8032 test-1 key, through the real
// OpenSSL key ring, and tokens signed with generated keys.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "edge/core/codes/app_token.hpp"
#include "edge/core/codes/classify.hpp"
#include "edge/core/encoding/base64url.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"

namespace witryna::crypto {
namespace app_token_vector_test {
namespace {

using core::Outcome;

const std::string kKid = "test-2026";
const std::string kPublicHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const std::string kPublicPem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";
// RFC 8032 §7.1 TEST 1 secret key (public knowledge; tests only).
const std::string kSecretHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const std::string kHeaderB64 = "eyJhbGciOiJFZERTQSIsImtpZCI6InRlc3QtMjAyNiIsInR5cCI6IkpXVCJ9";
const std::string kClaimsB64 =
    "eyJzdWIiOiJDLTAwMDEyMyIsInR5cCI6ImlkIiwiaWF0IjoxNzk1MDAwMDAwLCJleHAiOjE3OTUwMDAzMDAsImp0aSI6In"
    "E3WWQwY0p4M1QifQ";
const std::string kSignatureB64 =
    "cOaIKk7k6_COQ8Tm8BomRFe0daf0HdaZwh1tZUTHokBZSHFB9imr-ybEJMCwZolkeWrwkihSWSfrjxEDpS9jBQ";
const std::string kToken = kHeaderB64 + "." + kClaimsB64 + "." + kSignatureB64;
const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

Ed25519KeyRing test_ring() {
  Ed25519KeyRing ring;
  EXPECT_TRUE(ring.add_pem(kKid, kPublicPem));
  return ring;
}

std::optional<Outcome> failure(const Result<core::AppToken>& r) {
  if (r) return std::nullopt;
  return core::outcome_from_string(r.error().code);
}

TEST(AppTokenVector, OkAtContractTimeFromPemAndFromHex) {
  Ed25519KeyRing from_hex;
  ASSERT_TRUE(from_hex.add_raw_hex(kKid, kPublicHex));
  const auto by_hex = core::verify_app_token(kToken, from_hex, from_unix_seconds(1795000100));
  ASSERT_TRUE(by_hex) << by_hex.error().code << " " << by_hex.error().context;
  const auto t = core::verify_app_token(kToken, test_ring(), from_unix_seconds(1795000100));
  ASSERT_TRUE(t) << t.error().code << " " << t.error().context;
  EXPECT_EQ(t->kid, kKid);
  const core::AppTokenClaims expected{
      "C-000123", core::AppTokenType::kId, "", 1795000000, 1795000300, "q7Yd0cJx3T"};
  EXPECT_EQ(t->claims, expected);
  EXPECT_EQ(t->remember_jti_until(), from_unix_seconds(1795000360));
}

TEST(AppTokenVector, ExpiredAtContractTime) {
  EXPECT_EQ(failure(core::verify_app_token(kToken, test_ring(), from_unix_seconds(1795000400))),
            Outcome::kExpired);
}

TEST(AppTokenVector, SignerReproducesTheVector) {
  // Ed25519 is deterministic: the RFC 8032 secret signs the vector byte for byte.
  const auto signer = Ed25519Signer::from_raw_private_hex(kSecretHex);
  ASSERT_TRUE(signer);
  EXPECT_EQ(signer->public_key_hex(), kPublicHex);
  EXPECT_EQ(signer->public_key_pem(), kPublicPem);
  const auto claims = core::base64url_decode_to_string(kClaimsB64);
  ASSERT_TRUE(claims);
  EXPECT_EQ(make_eddsa_jws(*signer, kKid, *claims), kToken);
  const core::AppTokenClaims c{"C-000123",  core::AppTokenType::kId, "", 1795000000, 1795000300,
                               "q7Yd0cJx3T"};
  EXPECT_EQ(make_app_token(*signer, kKid, c), kToken);
}

TEST(AppTokenVector, EveryChangedSignatureCharacterIsBadSignature) {
  const auto ring = test_ring();
  const auto now = from_unix_seconds(1795000100);
  const std::size_t start = kToken.rfind('.') + 1;
  int tried = 0;
  for (std::size_t pos = start; pos < kToken.size(); ++pos) {
    for (const char replacement : kAlphabet) {
      if (replacement == kToken[pos]) continue;
      std::string bad = kToken;
      bad[pos] = replacement;
      ASSERT_EQ(failure(core::verify_app_token(bad, ring, now)), Outcome::kBadSignature)
          << "position " << pos << " -> " << replacement;
      ++tried;
    }
  }
  EXPECT_EQ(tried, 86 * 63);
}

TEST(AppTokenVector, ForeignCharactersInTheSignatureAreNeverAccepted) {
  const auto ring = test_ring();
  const auto now = from_unix_seconds(1795000100);
  const std::size_t start = kToken.rfind('.') + 1;
  for (std::size_t pos = start; pos < kToken.size(); ++pos) {
    for (const char replacement : {'+', '/', '=', '.', ' ', '*'}) {
      std::string bad = kToken;
      bad[pos] = replacement;
      EXPECT_EQ(failure(core::verify_app_token(bad, ring, now)), Outcome::kBadSignature) << pos;
      // Not even JWS-shaped any more: a scan of it is unrecognized, not a token.
      EXPECT_EQ(core::classify_scan(bad),
                core::ScanClass{core::RejectedScan{Outcome::kUnrecognized}})
          << pos;
    }
  }
  // Truncated or extended signatures.
  for (const std::string& bad :
       {kToken.substr(0, kToken.size() - 1), kToken.substr(0, kToken.size() - 2), kToken + "A",
        kToken + "AA", kToken.substr(0, start)}) {
    EXPECT_EQ(failure(core::verify_app_token(bad, ring, now)), Outcome::kBadSignature) << bad;
  }
}

TEST(AppTokenVector, OtherAlgorithmsAreBadSignature) {
  const auto ring = test_ring();
  const auto now = from_unix_seconds(1795000100);
  for (const std::string_view header :
       {R"({"alg":"none","kid":"test-2026","typ":"JWT"})", R"({"alg":"none","typ":"JWT"})",
        R"({"alg":"HS256","kid":"test-2026","typ":"JWT"})",
        R"({"alg":"ES256","kid":"test-2026","typ":"JWT"})",
        R"({"alg":"Ed25519","kid":"test-2026","typ":"JWT"})"}) {
    const std::string header_b64 = core::base64url_encode(header);
    for (const std::string& signature : {std::string(), kSignatureB64}) {
      const std::string bad = header_b64 + "." + kClaimsB64 + "." + signature;
      EXPECT_EQ(failure(core::verify_app_token(bad, ring, now)), Outcome::kBadSignature) << header;
    }
  }
}

TEST(AppTokenVector, UnknownKid) {
  const auto signer = Ed25519Signer::from_raw_private_hex(kSecretHex);
  ASSERT_TRUE(signer);
  const core::AppTokenClaims c{"C-000123",  core::AppTokenType::kId, "", 1795000000, 1795000300,
                               "q7Yd0cJx3T"};
  const auto token = make_app_token(*signer, "test-2027", c);
  ASSERT_TRUE(token);
  EXPECT_EQ(failure(core::verify_app_token(*token, test_ring(), from_unix_seconds(1795000100))),
            Outcome::kUnknownKey);
  // The vector itself against a ring that trusts other keys only.
  Ed25519KeyRing fleet;
  const auto fleet_key = Ed25519Signer::generate();
  ASSERT_TRUE(fleet_key);
  ASSERT_TRUE(fleet.add_pem("fleet-1", *fleet_key->public_key_pem()));
  EXPECT_EQ(failure(core::verify_app_token(kToken, fleet, from_unix_seconds(1795000100))),
            Outcome::kUnknownKey);
}

TEST(AppTokenVector, GeneratedKeyOutcomes) {
  const auto signer = Ed25519Signer::generate();
  ASSERT_TRUE(signer);
  Ed25519KeyRing ring;
  ASSERT_TRUE(ring.add_raw_hex("app-1", *signer->public_key_hex()));
  ASSERT_TRUE(ring.add_pem(kKid, kPublicPem));
  const std::int64_t now_s = 1795000000;
  const auto make = [&](core::AppTokenType typ, std::int64_t iat, std::int64_t exp) {
    core::AppTokenClaims c{"C-000777", typ, typ == core::AppTokenType::kRes ? "R-9001" : "",
                           iat,        exp, "jti-" + std::to_string(iat)};
    return *make_app_token(*signer, "app-1", c);
  };
  struct Row {
    std::string token;
    std::optional<Outcome> expected;
  };
  const std::vector<Row> rows = {
      {make(core::AppTokenType::kId, now_s - 10, now_s + 290), std::nullopt},
      {make(core::AppTokenType::kSvc, now_s - 10, now_s + 290), std::nullopt},
      {make(core::AppTokenType::kRes, now_s - 10, now_s + 290), std::nullopt},
      {make(core::AppTokenType::kId, now_s + 61, now_s + 300), Outcome::kNotYetValid},
      {make(core::AppTokenType::kId, now_s + 60, now_s + 300), std::nullopt},
      {make(core::AppTokenType::kId, now_s - 400, now_s - 61), Outcome::kExpired},
      {make(core::AppTokenType::kId, now_s, now_s + 601), Outcome::kLifetimeTooLong},
      {make(core::AppTokenType::kId, now_s, now_s + 600), std::nullopt},
      {make(core::AppTokenType::kId, now_s - 86400, now_s + 86400), Outcome::kLifetimeTooLong},
  };
  for (const auto& row : rows) {
    const auto t = core::verify_app_token(row.token, ring, from_unix_seconds(now_s));
    EXPECT_EQ(failure(t), row.expected) << row.token;
  }
  // A token signed by this key but naming the test kid does not verify.
  const core::AppTokenClaims c{"C-1", core::AppTokenType::kId, "", now_s, now_s + 60, "j"};
  EXPECT_EQ(failure(core::verify_app_token(*make_app_token(*signer, kKid, c), ring,
                                           from_unix_seconds(now_s))),
            Outcome::kBadSignature);
}

}  // namespace
}  // namespace app_token_vector_test
}  // namespace witryna::crypto
