#include "edge/crypto/ed25519_key_ring.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>

#include <climits>
#include <cstdlib>

#include "edge/core/encoding/hex.hpp"

namespace witryna::crypto {

Result<EvpPkeyPtr> ed25519_public_key_from_pem(std::string_view pem) {
  if (pem.size() > INT_MAX) return fail(std::string(errc::kConfig), "PEM too large");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return fail(std::string(errc::kConfig), take_openssl_error());
  EvpPkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    return fail(std::string(errc::kConfig), "not a PEM public key: " + take_openssl_error());
  }
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    return fail(std::string(errc::kConfig), "public key is not Ed25519");
  }
  return key;
}

Result<EvpPkeyPtr> ed25519_public_key_from_hex(std::string_view hex) {
  const auto raw = core::hex_decode(hex);
  if (!raw || raw->size() != kEd25519KeyBytes) {
    return fail(std::string(errc::kConfig), "raw Ed25519 public key must be 64 hex digits");
  }
  EvpPkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw->data(), raw->size()));
  if (!key) return fail(std::string(errc::kConfig), "bad Ed25519 key: " + take_openssl_error());
  return key;
}

Ed25519KeyRing::Ed25519KeyRing() {
  // Once per process (thread-safe, idempotent); -1 only when the library
  // cannot work at all, and then no signature could ever be checked.
  static const int sodium = sodium_init();
  if (sodium < 0) std::abort();
}

Result<void> Ed25519KeyRing::add(std::string kid, Result<EvpPkeyPtr> key) {
  if (kid.empty()) return fail(std::string(errc::kConfig), "empty kid");
  if (!key) {
    return fail(key.error().code, "key " + kid + ": " + key.error().context);
  }
  if (keys_.contains(kid)) return fail(std::string(errc::kConfig), "duplicate kid " + kid);
  RawKey raw{};
  std::size_t size = raw.size();
  if (EVP_PKEY_get_raw_public_key(key->get(), raw.data(), &size) != 1 || size != raw.size()) {
    return fail(std::string(errc::kConfig), "key " + kid + ": " + take_openssl_error());
  }
  keys_.emplace(std::move(kid), raw);
  return {};
}

Result<void> Ed25519KeyRing::add_pem(std::string kid, std::string_view pem) {
  return add(std::move(kid), ed25519_public_key_from_pem(pem));
}

Result<void> Ed25519KeyRing::add_pem_file(std::string kid, const std::filesystem::path& path) {
  const auto text = read_small_file(path);
  if (!text) return fail(text.error().code, "key " + kid + ": " + text.error().context);
  return add_pem(std::move(kid), *text);
}

Result<void> Ed25519KeyRing::add_raw_hex(std::string kid, std::string_view hex) {
  return add(std::move(kid), ed25519_public_key_from_hex(hex));
}

bool Ed25519KeyRing::contains(std::string_view kid) const {
  return keys_.find(kid) != keys_.end();
}

core::Verdict Ed25519KeyRing::verify(std::string_view kid, std::string_view signing_input,
                                     std::span<const std::uint8_t> signature) const {
  const auto it = keys_.find(kid);
  if (it == keys_.end()) return core::Verdict::kUnknownKey;
  if (signature.size() != kEd25519SignatureBytes) return core::Verdict::kBadSignature;

  // Ed25519 signs the message itself (no separate digest). libsodium also
  // refuses a non-canonical S and small-order keys or R: never a signature
  // the app's signer makes (tests/crypto/ed25519_test.cpp).
  if (crypto_sign_verify_detached(signature.data(),
                                  reinterpret_cast<const unsigned char*>(signing_input.data()),
                                  signing_input.size(), it->second.data()) != 0) {
    return core::Verdict::kBadSignature;
  }
  return core::Verdict::kOk;
}

}  // namespace witryna::crypto
