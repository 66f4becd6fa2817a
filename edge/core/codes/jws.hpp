#pragma once
// JWS compact serialization (RFC 7515) with EdDSA (RFC 8037): the generic
// layer shared by app tokens (codes.md §2) and the fleet's signed update
// manifests (fleet.md). The key sets differ, so the signature check is a port:
// each use passes the verifier holding its own trusted keys.
//
// Only alg "EdDSA" is accepted: any other value, including "none" and the HMAC
// algorithms, fails as bad_signature before any key is looked at.

#include <cstdint>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::core {

inline constexpr std::string_view kJwsAlgorithm = "EdDSA";

enum class Verdict { kOk, kBadSignature, kUnknownKey };
[[nodiscard]] std::string_view to_string(Verdict verdict);
std::ostream& operator<<(std::ostream& out, Verdict verdict);

// Port: checks an EdDSA signature with the trusted public key named `kid`.
// Implementations must allow concurrent calls from any thread (verify is const).
// kUnknownKey when no key has that kid; kBadSignature for any signature that
// does not verify, including one of the wrong length.
class SignatureVerifier {
 public:
  virtual ~SignatureVerifier() = default;
  [[nodiscard]] virtual Verdict verify(std::string_view kid, std::string_view signing_input,
                                       std::span<const std::uint8_t> signature) const = 0;
};

// Port: makes an EdDSA signature (for whoever issues tokens: tests, the data
// generator, the fleet CLI).
class JwsSigner {
 public:
  virtual ~JwsSigner() = default;
  [[nodiscard]] virtual Result<std::vector<std::uint8_t>> sign(std::string_view data) const = 0;
};

// A compact JWS split and its header checked, signature NOT yet verified.
struct JwsParts {
  nlohmann::json header;      // a JSON object, alg == "EdDSA"
  std::string kid;            // non-empty
  std::string signing_input;  // ASCII "header.claims" exactly as received
  std::string claims_b64;     // the claims part, still encoded
  std::vector<std::uint8_t> signature;
};

// A JWS whose signature verified. `claims` is a JSON object; what it must hold
// is for the layer on top (app token, update manifest) to check.
struct VerifiedJws {
  std::string kid;
  nlohmann::json header;
  nlohmann::json claims;
};

// Three parts separated by two dots, each in the base64url alphabet; header and
// claims non-empty (the signature part may be empty, as in alg "none" tokens,
// so that those are recognised and refused as bad_signature).
[[nodiscard]] bool is_jws_shape(std::string_view text);

// Splits and checks the header: the JWS shape, base64url, a JSON object
// without duplicate names, alg exactly "EdDSA", a non-empty string kid, no
// "crit" (we implement no extension). Every failure is "bad_signature": a
// token we cannot even start to verify tells us nothing.
[[nodiscard]] Result<JwsParts> parse_jws(std::string_view token);

// parse_jws, then the verifier, then the claims. Fails with
//  - "bad_signature": parse_jws failed, or the signature does not verify;
//  - "unknown_key":   the verifier has no key with this kid;
//  - "malformed":     the signature verified but the claims part is not a
//                     base64url JSON object without duplicate names (a signed
//                     but broken token: an issuer bug, never accepted).
// No time or claim checks here.
[[nodiscard]] Result<VerifiedJws> verify_jws(std::string_view token,
                                             const SignatureVerifier& verifier);

// {"alg":"EdDSA","kid":"<kid>","typ":"JWT"}
[[nodiscard]] std::string eddsa_header_json(std::string_view kid);

// base64url(header_json) "." base64url(claims_json): the bytes that are signed.
[[nodiscard]] std::string jws_signing_input(std::string_view header_json,
                                            std::string_view claims_json);

// A compact JWS of the given JSON texts (used as they are, not re-serialized),
// signed by `signer`. Fails only when the signer fails.
[[nodiscard]] Result<std::string> sign_jws(std::string_view header_json,
                                           std::string_view claims_json, const JwsSigner& signer);

}  // namespace witryna::core
