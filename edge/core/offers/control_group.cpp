#include "edge/core/offers/control_group.hpp"

namespace witryna::core {

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

bool in_control_group(std::string_view customer, int percent) {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return fnv1a64(customer) % 100 < static_cast<std::uint64_t>(percent);
}

}  // namespace witryna::core
