#pragma once
// Every outcome codes.md names for a scan or a typed code, in one enum. Other
// modules (workflows, screen view, events) use these names verbatim:
// to_string gives the contract spelling.

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "edge/core/result.hpp"

namespace witryna::core {

enum class Outcome {
  // Loyalty card (EAN-13).
  kCard,
  kUnknownCard,
  kInvalidCheckDigit,
  // Any input.
  kUnrecognized,
  kMalformed,
  // Signed app token (JWS).
  kBadSignature,
  kUnknownKey,
  kExpired,
  kNotYetValid,
  kLifetimeTooLong,
  kReplayed,
  kUnknownCustomer,
  kOk,
  // Typed app code (also kOk, kExpired, kMalformed).
  kUnknownCode,
  kAlreadyUsed,
  kNeedsOnline,
  kInvalidCheck,
  kLocked,
};

inline constexpr std::array kAllOutcomes = {
    Outcome::kCard,
    Outcome::kUnknownCard,
    Outcome::kInvalidCheckDigit,
    Outcome::kUnrecognized,
    Outcome::kMalformed,
    Outcome::kBadSignature,
    Outcome::kUnknownKey,
    Outcome::kExpired,
    Outcome::kNotYetValid,
    Outcome::kLifetimeTooLong,
    Outcome::kReplayed,
    Outcome::kUnknownCustomer,
    Outcome::kOk,
    Outcome::kUnknownCode,
    Outcome::kAlreadyUsed,
    Outcome::kNeedsOnline,
    Outcome::kInvalidCheck,
    Outcome::kLocked,
};

// The contract name, e.g. "invalid_check_digit". Never empty.
[[nodiscard]] std::string_view to_string(Outcome outcome);

// Writes to_string(outcome) (logs, test failure messages).
std::ostream& operator<<(std::ostream& out, Outcome outcome);

// The inverse of to_string; nullopt for any other text. Failures returned by
// this module carry to_string(outcome) as Error::code, so a workflow can
// switch on outcome_from_string(error.code).
[[nodiscard]] std::optional<Outcome> outcome_from_string(std::string_view name);

// A failure carrying `outcome` as its code. `context` is for logs: never the
// card number, code or token itself.
[[nodiscard]] inline Unexpected reject(Outcome outcome, std::string context = {}) {
  return fail(std::string(to_string(outcome)), std::move(context));
}

}  // namespace witryna::core
