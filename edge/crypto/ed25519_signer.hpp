#pragma once
// An Ed25519 private key that signs (JWS tokens for tests, the data generator
// and the fleet CLI). The appliance itself only verifies; it never holds one.
//
// Threads: a const signer may sign from several threads at once.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/codes/jws.hpp"
#include "edge/core/result.hpp"
#include "edge/crypto/openssl_handles.hpp"

namespace witryna::crypto {

class Ed25519Signer final : public core::JwsSigner {
 public:
  // A fresh random key pair. Fails (errc::kIo) only if OpenSSL cannot.
  [[nodiscard]] static Result<Ed25519Signer> generate();
  // "BEGIN PRIVATE KEY" (unencrypted PKCS#8). errc::kConfig for anything else.
  [[nodiscard]] static Result<Ed25519Signer> from_pem(std::string_view private_pem);
  [[nodiscard]] static Result<Ed25519Signer> from_pem_file(const std::filesystem::path& path);
  // The raw 32-byte private key (RFC 8032 "secret key") as 64 hex digits.
  [[nodiscard]] static Result<Ed25519Signer> from_raw_private_hex(std::string_view hex);

  Ed25519Signer(Ed25519Signer&&) noexcept = default;
  Ed25519Signer& operator=(Ed25519Signer&&) noexcept = default;
  Ed25519Signer(const Ed25519Signer&) = delete;
  Ed25519Signer& operator=(const Ed25519Signer&) = delete;
  ~Ed25519Signer() override = default;

  // Unencrypted PKCS#8 PEM: a secret, write it only where secrets belong.
  [[nodiscard]] Result<std::string> private_key_pem() const;
  // SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), as Ed25519KeyRing::add_pem reads it.
  [[nodiscard]] Result<std::string> public_key_pem() const;
  // The raw 32-byte public key as lowercase hex, as Ed25519KeyRing::add_raw_hex reads it.
  [[nodiscard]] Result<std::string> public_key_hex() const;

  // The 64-byte Ed25519 signature of `data` (deterministic, RFC 8032).
  [[nodiscard]] Result<std::vector<std::uint8_t>> sign(std::string_view data) const override;

 private:
  explicit Ed25519Signer(EvpPkeyPtr key) : key_(std::move(key)) {}

  EvpPkeyPtr key_;
};

}  // namespace witryna::crypto
