#pragma once
// Making signed tokens (tests, the data generator, the fleet CLI).

#include <string>
#include <string_view>

#include "edge/core/codes/app_token.hpp"
#include "edge/core/result.hpp"
#include "edge/crypto/ed25519_signer.hpp"

namespace witryna::crypto {

// A compact JWS with header {"alg":"EdDSA","kid":kid,"typ":"JWT"} over
// `claims_json` (used byte for byte). Fleet manifests use this too.
[[nodiscard]] Result<std::string> make_eddsa_jws(const Ed25519Signer& signer, std::string_view kid,
                                                 std::string_view claims_json);

// An app token (codes.md §2) for `claims`.
[[nodiscard]] Result<std::string> make_app_token(const Ed25519Signer& signer, std::string_view kid,
                                                 const core::AppTokenClaims& claims);

}  // namespace witryna::crypto
