#pragma once
// Lines a screen sends to the edge (screen-api.md). Each builder returns the
// action object without its `id`: the client numbers actions as it sends them.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "display/model/role.hpp"

namespace witryna::display {

struct Hello {
  std::string screen;
  Role role = Role::kKiosk;
  std::optional<std::string> till;
};

inline constexpr int kProtocolVersion = 1;

// `{"hello":{"screen":…,"role":…,"till":…|null,"protocol":1}}`, the first line.
[[nodiscard]] nlohmann::json hello_message(const Hello& hello);

namespace action {
[[nodiscard]] nlohmann::json scan(std::string_view payload);
[[nodiscard]] nlohmann::json code_enter(std::string_view code);
[[nodiscard]] nlohmann::json redeem_confirm(std::string_view ticket);
[[nodiscard]] nlohmann::json redeem_cancel(std::string_view ticket);
[[nodiscard]] nlohmann::json pickup_confirm(std::string_view reservation);
[[nodiscard]] nlohmann::json offer_accept(std::string_view offer);
// `consents` / `preferences`: partial objects, only what the customer changed.
[[nodiscard]] nlohmann::json consent_set(nlohmann::json consents);
[[nodiscard]] nlohmann::json preferences_set(nlohmann::json preferences);
[[nodiscard]] nlohmann::json purchase(std::string_view receipt, std::int64_t amount_minor,
                                      std::string_view currency);
[[nodiscard]] nlohmann::json session_end();
// Answer to a screenshot request: `id` is echoed exactly as the edge sent it.
[[nodiscard]] nlohmann::json screenshot_result(const nlohmann::json& id, std::string png_base64);
}  // namespace action

}  // namespace witryna::display
