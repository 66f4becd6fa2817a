#include "tools/fleet/core/manifest_token.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "edge/core/encoding/base64url.hpp"

namespace witryna::fleet {

std::string_view trim_token(std::string_view token) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = token.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = token.find_last_not_of(kSpace);
  return token.substr(first, last - first + 1);
}

Result<core::UpdateManifest> read_manifest_token(std::string_view token,
                                                 const core::SignatureVerifier* keys) {
  token = trim_token(token);
  if (keys != nullptr) return core::verify_update_signature(token, *keys);
  auto parts = core::parse_jws(token);
  if (!parts) return tl::unexpected(parts.error());
  auto text = core::base64url_decode_to_string(parts->claims_b64);
  if (!text) return fail(std::string(core::update_error::kMalformed), "claims are not base64url");
  const auto claims = nlohmann::json::parse(*text, nullptr, false);
  if (claims.is_discarded() || !claims.is_object())
    return fail(std::string(core::update_error::kMalformed), "claims are not a JSON object");
  auto manifest = core::parse_update_claims(claims);
  if (!manifest) return tl::unexpected(manifest.error());
  manifest->kid = parts->kid;
  return manifest;
}

}  // namespace witryna::fleet
