#include "edge/core/codes/jws.hpp"

#include <cassert>
#include <ostream>
#include <set>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/encoding/base64url.hpp"

namespace witryna::core {
namespace {

// Deeper JSON than this is refused: neither token kind nests beyond 3.
constexpr int kMaxJsonDepth = 16;

// Parses a JSON object, refusing duplicate member names at any level (RFC 7515
// §4 allows refusing them; taking "the last one" would let two readers of the
// same token disagree) and nesting deeper than kMaxJsonDepth.
std::optional<nlohmann::json> parse_strict_object(std::string_view text) {
  std::vector<std::set<std::string>> names;
  bool refused = false;
  auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (depth > kMaxJsonDepth) refused = true;
    switch (event) {
      case Event::object_start:
        names.emplace_back();
        break;
      case Event::object_end:
        if (!names.empty()) names.pop_back();
        break;
      case Event::key:
        if (!names.empty() && !names.back().insert(parsed.get<std::string>()).second) {
          refused = true;
        }
        break;
      case Event::array_start:
      case Event::array_end:
      case Event::value:
        break;
    }
    return true;
  };
  auto json = nlohmann::json::parse(text, check, /*allow_exceptions=*/false);
  if (refused || json.is_discarded() || !json.is_object()) return std::nullopt;
  return json;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kOk:
      return "ok";
    case Verdict::kBadSignature:
      return "bad_signature";
    case Verdict::kUnknownKey:
      return "unknown_key";
  }
  assert(false && "unhandled Verdict");
  return "bad_signature";
}

std::ostream& operator<<(std::ostream& out, Verdict verdict) {
  return out << to_string(verdict);
}

bool is_jws_shape(std::string_view text) {
  const auto first = text.find('.');
  if (first == std::string_view::npos) return false;
  const auto second = text.find('.', first + 1);
  if (second == std::string_view::npos) return false;
  const auto header = text.substr(0, first);
  const auto claims = text.substr(first + 1, second - first - 1);
  const auto signature = text.substr(second + 1);
  return !header.empty() && !claims.empty() && is_base64url_alphabet(header) &&
         is_base64url_alphabet(claims) && is_base64url_alphabet(signature);  // no third dot
}

Result<JwsParts> parse_jws(std::string_view token) {
  if (!is_jws_shape(token)) return reject(Outcome::kBadSignature, "not a JWS compact token");
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);

  const auto header_text = base64url_decode_to_string(token.substr(0, first));
  if (!header_text) return reject(Outcome::kBadSignature, "JWS header is not base64url");
  auto header = parse_strict_object(*header_text);
  if (!header) return reject(Outcome::kBadSignature, "JWS header is not a JSON object");

  const auto alg = header->find("alg");
  if (alg == header->end() || !alg->is_string() || alg->get<std::string>() != kJwsAlgorithm) {
    return reject(Outcome::kBadSignature, "JWS alg is not EdDSA");
  }
  const auto kid = header->find("kid");
  if (kid == header->end() || !kid->is_string() || kid->get<std::string>().empty()) {
    return reject(Outcome::kBadSignature, "JWS header has no kid");
  }
  if (header->contains("crit")) {
    return reject(Outcome::kBadSignature, "JWS header has crit extensions");
  }
  auto signature = base64url_decode(token.substr(second + 1));
  if (!signature) return reject(Outcome::kBadSignature, "JWS signature is not base64url");

  JwsParts parts;
  parts.kid = kid->get<std::string>();
  parts.header = std::move(*header);
  parts.signing_input = std::string(token.substr(0, second));
  parts.claims_b64 = std::string(token.substr(first + 1, second - first - 1));
  parts.signature = std::move(*signature);
  return parts;
}

Result<VerifiedJws> verify_jws(std::string_view token, const SignatureVerifier& verifier) {
  auto parts = parse_jws(token);
  if (!parts) return tl::unexpected(std::move(parts.error()));

  switch (verifier.verify(parts->kid, parts->signing_input, parts->signature)) {
    case Verdict::kOk:
      break;
    case Verdict::kBadSignature:
      return reject(Outcome::kBadSignature, "signature does not verify");
    case Verdict::kUnknownKey:
      return reject(Outcome::kUnknownKey, "no trusted key with this kid");
  }

  const auto claims_text = base64url_decode_to_string(parts->claims_b64);
  if (!claims_text) return reject(Outcome::kMalformed, "signed JWS claims are not base64url");
  auto claims = parse_strict_object(*claims_text);
  if (!claims) return reject(Outcome::kMalformed, "signed JWS claims are not a JSON object");

  return VerifiedJws{std::move(parts->kid), std::move(parts->header), std::move(*claims)};
}

std::string eddsa_header_json(std::string_view kid) {
  nlohmann::ordered_json header;
  header["alg"] = kJwsAlgorithm;
  header["kid"] = kid;
  header["typ"] = "JWT";
  return header.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string jws_signing_input(std::string_view header_json, std::string_view claims_json) {
  return base64url_encode(header_json) + "." + base64url_encode(claims_json);
}

Result<std::string> sign_jws(std::string_view header_json, std::string_view claims_json,
                             const JwsSigner& signer) {
  std::string token = jws_signing_input(header_json, claims_json);
  auto signature = signer.sign(token);
  if (!signature) return tl::unexpected(std::move(signature.error()));
  token.push_back('.');
  token += base64url_encode(*signature);
  return token;
}

}  // namespace witryna::core
