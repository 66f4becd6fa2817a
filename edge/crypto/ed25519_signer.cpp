#include "edge/crypto/ed25519_signer.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <climits>

#include "edge/core/encoding/hex.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"

namespace witryna::crypto {
namespace {

// The text written into a memory BIO.
std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  if (size <= 0 || data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

Result<Ed25519Signer> Ed25519Signer::generate() {
  EVP_PKEY* raw = nullptr;
  EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    return fail(std::string(errc::kIo), "Ed25519 key generation: " + take_openssl_error());
  }
  return Ed25519Signer(EvpPkeyPtr(raw));
}

Result<Ed25519Signer> Ed25519Signer::from_pem(std::string_view private_pem) {
  if (private_pem.size() > INT_MAX) return fail(std::string(errc::kConfig), "PEM too large");
  BioPtr bio(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())));
  if (!bio) return fail(std::string(errc::kConfig), take_openssl_error());
  // An empty passphrase callback: an encrypted key fails instead of prompting.
  auto no_passphrase = [](char*, int, int, void*) { return 0; };
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  if (!key) {
    return fail(std::string(errc::kConfig), "not a PEM private key: " + take_openssl_error());
  }
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    return fail(std::string(errc::kConfig), "private key is not Ed25519");
  }
  return Ed25519Signer(std::move(key));
}

Result<Ed25519Signer> Ed25519Signer::from_pem_file(const std::filesystem::path& path) {
  const auto text = read_small_file(path);
  if (!text) return tl::unexpected(text.error());
  return from_pem(*text);
}

Result<Ed25519Signer> Ed25519Signer::from_raw_private_hex(std::string_view hex) {
  const auto raw = core::hex_decode(hex);
  if (!raw || raw->size() != kEd25519KeyBytes) {
    return fail(std::string(errc::kConfig), "raw Ed25519 private key must be 64 hex digits");
  }
  EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, raw->data(), raw->size()));
  if (!key) return fail(std::string(errc::kConfig), "bad Ed25519 key: " + take_openssl_error());
  return Ed25519Signer(std::move(key));
}

Result<std::string> Ed25519Signer::private_key_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return fail(std::string(errc::kIo), "writing private key: " + take_openssl_error());
  }
  return bio_text(bio.get());
}

Result<std::string> Ed25519Signer::public_key_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) {
    return fail(std::string(errc::kIo), "writing public key: " + take_openssl_error());
  }
  return bio_text(bio.get());
}

Result<std::string> Ed25519Signer::public_key_hex() const {
  std::vector<std::uint8_t> raw(kEd25519KeyBytes);
  std::size_t size = raw.size();
  if (EVP_PKEY_get_raw_public_key(key_.get(), raw.data(), &size) != 1 || size != kEd25519KeyBytes) {
    return fail(std::string(errc::kIo), "reading public key: " + take_openssl_error());
  }
  return core::hex_encode(raw);
}

Result<std::vector<std::uint8_t>> Ed25519Signer::sign(std::string_view data) const {
  EvpMdCtxPtr ctx(EVP_MD_CTX_new());
  std::vector<std::uint8_t> signature(kEd25519SignatureBytes);
  std::size_t size = signature.size();
  // Ed25519 signs the message itself: no separate digest (md = nullptr).
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature.data(), &size,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      size != kEd25519SignatureBytes) {
    return fail(std::string(errc::kIo), "Ed25519 signing: " + take_openssl_error());
  }
  return signature;
}

}  // namespace witryna::crypto
