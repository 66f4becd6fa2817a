#include "edge/screen/protocol.hpp"

#include <array>

namespace witryna::screen {
namespace {

constexpr std::array<std::string_view, 10> kActions = {
    "scan",         "code.enter",  "redeem.confirm",  "redeem.cancel", "pickup.confirm",
    "offer.accept", "consent.set", "preferences.set", "purchase",      "session.end"};

tl::unexpected<ParseError> parse_error(std::string_view code, std::string context,
                                       nlohmann::json id = nullptr) {
  return tl::unexpected(ParseError{Error{std::string(code), std::move(context)}, std::move(id)});
}

tl::expected<ScreenMessage, ParseError> parse_hello(const nlohmann::json& hello) {
  if (!hello.is_object()) return parse_error("invalid_hello", "hello must be an object");
  const auto screen = hello.find("screen");
  if (screen == hello.end() || !screen->is_string() || screen->get<std::string>().empty() ||
      screen->get<std::string>().size() > 64) {
    return parse_error("invalid_hello", "hello.screen must be a non-empty string (max 64)");
  }
  const auto role = hello.find("role");
  if (role == hello.end() || !role->is_string()) {
    return parse_error("invalid_hello", "hello.role must be kiosk or checkout");
  }
  Hello out;
  out.screen = screen->get<std::string>();
  if (*role == "kiosk") {
    out.role = Role::kKiosk;
  } else if (*role == "checkout") {
    out.role = Role::kCheckout;
  } else {
    return parse_error("invalid_hello", "hello.role must be kiosk or checkout");
  }
  const auto till = hello.find("till");
  if (till != hello.end() && !till->is_null()) {
    if (!till->is_string() || till->get<std::string>().empty()) {
      return parse_error("invalid_hello", "hello.till must be a string or null");
    }
    out.till = till->get<std::string>();
  }
  if (out.role == Role::kCheckout && !out.till) {
    return parse_error("invalid_hello", "a checkout screen must name its till");
  }
  const auto protocol = hello.find("protocol");
  if (protocol == hello.end() || !protocol->is_number_integer()) {
    return parse_error("invalid_hello", "hello.protocol must be an integer");
  }
  if (protocol->get<std::int64_t>() != kProtocolVersion) {
    return parse_error("unsupported_protocol", "this edge speaks protocol 1");
  }
  return out;
}

}  // namespace

const char* to_string(Role r) {
  return r == Role::kKiosk ? "kiosk" : "checkout";
}

bool is_known_action(std::string_view name) {
  for (const auto known : kActions) {
    if (known == name) return true;
  }
  return false;
}

tl::expected<ScreenMessage, ParseError> parse_screen_line(std::string_view line) {
  auto message = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return parse_error("invalid_json", "line is not valid JSON");
  if (!message.is_object()) return parse_error("invalid_message", "a message must be an object");
  if (const auto hello = message.find("hello"); hello != message.end()) {
    return parse_hello(*hello);
  }
  const auto action = message.find("action");
  if (action == message.end() || !action->is_string()) {
    return parse_error("invalid_message", "expected \"hello\" or \"action\"");
  }
  nlohmann::json id = nullptr;
  if (const auto found = message.find("id"); found != message.end()) {
    if (!found->is_number_integer() && !found->is_string()) {
      return parse_error("invalid_message", "id must be an integer or a string");
    }
    id = *found;
  }
  const auto name = action->get<std::string>();
  if (name == "screenshot.result") {
    const auto png = message.find("png_base64");
    if (!id.is_string() || png == message.end() || !png->is_string()) {
      return parse_error("invalid_message", "screenshot.result needs id and png_base64", id);
    }
    return ScreenshotResult{id.get<std::string>(), png->get<std::string>()};
  }
  if (!is_known_action(name)) return parse_error("unknown_action", "unknown action", id);
  if (id.is_null()) return parse_error("invalid_message", "an action needs an id");
  return Action{std::move(id), name, std::move(message)};
}

std::string result_line(const nlohmann::json& id, const Result<void>& outcome) {
  nlohmann::json result = {{"id", id}, {"ok", outcome.has_value()}};
  if (!outcome) result["error"] = outcome.error().code;
  return nlohmann::json{{"result", std::move(result)}}.dump();
}

std::string error_line(const Error& error, const nlohmann::json& id) {
  nlohmann::json body = {{"code", error.code}, {"detail", error.context}};
  if (!id.is_null()) body["id"] = id;
  return nlohmann::json{{"error", std::move(body)}}.dump();
}

std::string view_line(nlohmann::json view, std::string_view screen, std::int64_t rev) {
  view["rev"] = rev;
  view["screen"] = screen;
  return nlohmann::json{{"view", std::move(view)}}.dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace);
}

std::string screenshot_request_line(std::string_view request_id) {
  return nlohmann::json{{"request", {{"id", request_id}, {"what", "screenshot"}}}}.dump();
}

}  // namespace witryna::screen
