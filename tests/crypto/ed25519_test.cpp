// The Ed25519 key ring (libsodium verify) and the OpenSSL signer: loading,
// errors, round trips, threads, and that the ring agrees with OpenSSL's verify.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <array>
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::crypto {
namespace ed25519_test {
namespace {

const std::string kX25519Pem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VuAyEAkCvWI9trCSr1kffXLwSIGCg4TpDhE6XQI8iGm2lVvys=\n"
    "-----END PUBLIC KEY-----\n";
const std::string kP256Pem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEffYocci1Q3tv9SgGUhA/b/fGKNe\n"
    "bS8i/9DpLGwRYK2HfZB+rhh4O9t+vVefTqlOy1eVq2X80lpOCEk+OHn+sQ==\n"
    "-----END PUBLIC KEY-----\n";
const std::string kTestPem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST(Ed25519KeyRing, RefusesWhatIsNotAnEd25519PublicKey) {
  Ed25519KeyRing ring;
  const std::vector<std::pair<std::string, std::string>> pems = {
      {"x25519", kX25519Pem},
      {"p256", kP256Pem},
      {"garbage", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"},
      {"empty", ""},
      {"raw", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"},
  };
  for (const auto& [kid, pem] : pems) {
    const auto r = ring.add_pem(kid, pem);
    ASSERT_FALSE(r) << kid;
    EXPECT_EQ(r.error().code, errc::kConfig) << kid;
  }
  for (const char* hex :
       {"", "d75a98", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00",
        "z75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"}) {
    const auto r = ring.add_raw_hex("hex", hex);
    ASSERT_FALSE(r) << hex;
    EXPECT_EQ(r.error().code, errc::kConfig) << hex;
  }
  EXPECT_EQ(ring.size(), 0U);
}

TEST(Ed25519KeyRing, KidsAreUniqueAndNonEmpty) {
  Ed25519KeyRing ring;
  ASSERT_TRUE(ring.add_pem("a", kTestPem));
  const auto again =
      ring.add_raw_hex("a", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, errc::kConfig);
  const auto empty = ring.add_pem("", kTestPem);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, errc::kConfig);
  EXPECT_TRUE(ring.contains("a"));
  EXPECT_FALSE(ring.contains("b"));
  EXPECT_EQ(ring.size(), 1U);
}

TEST(Ed25519KeyRing, LoadsPemFiles) {
  test::TempDir dir;
  write_file(dir.path() / "app.pem", kTestPem);
  Ed25519KeyRing ring;
  ASSERT_TRUE(ring.add_pem_file("test-2026", dir.path() / "app.pem"));
  const auto missing = ring.add_pem_file("other", dir.path() / "missing.pem");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, errc::kIo);
  EXPECT_EQ(ring.size(), 1U);
}

TEST(Ed25519KeyRing, VerifyVerdicts) {
  const auto signer = Ed25519Signer::generate();
  ASSERT_TRUE(signer);
  Ed25519KeyRing ring;
  ASSERT_TRUE(ring.add_pem("k", *signer->public_key_pem()));
  const auto signature = signer->sign("hello");
  ASSERT_TRUE(signature);
  ASSERT_EQ(signature->size(), kEd25519SignatureBytes);
  EXPECT_EQ(ring.verify("k", "hello", *signature), core::Verdict::kOk);
  EXPECT_EQ(ring.verify("k", "hellO", *signature), core::Verdict::kBadSignature);
  EXPECT_EQ(ring.verify("x", "hello", *signature), core::Verdict::kUnknownKey);
  std::vector<std::uint8_t> shorter(signature->begin(), signature->end() - 1);
  EXPECT_EQ(ring.verify("k", "hello", shorter), core::Verdict::kBadSignature);
  EXPECT_EQ(ring.verify("k", "hello", {}), core::Verdict::kBadSignature);
  for (std::size_t byte = 0; byte < signature->size(); ++byte) {
    auto flipped = *signature;
    flipped[byte] ^= 0x01;
    EXPECT_EQ(ring.verify("k", "hello", flipped), core::Verdict::kBadSignature) << byte;
  }
}

// L = 2^252 + 27742317777372353535851937790883648493, little-endian.
constexpr std::array<std::uint8_t, 32> kGroupOrder = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// What OpenSSL's own verify (the ring's implementation before libsodium) says.
core::Verdict openssl_verdict(const std::string& public_pem, std::string_view message,
                              std::span<const std::uint8_t> signature) {
  auto key = ed25519_public_key_from_pem(public_pem);
  if (!key) return core::Verdict::kUnknownKey;
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1) {
    return core::Verdict::kUnknownKey;
  }
  const int ok =
      EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size());
  clear_openssl_errors();
  return ok == 1 ? core::Verdict::kOk : core::Verdict::kBadSignature;
}

TEST(Ed25519KeyRing, AgreesWithOpenSslOnValidAndTamperedSignatures) {
  const std::vector<std::string> messages = {"", "a", "hello", std::string(300, 'x'),
                                             "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJDLTEifQ"};
  for (int k = 0; k < 3; ++k) {
    const auto signer = Ed25519Signer::generate();
    ASSERT_TRUE(signer);
    const auto pem = *signer->public_key_pem();
    Ed25519KeyRing ring;
    ASSERT_TRUE(ring.add_pem("k", pem));
    const auto other = Ed25519Signer::generate();
    ASSERT_TRUE(other);
    for (const auto& message : messages) {
      SCOPED_TRACE("key " + std::to_string(k) + ", message of " + std::to_string(message.size()) +
                   " bytes");
      const auto good = *signer->sign(message);
      std::vector<std::vector<std::uint8_t>> cases = {good, *other->sign(message)};
      for (std::size_t byte = 0; byte < good.size(); ++byte) {
        for (const std::uint8_t bit : {0x01, 0x80}) {
          cases.push_back(good);
          cases.back()[byte] ^= bit;
        }
      }
      // The same S plus the group order L (non-canonical: a malleated copy).
      cases.push_back(good);
      unsigned carry = 0;
      for (std::size_t i = 0; i < kGroupOrder.size(); ++i) {
        carry += cases.back()[32 + i] + kGroupOrder[i];
        cases.back()[32 + i] = static_cast<std::uint8_t>(carry & 0xff);
        carry >>= 8;
      }
      cases.push_back(std::vector<std::uint8_t>(64, 0x00));
      cases.push_back(std::vector<std::uint8_t>(64, 0xff));
      for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto expected = i == 0 ? core::Verdict::kOk : core::Verdict::kBadSignature;
        EXPECT_EQ(ring.verify("k", message, cases[i]), expected) << "case " << i;
        EXPECT_EQ(openssl_verdict(pem, message, cases[i]), expected) << "case " << i;
      }
      EXPECT_EQ(ring.verify("k", message + "!", good), core::Verdict::kBadSignature);
      EXPECT_EQ(openssl_verdict(pem, message + "!", good), core::Verdict::kBadSignature);
    }
  }
}

