#pragma once
// Internal to edge/store: JSON text in and out of the database, never throwing.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace witryna::store {

// Compact text; invalid UTF-8 in a string is replaced, not thrown.
[[nodiscard]] inline std::string dump_json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// nullopt when `text` is not JSON (a damaged row).
[[nodiscard]] inline std::optional<nlohmann::json> parse_json(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

}  // namespace witryna::store
