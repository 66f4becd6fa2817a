#pragma once
// Signed update manifests (fleet.md "Software update"): a compact JWS, EdDSA,
// signed with a fleet key whose kid is among the device's trusted fleet keys
// (keys.fleet), with claims
//   {"typ":"update","id":"upd-42","version":"1.5.0","iat":1795000000,
//    "artifact":{"url":"https://…","sha256":"<64 hex>","size":7340032},
//    "min_version":"1.3.0","health_timeout_s":120,"urgent":false}

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "edge/core/codes/jws.hpp"
#include "edge/core/result.hpp"
#include "edge/core/update/version.hpp"

namespace witryna::core {

// Refusal reasons, reported as the update state's detail (state "failed").
namespace update_error {
inline constexpr std::string_view kBadSignature = "bad_signature";
inline constexpr std::string_view kUnknownKey = "unknown_key";
inline constexpr std::string_view kMalformed = "malformed";
inline constexpr std::string_view kNotNewer = "not_newer";
inline constexpr std::string_view kMinVersion = "min_version";
inline constexpr std::string_view kSizeMismatch = "size_mismatch";
inline constexpr std::string_view kSha256Mismatch = "sha256_mismatch";
inline constexpr std::string_view kDownload = "download";
inline constexpr std::string_view kInstall = "install";
inline constexpr std::string_view kUnhealthy = "unhealthy";
}  // namespace update_error

// Bounds: a manifest outside them is malformed (an issuer bug, never guessed at).
inline constexpr std::size_t kMaxManifestBytes = 16 * 1024;
inline constexpr std::int64_t kMaxArtifactBytes = std::int64_t{4} << 30;  // 4 GiB
inline constexpr std::int64_t kMinHealthTimeoutS = 5;
inline constexpr std::int64_t kMaxHealthTimeoutS = 3600;
inline constexpr std::int64_t kDefaultHealthTimeoutS = 120;

struct UpdateArtifact {
  std::string url;     // https://…
  std::string sha256;  // 64 lowercase hex digits
  std::int64_t size = 0;
};

struct UpdateManifest {
  std::string kid;  // the fleet key that signed it
  std::string id;   // "upd-42": 1..64 of [A-Za-z0-9._-]
  Version version;
  std::int64_t iat = 0;
  UpdateArtifact artifact;
  Version min_version;  // 0.0.0 when absent
  std::int64_t health_timeout_s = kDefaultHealthTimeoutS;
  bool urgent = false;
};

// The claims alone. Fails with "malformed": typ not "update"; id, version,
// artifact.url/sha256/size missing or of the wrong shape (url must be
// https://, sha256 64 hex digits, size in 1..kMaxArtifactBytes); version or
// min_version not a Version; health_timeout_s outside
// [kMinHealthTimeoutS, kMaxHealthTimeoutS]; urgent not a boolean.
// Unknown claims are ignored.
[[nodiscard]] Result<UpdateManifest> parse_update_claims(const nlohmann::json& claims);

// The signature (bad_signature, unknown_key), then the claims (malformed).
[[nodiscard]] Result<UpdateManifest> verify_update_signature(std::string_view token,
                                                             const SignatureVerifier& fleet_keys);
// Against the running version: not_newer, min_version.
[[nodiscard]] Result<void> check_update_versions(const UpdateManifest& manifest,
                                                 const Version& running);

// Everything a device checks before downloading anything, in this order:
// the signature (bad_signature, unknown_key), the claims (malformed), then
// against the running version: `version` must be newer (not_newer) and
// `min_version` at most the running one (min_version). The error context says
// which versions were compared; never the token.
[[nodiscard]] Result<UpdateManifest> verify_update_manifest(std::string_view token,
                                                            const SignatureVerifier& fleet_keys,
                                                            const Version& running);

}  // namespace witryna::core