TEST(Ed25519Signer, PemRoundTrips) {
  test::TempDir dir;
  const auto signer = Ed25519Signer::generate();
  ASSERT_TRUE(signer);
  const auto private_pem = signer->private_key_pem();
  ASSERT_TRUE(private_pem);
  EXPECT_NE(private_pem->find("BEGIN PRIVATE KEY"), std::string::npos);
  write_file(dir.path() / "key.pem", *private_pem);
  const auto loaded = Ed25519Signer::from_pem_file(dir.path() / "key.pem");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->public_key_hex(), signer->public_key_hex());
  // Deterministic signatures: same key, same bytes.
  EXPECT_EQ(loaded->sign("data"), signer->sign("data"));
  const auto other = Ed25519Signer::generate();
  ASSERT_TRUE(other);
  EXPECT_NE(other->public_key_hex(), signer->public_key_hex());
}

TEST(Ed25519Signer, RefusesOtherKeys) {
  for (const std::string& pem : {kTestPem, std::string("junk"), std::string()}) {
    const auto r = Ed25519Signer::from_pem(pem);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::kConfig);
  }
  EXPECT_FALSE(Ed25519Signer::from_raw_private_hex("00"));
  const auto missing = Ed25519Signer::from_pem_file("/nonexistent/witryna/key.pem");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, errc::kIo);
}

TEST(Ed25519KeyRing, VerifiesFromSeveralThreads) {
  const auto signer = Ed25519Signer::generate();
  ASSERT_TRUE(signer);
  Ed25519KeyRing ring;
  ASSERT_TRUE(ring.add_raw_hex("k", *signer->public_key_hex()));
  const auto good = *signer->sign("message");
  auto bad = good;
  bad[0] ^= 0x80;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (ring.verify("k", "message", good) != core::Verdict::kOk) ++wrong;
        if (ring.verify("k", "message", bad) != core::Verdict::kBadSignature) ++wrong;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace ed25519_test
}  // namespace witryna::crypto
