#pragma once
// The screen protocol's messages (shared/contract/screen-api.md) as values:
// parsing what a screen sends and serializing what the edge sends. Pure.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "edge/core/result.hpp"

namespace witryna::screen {

inline constexpr std::size_t kMaxLineBytes = 1024 * 1024;
inline constexpr int kProtocolVersion = 1;
inline constexpr int kMaxProtocolErrorsInARow = 3;

enum class Role { kKiosk, kCheckout };
[[nodiscard]] const char* to_string(Role r);

struct Hello {
  std::string screen;
  Role role = Role::kKiosk;
  std::optional<std::string> till;  // set for checkout screens
  int protocol = kProtocolVersion;
};

// One action a person took. `id` is echoed in the result as the screen sent it
// (number or string). `body` is the whole message; the workflows read its fields.
struct Action {
  nlohmann::json id;
  std::string name;
  nlohmann::json body;
};

// A screen's answer to the edge's screenshot request.
struct ScreenshotResult {
  std::string id;
  std::string png_base64;
};

using ScreenMessage = std::variant<Hello, Action, ScreenshotResult>;

// Actions the contract defines; anything else is answered with an error.
[[nodiscard]] bool is_known_action(std::string_view name);

// Parses one line. Errors: "invalid_json", "invalid_hello",
// "unsupported_protocol", "unknown_action", "invalid_message"; the context
// says what is wrong (never echoes the payload).
struct ParseError {
  Error error;
  nlohmann::json id;  // the action's id when one could be read, else null
};
[[nodiscard]] tl::expected<ScreenMessage, ParseError> parse_screen_line(std::string_view line);

// Lines the edge sends (without the trailing newline).
[[nodiscard]] std::string result_line(const nlohmann::json& id, const Result<void>& outcome);
[[nodiscard]] std::string error_line(const Error& error, const nlohmann::json& id);
[[nodiscard]] std::string view_line(nlohmann::json view, std::string_view screen, std::int64_t rev);
[[nodiscard]] std::string screenshot_request_line(std::string_view request_id);

}  // namespace witryna::screen
