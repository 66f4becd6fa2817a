#pragma once
// What the fleet needs to know about a signed update before publishing it:
// its id and version (to follow the devices' states) and that its claims
// are what the devices accept. The signature is the devices' to verify;
// read_manifest_token can also check it when given the fleet's public keys.

#include <string_view>

#include "edge/core/result.hpp"
#include "edge/core/update/manifest.hpp"

namespace witryna::fleet {

// The token's shape and header (bad_signature: not an EdDSA compact JWS), its
// claims (malformed), and the signature when `keys` is given (bad_signature,
// unknown_key). Surrounding whitespace (a trailing newline) is ignored.
[[nodiscard]] Result<core::UpdateManifest> read_manifest_token(
    std::string_view token, const core::SignatureVerifier* keys = nullptr);

// The token without surrounding whitespace: what is published.
[[nodiscard]] std::string_view trim_token(std::string_view token);

}  // namespace witryna::fleet
