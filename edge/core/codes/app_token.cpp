#include "edge/core/codes/app_token.hpp"

#include <cassert>
#include <optional>

namespace witryna::core {
namespace {

std::optional<std::string> nonempty_string(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_string()) return std::nullopt;
  auto value = it->get<std::string>();
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> numeric_date(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  if (it == claims.end()) return std::nullopt;
  std::int64_t value = 0;
  if (it->is_number_unsigned()) {
    const auto u = it->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(kMaxNumericDate)) return std::nullopt;
    value = static_cast<std::int64_t>(u);
  } else if (it->is_number_integer()) {
    value = it->get<std::int64_t>();
  } else {
    return std::nullopt;
  }
  if (value < 0 || value > kMaxNumericDate) return std::nullopt;
  return value;
}

std::optional<AppTokenType> token_type(const nlohmann::json& claims) {
  const auto typ = nonempty_string(claims, "typ");
  if (!typ) return std::nullopt;
  for (const auto t : {AppTokenType::kId, AppTokenType::kSvc, AppTokenType::kRes}) {
    if (*typ == to_string(t)) return t;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(AppTokenType type) {
  switch (type) {
    case AppTokenType::kId:
      return "id";
    case AppTokenType::kSvc:
      return "svc";
    case AppTokenType::kRes:
      return "res";
  }
  assert(false && "unhandled AppTokenType");
  return "id";
}

Result<AppTokenClaims> parse_app_token_claims(const nlohmann::json& claims) {
  if (!claims.is_object()) return reject(Outcome::kMalformed, "claims are not an object");
  AppTokenClaims out;
  auto sub = nonempty_string(claims, "sub");
  if (!sub) return reject(Outcome::kMalformed, "claim sub missing or not a string");
  out.sub = std::move(*sub);
  const auto typ = token_type(claims);
  if (!typ) return reject(Outcome::kMalformed, "claim typ missing or not id/svc/res");
  out.typ = *typ;
  if (out.typ == AppTokenType::kRes) {
    auto res = nonempty_string(claims, "res");
    if (!res) return reject(Outcome::kMalformed, "claim res missing for typ res");
    out.res = std::move(*res);
  }
  const auto iat = numeric_date(claims, "iat");
  const auto exp = numeric_date(claims, "exp");
  if (!iat || !exp)
    return reject(Outcome::kMalformed, "claim iat/exp missing or not a NumericDate");
  if (*exp < *iat) return reject(Outcome::kMalformed, "claim exp before iat");
  out.iat = *iat;
  out.exp = *exp;
  auto jti = nonempty_string(claims, "jti");
  if (!jti) return reject(Outcome::kMalformed, "claim jti missing or not a string");
  out.jti = std::move(*jti);
  return out;
}

Outcome check_app_token_times(const AppTokenClaims& claims, TimePoint now) {
  if (Seconds(claims.exp - claims.iat) > kMaxTokenLifetime) return Outcome::kLifetimeTooLong;
  if (now < from_unix_seconds(claims.iat) - kTokenClockSkew) return Outcome::kNotYetValid;
  if (now > from_unix_seconds(claims.exp) + kTokenClockSkew) return Outcome::kExpired;
  return Outcome::kOk;
}

Result<AppToken> verify_app_token(std::string_view token, const SignatureVerifier& verifier,
                                  TimePoint now) {
  if (token.size() > kMaxInputBytes) return reject(Outcome::kMalformed, "token too long");
  auto jws = verify_jws(token, verifier);
  if (!jws) return tl::unexpected(std::move(jws.error()));
  auto claims = parse_app_token_claims(jws->claims);
  if (!claims) return tl::unexpected(std::move(claims.error()));
  if (const Outcome times = check_app_token_times(*claims, now); times != Outcome::kOk) {
    return reject(times, "token time claims refused");
  }
  return AppToken{std::move(jws->kid), std::move(*claims)};
}

std::string app_token_claims_json(const AppTokenClaims& claims) {
  nlohmann::ordered_json json;
  json["sub"] = claims.sub;
  json["typ"] = to_string(claims.typ);
  if (claims.typ == AppTokenType::kRes) json["res"] = claims.res;
  json["iat"] = claims.iat;
  json["exp"] = claims.exp;
  json["jti"] = claims.jti;
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace witryna::core
