// The generic JWS layer with fake keys (the real Ed25519 vectors are in tests/crypto).
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/codes/jws.hpp"
#include "edge/core/codes/outcome.hpp"
#include "edge/core/encoding/base64url.hpp"

namespace witryna::core {
namespace codes_jws_test {
namespace {

// A stand-in "signature": 64 bytes derived from the key secret and the data
// (FNV-1a chained). Not cryptography; only for testing the JWS plumbing.
std::vector<std::uint8_t> fake_signature(std::uint64_t secret, std::string_view data) {
  std::vector<std::uint8_t> out;
  std::uint64_t h = 1469598103934665603ULL ^ secret;
  for (int block = 0; block < 8; ++block) {
    for (const char c : data) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<std::uint8_t>(h >> (8 * i)));
  }
  return out;
}

class FakeSigner final : public JwsSigner {
 public:
  explicit FakeSigner(std::uint64_t secret) : secret_(secret) {}
  Result<std::vector<std::uint8_t>> sign(std::string_view data) const override {
    return fake_signature(secret_, data);
  }

 private:
  std::uint64_t secret_;
};

class FakeVerifier final : public SignatureVerifier {
 public:
  explicit FakeVerifier(std::map<std::string, std::uint64_t, std::less<>> keys)
      : keys_(std::move(keys)) {}
  Verdict verify(std::string_view kid, std::string_view signing_input,
                 std::span<const std::uint8_t> signature) const override {
    const auto it = keys_.find(kid);
    if (it == keys_.end()) return Verdict::kUnknownKey;
    const auto expected = fake_signature(it->second, signing_input);
    return std::equal(expected.begin(), expected.end(), signature.begin(), signature.end())
               ? Verdict::kOk
               : Verdict::kBadSignature;
  }

