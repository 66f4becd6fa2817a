#include "edge/core/update/manifest.hpp"

#include <algorithm>

namespace witryna::core {

namespace {

Unexpected manifest_malformed(std::string why) {
  return fail(std::string(update_error::kMalformed), "update manifest: " + std::move(why));
}

bool is_update_id(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '_' || c == '.';
  });
}

bool is_manifest_sha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

const nlohmann::json* claim_member(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

bool read_claim_string(const nlohmann::json& object, const char* name, std::string& out) {
  const auto* value = claim_member(object, name);
  if (value == nullptr || !value->is_string()) return false;
  out = value->get<std::string>();
  return true;
}

bool read_claim_integer(const nlohmann::json& object, const char* name, std::int64_t& out) {
  const auto* value = claim_member(object, name);
  if (value == nullptr || !value->is_number_integer()) return false;
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX) return false;
  out = value->get<std::int64_t>();
  return true;
}

}  // namespace

Result<UpdateManifest> parse_update_claims(const nlohmann::json& claims) {
  if (!claims.is_object()) return manifest_malformed("claims are not an object");
  std::string typ;
  if (!read_claim_string(claims, "typ", typ) || typ != "update")
    return manifest_malformed("typ is not \"update\"");
  UpdateManifest m;
  if (!read_claim_string(claims, "id", m.id) || !is_update_id(m.id))
    return manifest_malformed("id must be 1 to 64 of A-Z a-z 0-9 . _ -");
  std::string version;
  if (!read_claim_string(claims, "version", version)) return manifest_malformed("version missing");
  auto parsed = parse_version(version);
  if (!parsed) return manifest_malformed(parsed.error().context);
  m.version = std::move(*parsed);
  if (claim_member(claims, "iat") != nullptr && !read_claim_integer(claims, "iat", m.iat))
    return manifest_malformed("iat is not an integer");

  const auto* artifact = claim_member(claims, "artifact");
  if (artifact == nullptr || !artifact->is_object()) return manifest_malformed("artifact missing");
  if (!read_claim_string(*artifact, "url", m.artifact.url) ||
      !m.artifact.url.starts_with("https://") || m.artifact.url.size() <= 8 ||
      m.artifact.url.size() > 2048)
    return manifest_malformed("artifact.url must be an https:// URL");
  if (!read_claim_string(*artifact, "sha256", m.artifact.sha256))
    return manifest_malformed("artifact.sha256 missing");
  std::transform(
      m.artifact.sha256.begin(), m.artifact.sha256.end(), m.artifact.sha256.begin(),
      [](char c) { return (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c; });
  if (!is_manifest_sha256(m.artifact.sha256))
    return manifest_malformed("artifact.sha256 is not 64 hex digits");
  if (!read_claim_integer(*artifact, "size", m.artifact.size) || m.artifact.size < 1 ||
      m.artifact.size > kMaxArtifactBytes)
    return manifest_malformed("artifact.size must be an integer from 1 to 4 GiB");

  if (claim_member(claims, "min_version") != nullptr) {
    std::string min;
    if (!read_claim_string(claims, "min_version", min))
      return manifest_malformed("min_version is not a string");
    auto parsed_min = parse_version(min);
    if (!parsed_min) return manifest_malformed(parsed_min.error().context);
    m.min_version = std::move(*parsed_min);
  }
  if (claim_member(claims, "health_timeout_s") != nullptr) {
    if (!read_claim_integer(claims, "health_timeout_s", m.health_timeout_s) ||
        m.health_timeout_s < kMinHealthTimeoutS || m.health_timeout_s > kMaxHealthTimeoutS)
      return manifest_malformed("health_timeout_s must be an integer from 5 to 3600");
  }
  if (const auto* urgent = claim_member(claims, "urgent"); urgent != nullptr) {
    if (!urgent->is_boolean()) return manifest_malformed("urgent is not a boolean");
    m.urgent = urgent->get<bool>();
  }
  return m;
}

Result<UpdateManifest> verify_update_signature(std::string_view token,
                                               const SignatureVerifier& fleet_keys) {
  if (token.size() > kMaxManifestBytes) return manifest_malformed("longer than 16 KiB");
  auto verified = verify_jws(token, fleet_keys);
  if (!verified) return Unexpected(verified.error());
  auto manifest = parse_update_claims(verified->claims);
  if (!manifest) return manifest;
  manifest->kid = verified->kid;
  return manifest;
}

Result<void> check_update_versions(const UpdateManifest& manifest, const Version& running) {
  if (!(running < manifest.version)) {
    return fail(std::string(update_error::kNotNewer), "version " + manifest.version.to_string() +
                                                          " is not newer than the running " +
                                                          running.to_string());
  }
  if (running < manifest.min_version) {
    return fail(
        std::string(update_error::kMinVersion),
        "needs at least " + manifest.min_version.to_string() + ", running " + running.to_string());
  }
  return {};
}

Result<UpdateManifest> verify_update_manifest(std::string_view token,
                                              const SignatureVerifier& fleet_keys,
                                              const Version& running) {
  auto manifest = verify_update_signature(token, fleet_keys);
  if (!manifest) return manifest;
  if (auto versions = check_update_versions(*manifest, running); !versions)
    return Unexpected(versions.error());
  return manifest;
}

}  // namespace witryna::core
