#pragma once

#include <cstdint>
#include <string_view>

namespace witryna::core {

// FNV-1a, 64 bit: stable across runs, builds and machines (unlike std::hash),
// so a customer stays in the same group on every device of the brand.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view text);

// Whether `customer` falls in the control group for `percent` (0..100; below
// 0 counts as 0, above 100 as 100): fnv1a64(customer) mod 100 < percent.
[[nodiscard]] bool in_control_group(std::string_view customer, int percent);

}  // namespace witryna::core
