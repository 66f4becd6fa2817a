#pragma once
// The trusted Ed25519 public keys of one purpose (app tokens, or fleet
// manifests), by kid: the implementation of core::SignatureVerifier.
// Keys are read with OpenSSL (PEM, SubjectPublicKeyInfo); signatures are
// checked with libsodium, whose verify costs about 0.66 M instructions
// against OpenSSL 3.0's 1.58 M (a token scan's largest single cost).
//
// Threads: load every key first, then share the ring; verify() may be called
// from any number of threads at once. Adding keys while others verify is not
// allowed.

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "edge/core/codes/jws.hpp"
#include "edge/core/result.hpp"
#include "edge/crypto/openssl_handles.hpp"

namespace witryna::crypto {

inline constexpr std::size_t kEd25519KeyBytes = 32;
inline constexpr std::size_t kEd25519SignatureBytes = 64;

// An Ed25519 public key from PEM text ("BEGIN PUBLIC KEY", SubjectPublicKeyInfo).
// Fails with errc::kConfig for anything else, including other key types.
[[nodiscard]] Result<EvpPkeyPtr> ed25519_public_key_from_pem(std::string_view pem);
// An Ed25519 public key from its raw 32 bytes as hex (64 hex digits).
[[nodiscard]] Result<EvpPkeyPtr> ed25519_public_key_from_hex(std::string_view hex);

class Ed25519KeyRing final : public core::SignatureVerifier {
 public:
  Ed25519KeyRing();

  // Each fails with errc::kConfig (errc::kIo for an unreadable file) for an
  // empty or already present kid or a key that is not an Ed25519 public key.
  [[nodiscard]] Result<void> add_pem(std::string kid, std::string_view pem);
  [[nodiscard]] Result<void> add_pem_file(std::string kid, const std::filesystem::path& path);
  [[nodiscard]] Result<void> add_raw_hex(std::string kid, std::string_view hex);

  [[nodiscard]] bool contains(std::string_view kid) const;
  [[nodiscard]] std::size_t size() const { return keys_.size(); }

  // kUnknownKey for an unknown kid; kBadSignature unless `signature` is a
  // valid 64-byte Ed25519 signature of `signing_input` by that key.
  [[nodiscard]] core::Verdict verify(std::string_view kid, std::string_view signing_input,
                                     std::span<const std::uint8_t> signature) const override;

 private:
  using RawKey = std::array<std::uint8_t, kEd25519KeyBytes>;

  [[nodiscard]] Result<void> add(std::string kid, Result<EvpPkeyPtr> key);

  std::map<std::string, RawKey, std::less<>> keys_;
};

}  // namespace witryna::crypto
