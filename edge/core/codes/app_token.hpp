#pragma once
// Signed app tokens (codes.md §2): a JWS (see jws.hpp) whose claims say who
// the customer is and what the scan asks for.
//
// verify_app_token checks everything that needs no storage: the signature
// first (an unsigned token tells us nothing), then the claims, then the times.
// It does NOT decide `replayed` or `unknown_customer`: on success the caller
// (the scan workflow) must still
//   1. refuse a `jti` it has seen before as `replayed`, and remember this one
//      until AppToken::remember_jti_until() (exp + 60 s), across restarts;
//   2. look up `sub` and answer `unknown_customer` when there is no profile;
// and only then answer `ok`.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "edge/core/codes/jws.hpp"
#include "edge/core/codes/outcome.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// Allowed clock difference between the phone and the appliance.
inline constexpr Seconds kTokenClockSkew{60};
// Largest exp − iat accepted.
inline constexpr Seconds kMaxTokenLifetime{600};
// Longest scan or token accepted at all (codes.md: longer is malformed).
inline constexpr std::size_t kMaxInputBytes = 4096;
// NumericDates outside [0, kMaxNumericDate] (9999-12-31T23:59:59Z) are refused.
inline constexpr std::int64_t kMaxNumericDate = 253402300799;

// Claim `typ`: id (identify me), svc (show my history to the advisor),
// res (my reservation, id in claim `res`).
enum class AppTokenType { kId, kSvc, kRes };
[[nodiscard]] std::string_view to_string(AppTokenType type);

struct AppTokenClaims {
  std::string sub;  // customer id
  AppTokenType typ = AppTokenType::kId;
  std::string res;       // reservation id; non-empty exactly when typ == kRes
  std::int64_t iat = 0;  // NumericDate (seconds)
  std::int64_t exp = 0;
  std::string jti;

  friend bool operator==(const AppTokenClaims&, const AppTokenClaims&) = default;
};

// A token whose signature, claims and times passed.
struct AppToken {
  std::string kid;
  AppTokenClaims claims;

  // Until when the jti must be remembered for the replay check: exp + 60 s
  // (after that the token is refused as expired anyway).
  [[nodiscard]] TimePoint remember_jti_until() const {
    return from_unix_seconds(claims.exp) + kTokenClockSkew;
  }
};

// Reads the claims of a verified JWS. Fails with "malformed" when sub or jti
// is not a non-empty string, typ is not id/svc/res, typ res has no non-empty
// string res, iat or exp is not an integer in [0, kMaxNumericDate] (fractional
// NumericDates are refused), or exp < iat. Unknown claims are ignored.
[[nodiscard]] Result<AppTokenClaims> parse_app_token_claims(const nlohmann::json& claims);

// The time rules as a pure function: kLifetimeTooLong when exp − iat > 600 s,
// else kNotYetValid when now < iat − 60 s, else kExpired when now > exp + 60 s,
// else kOk. Compared at millisecond precision.
[[nodiscard]] Outcome check_app_token_times(const AppTokenClaims& claims, TimePoint now);

// Everything but replay and customer (see above). Fails with malformed
// (longer than kMaxInputBytes, or signed but unusable claims), bad_signature,
// unknown_key, lifetime_too_long, not_yet_valid or expired; the error code is
// to_string(Outcome).
[[nodiscard]] Result<AppToken> verify_app_token(std::string_view token,
                                                const SignatureVerifier& verifier, TimePoint now);

// The claims JSON for `claims` in contract order (sub, typ, [res,] iat, exp,
// jti); for whoever issues tokens (tests, the data generator).
[[nodiscard]] std::string app_token_claims_json(const AppTokenClaims& claims);

}  // namespace witryna::core
