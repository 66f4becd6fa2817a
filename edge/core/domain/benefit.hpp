#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace witryna::domain {

enum class BenefitType { kPercent, kAmount, kPoints };

// What an offer, a code or a reservation gives. `value` is a percentage for
// kPercent, minor units for kAmount (with `currency`), a multiplier for kPoints.
struct Benefit {
  BenefitType type = BenefitType::kPercent;
  std::int64_t value = 0;
  std::optional<std::string> currency;

  friend bool operator==(const Benefit&, const Benefit&) = default;
};

[[nodiscard]] const char* to_string(BenefitType t);
[[nodiscard]] std::optional<BenefitType> benefit_type_from(std::string_view s);

}  // namespace witryna::domain
