#pragma once

#include <optional>
#include <string_view>

namespace witryna::display {

// What a screen is for (screen-api.md hello): `kiosk` faces shoppers,
// `checkout` faces a cashier at a till.
enum class Role { kKiosk, kCheckout };

[[nodiscard]] constexpr const char* to_string(Role r) {
  return r == Role::kKiosk ? "kiosk" : "checkout";
}

[[nodiscard]] constexpr std::optional<Role> role_from(std::string_view s) {
  if (s == "kiosk") return Role::kKiosk;
  if (s == "checkout") return Role::kCheckout;
  return std::nullopt;
}

}  // namespace witryna::display