 private:
  std::map<std::string, std::uint64_t, std::less<>> keys_;
};

const FakeSigner kSigner(42);
const FakeVerifier kVerifier({{"k1", 42}, {"other", 7}});
const std::string kClaims = R"({"typ":"update","id":"upd-42","version":"1.5.0","iat":1795000000})";

std::string token(std::string_view header_json, std::string_view claims_json,
                  const JwsSigner& signer = kSigner) {
  auto t = sign_jws(header_json, claims_json, signer);
  EXPECT_TRUE(t);
  return t ? *t : std::string();
}

std::optional<Outcome> failure(const Result<VerifiedJws>& r) {
  if (r) return std::nullopt;
  return outcome_from_string(r.error().code);
}

TEST(Jws, HeaderJsonIsTheContractOne) {
  EXPECT_EQ(eddsa_header_json("test-2026"), R"({"alg":"EdDSA","kid":"test-2026","typ":"JWT"})");
}

TEST(Jws, SignAndVerifyRoundTrip) {
  const auto t = token(eddsa_header_json("k1"), kClaims);
  const auto parts = parse_jws(t);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->kid, "k1");
  EXPECT_EQ(parts->signing_input, t.substr(0, t.rfind('.')));
  EXPECT_EQ(parts->signature, fake_signature(42, parts->signing_input));
  const auto v = verify_jws(t, kVerifier);
  ASSERT_TRUE(v) << v.error().code;
  EXPECT_EQ(v->kid, "k1");
  EXPECT_EQ(v->claims.at("version"), "1.5.0");
  EXPECT_EQ(v->header.at("typ"), "JWT");
}

TEST(Jws, Shape) {
  const std::vector<std::pair<std::string, bool>> rows = {
      {"a.b.c", true},
      {"a.b.", true},
      {"eyJ.eyJ.abc-_", true},
      {"a..c", false},
      {".b.c", false},
      {"a.b", false},
      {"a.b.c.d", false},
      {"a.b.c=", false},
      {"a+.b.c", false},
      {"https://x.example.com", false},
      {"", false},
      {"a.b.c\n", false},
      {"a.b c.d", false},
  };
  for (const auto& [text, shaped] : rows) {
    EXPECT_EQ(is_jws_shape(text), shaped) << text;
  }
}

TEST(Jws, HeaderProblemsAreBadSignature) {
  const std::vector<std::string> headers = {
      R"({"alg":"none","kid":"k1"})",
      R"({"alg":"HS256","kid":"k1"})",
      R"({"alg":"eddsa","kid":"k1"})",
      R"({"alg":"EdDSA ","kid":"k1"})",
      R"({"alg":["EdDSA"],"kid":"k1"})",
      R"({"kid":"k1"})",
      R"({"alg":"EdDSA"})",
      R"({"alg":"EdDSA","kid":""})",
      R"({"alg":"EdDSA","kid":1})",
      R"({"alg":"EdDSA","kid":"k1","crit":["b64"],"b64":false})",
      R"({"alg":"none","alg":"EdDSA","kid":"k1"})",  // duplicate names
      R"({"alg":"EdDSA","kid":"k1","x":{"a":1,"a":2}})",
      R"({"alg":"EdDSA","kid":"k1")",
      R"(["EdDSA","k1"])",
      "",
      "null",
      std::string(R"({"alg":"EdDSA","kid":"k1","x":)") + std::string(40, '[') +
          std::string(40, ']') + "}",
  };
  for (const auto& header : headers) {
    const auto t = token(header, kClaims);
    EXPECT_EQ(failure(verify_jws(t, kVerifier)), Outcome::kBadSignature) << header;
  }
}

TEST(Jws, AlgNoneWithEmptySignatureIsBadSignature) {
  const std::string t =
      base64url_encode(std::string(R"({"alg":"none"})")) + "." + base64url_encode(kClaims) + ".";
  ASSERT_TRUE(is_jws_shape(t));
  EXPECT_EQ(failure(verify_jws(t, kVerifier)), Outcome::kBadSignature);
}

TEST(Jws, SignatureProblems) {
  const auto good = token(eddsa_header_json("k1"), kClaims);
  const auto input = good.substr(0, good.rfind('.'));
  const std::vector<std::pair<std::string, Outcome>> rows = {
      {token(eddsa_header_json("k1"), kClaims, FakeSigner(43)), Outcome::kBadSignature},
      {input + ".", Outcome::kBadSignature},
      {input + ".AAAA", Outcome::kBadSignature},
      {input + ".A", Outcome::kBadSignature},   // not base64url-decodable
      {input + ".AB", Outcome::kBadSignature},  // non-zero trailing bits
      {token(eddsa_header_json("k2"), kClaims), Outcome::kUnknownKey},
      {token(eddsa_header_json("K1"), kClaims), Outcome::kUnknownKey},
      {"not a token", Outcome::kBadSignature},
  };
  for (const auto& [t, outcome] : rows) {
    EXPECT_EQ(failure(verify_jws(t, kVerifier)), outcome) << t;
  }
  // The same token verified by another key set (fleet vs app keys).
  const FakeVerifier fleet({{"fleet-1", 42}});
  EXPECT_EQ(failure(verify_jws(good, fleet)), Outcome::kUnknownKey);
}

TEST(Jws, ChangingAnyHeaderOrClaimsCharacterBreaksTheSignature) {
  const auto good = token(eddsa_header_json("k1"), kClaims);
  const auto dot2 = good.rfind('.');
  for (std::size_t pos = 0; pos < dot2; ++pos) {
    if (good[pos] == '.') continue;
    std::string bad = good;
    bad[pos] = bad[pos] == 'A' ? 'B' : 'A';
    const auto outcome = failure(verify_jws(bad, kVerifier));
    EXPECT_TRUE(outcome == Outcome::kBadSignature || outcome == Outcome::kUnknownKey) << pos;
  }
}

TEST(Jws, SignedButBrokenClaimsAreMalformed) {
  // (An empty claims part is no JWS at all: bad_signature, see Shape.)
  const std::vector<std::string> broken = {"[]", "42", R"({"typ":"update")", R"({"a":1,"a":2})",
                                           "{\"x\":\"\xff\"}"};
  for (const auto& claims : broken) {
    const auto t = token(eddsa_header_json("k1"), claims);
    EXPECT_EQ(failure(verify_jws(t, kVerifier)), Outcome::kMalformed) << claims;
  }
  // The claims part must decode canonically even when signed.
  const std::string header = base64url_encode(eddsa_header_json("k1"));
  const std::string input = header + ".Zh";
  const std::string t = input + "." + base64url_encode(fake_signature(42, input));
  EXPECT_EQ(failure(verify_jws(t, kVerifier)), Outcome::kMalformed);
}

TEST(Jws, SignatureIsCheckedBeforeClaims) {
  // Broken claims AND a bad signature: the signature decides.
  const auto t = token(eddsa_header_json("k1"), "[]", FakeSigner(1));
  EXPECT_EQ(failure(verify_jws(t, kVerifier)), Outcome::kBadSignature);
  const auto u = token(eddsa_header_json("nobody"), "[]");
  EXPECT_EQ(failure(verify_jws(u, kVerifier)), Outcome::kUnknownKey);
}

TEST(Jws, VerdictNames) {
  EXPECT_EQ(to_string(Verdict::kOk), "ok");
  EXPECT_EQ(to_string(Verdict::kBadSignature), "bad_signature");
  EXPECT_EQ(to_string(Verdict::kUnknownKey), "unknown_key");
}

}  // namespace
}  // namespace codes_jws_test
}  // namespace witryna::core
