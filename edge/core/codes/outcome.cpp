#include "edge/core/codes/outcome.hpp"

#include <cassert>
#include <ostream>

namespace witryna::core {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kCard:
      return "card";
    case Outcome::kUnknownCard:
      return "unknown_card";
    case Outcome::kInvalidCheckDigit:
      return "invalid_check_digit";
    case Outcome::kUnrecognized:
      return "unrecognized";
    case Outcome::kMalformed:
      return "malformed";
    case Outcome::kBadSignature:
      return "bad_signature";
    case Outcome::kUnknownKey:
      return "unknown_key";
    case Outcome::kExpired:
      return "expired";
    case Outcome::kNotYetValid:
      return "not_yet_valid";
    case Outcome::kLifetimeTooLong:
      return "lifetime_too_long";
    case Outcome::kReplayed:
      return "replayed";
    case Outcome::kUnknownCustomer:
      return "unknown_customer";
    case Outcome::kOk:
      return "ok";
    case Outcome::kUnknownCode:
      return "unknown_code";
    case Outcome::kAlreadyUsed:
      return "already_used";
    case Outcome::kNeedsOnline:
      return "needs_online";
    case Outcome::kInvalidCheck:
      return "invalid_check";
    case Outcome::kLocked:
      return "locked";
  }
  assert(false && "unhandled Outcome");
  return "unrecognized";
}

std::ostream& operator<<(std::ostream& out, Outcome outcome) {
  return out << to_string(outcome);
}

std::optional<Outcome> outcome_from_string(std::string_view name) {
  for (const Outcome o : kAllOutcomes) {
    if (to_string(o) == name) return o;
  }
  return std::nullopt;
}

}  // namespace witryna::core
