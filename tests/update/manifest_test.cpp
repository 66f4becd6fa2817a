// Update manifests with real Ed25519 keys: several trusted fleet keys, each
// claim's shape, and the version rules; plus the edge's spool hand-over.
#include "edge/core/update/manifest.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/update/spool.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::core {
namespace update_manifest_test {
namespace manifest_test {
namespace {

crypto::Ed25519Signer key() {
  auto k = crypto::Ed25519Signer::generate();
  EXPECT_TRUE(k);
  return std::move(*k);
}

class Manifest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(ring_.add_raw_hex("fleet-2026", *a_.public_key_hex()));
    ASSERT_TRUE(ring_.add_pem("fleet-2027", *b_.public_key_pem()));
  }
  static nlohmann::json claims() {
    return {{"typ", "update"},
            {"id", "upd-42"},
            {"version", "1.5.0"},
            {"iat", 1795000000},
            {"artifact",
             {{"url", "https://updates.example/witryna-1.5.0-x86_64.tar.zst"},
              {"sha256", std::string(64, 'a')},
              {"size", 7340032}}},
            {"min_version", "1.3.0"},
            {"health_timeout_s", 120}};
  }
  std::string sign(const nlohmann::json& c, const crypto::Ed25519Signer& k,
                   const std::string& kid) {
    return *crypto::make_eddsa_jws(k, kid, c.dump());
  }
  Result<UpdateManifest> check(const std::string& token, const std::string& running = "1.4.2") {
    return verify_update_manifest(token, ring_, *parse_version(running));
  }

  crypto::Ed25519Signer a_ = key();
  crypto::Ed25519Signer b_ = key();
  crypto::Ed25519Signer rogue_ = key();
  crypto::Ed25519KeyRing ring_;
};

TEST_F(Manifest, AcceptsEitherTrustedKey) {
  for (const auto& [k, kid] : {std::pair{&a_, "fleet-2026"}, std::pair{&b_, "fleet-2027"}}) {
    const auto m = check(sign(claims(), *k, kid));
    ASSERT_TRUE(m) << m.error().context;
    EXPECT_EQ(m->kid, kid);
    EXPECT_EQ(m->id, "upd-42");
    EXPECT_EQ(m->version.to_string(), "1.5.0");
    EXPECT_EQ(m->artifact.size, 7340032);
    EXPECT_EQ(m->health_timeout_s, 120);
    EXPECT_FALSE(m->urgent);
  }
}

TEST_F(Manifest, RefusalsNameTheReason) {
  auto with = [](nlohmann::json patch) {
    auto c = claims();
    c.merge_patch(patch);
    return c;
  };
  struct Case {
    std::string name;
    std::string token;
    std::string running;
    std::string_view code;
  } cases[] = {
      {"signed by an untrusted key", sign(claims(), rogue_, "fleet-2026"), "1.4.2",
       update_error::kBadSignature},
      {"unknown kid", sign(claims(), rogue_, "fleet-rogue"), "1.4.2", update_error::kUnknownKey},
      {"other key's kid", sign(claims(), a_, "fleet-2027"), "1.4.2", update_error::kBadSignature},
      {"downgrade", sign(claims(), a_, "fleet-2026"), "1.6.0", update_error::kNotNewer},
      {"same version", sign(claims(), a_, "fleet-2026"), "1.5.0", update_error::kNotNewer},
      {"pre-release of the running", sign(with({{"version", "1.4.2-rc.1"}}), a_, "fleet-2026"),
       "1.4.2", update_error::kNotNewer},
      {"min_version unmet", sign(claims(), a_, "fleet-2026"), "1.2.9", update_error::kMinVersion},
      {"typ", sign(with({{"typ", "id"}}), a_, "fleet-2026"), "1.4.2", update_error::kMalformed},
      {"no id", sign(with({{"id", nullptr}}), a_, "fleet-2026"), "1.4.2", update_error::kMalformed},
      {"bad id", sign(with({{"id", "a/b"}}), a_, "fleet-2026"), "1.4.2", update_error::kMalformed},
      {"http url", sign(with({{"artifact", {{"url", "http://x/a"}}}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"short sha", sign(with({{"artifact", {{"sha256", "abc"}}}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"zero size", sign(with({{"artifact", {{"size", 0}}}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"size as text", sign(with({{"artifact", {{"size", "7"}}}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"bad version", sign(with({{"version", "1.5"}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"timeout too short", sign(with({{"health_timeout_s", 1}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"urgent not bool", sign(with({{"urgent", "yes"}}), a_, "fleet-2026"), "1.4.2",
       update_error::kMalformed},
      {"not a JWS", "hello", "1.4.2", update_error::kBadSignature},
  };
  for (const auto& c : cases) {
    const auto m = check(c.token, c.running);
    ASSERT_FALSE(m) << c.name;
    EXPECT_EQ(m.error().code, c.code) << c.name << ": " << m.error().context;
  }
}

TEST_F(Manifest, OptionalClaimsHaveDefaultsAndUrgentIsRead) {
  auto c = claims();
  c.erase("min_version");
  c.erase("health_timeout_s");
  c["urgent"] = true;
  c["artifact"]["sha256"] = std::string(64, 'A');  // hex case does not matter
  const auto m = check(sign(c, a_, "fleet-2026"));
  ASSERT_TRUE(m) << m.error().context;
  EXPECT_EQ(m->health_timeout_s, kDefaultHealthTimeoutS);
  EXPECT_EQ(m->min_version.to_string(), "0.0.0");
  EXPECT_EQ(m->artifact.sha256, std::string(64, 'a'));
  EXPECT_TRUE(m->urgent);
}

TEST(UpdateSpool, HandsTheTokenOverAndReadsTheStatusBack) {
  test::TempDir spool;
  EXPECT_EQ(update::read_update_status(spool.path()).error().code, errc::kNotFound);
  ASSERT_TRUE(update::submit_update_manifest(spool.path(), "a.b.c"));
  std::ifstream in(spool / "inbox.jws");
  std::string token;
  in >> token;
  EXPECT_EQ(token, "a.b.c");
  std::ofstream(spool / "status.json")
      << R"({"id":"upd-42","state":"downloading","detail":"","percent":40,"version":"1.5.0"})";
  const auto status = update::read_update_status(spool.path());
  ASSERT_TRUE(status);
  EXPECT_EQ(*status, nlohmann::json::parse(
                         R"({"id":"upd-42","state":"downloading","detail":"","percent":40})"));
}

}  // namespace
}  // namespace manifest_test
}  // namespace update_manifest_test
}  // namespace witryna::core
