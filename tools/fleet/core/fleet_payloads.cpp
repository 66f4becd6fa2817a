#include "tools/fleet/core/fleet_payloads.hpp"

namespace witryna::fleet {
namespace {

using nlohmann::json;

std::string compact(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

Result<std::string> desired_payload(std::int64_t config_ver, const json& config) {
  if (config_ver < 1) return fail(std::string(errc::kConfig), "config_ver must be at least 1");
  if (!config.is_object())
    return fail(std::string(errc::kConfig), "config must be a JSON object (a partial document)");
  return compact(json{{"config_ver", config_ver}, {"config", config}});
}

Result<std::string> command_payload(std::string_view cmd, std::string_view id,
                                    std::string_view screen) {
  if (cmd != "resync" && cmd != "restart" && cmd != "screenshot")
    return fail(std::string(errc::kConfig),
                "unknown command '" + std::string(cmd) + "' (resync, restart, screenshot)");
  if (id.empty()) return fail(std::string(errc::kConfig), "command id is empty");
  if (cmd == "screenshot" && screen.empty())
    return fail(std::string(errc::kConfig), "screenshot needs --screen");
  json j = {{"cmd", std::string(cmd)}, {"id", std::string(id)}};
  if (!screen.empty()) j["screen"] = std::string(screen);
  return compact(j);
}

Result<sync::core::CommandResult> parse_command_result(std::string_view payload) {
  const json j = json::parse(payload, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(std::string(errc::kInvalidJson), "command result");
  sync::core::CommandResult result;
  const auto id = j.find("id");
  if (id == j.end()) return fail(std::string(errc::kMissingField), "id");
  if (!id->is_string()) return fail(std::string(errc::kWrongType), "id");
  result.id = id->get<std::string>();
  const auto ok = j.find("ok");
  if (ok == j.end()) return fail(std::string(errc::kMissingField), "ok");
  if (!ok->is_boolean()) return fail(std::string(errc::kWrongType), "ok");
  result.ok = ok->get<bool>();
  if (const auto detail = j.find("detail"); detail != j.end() && !detail->is_null()) {
    if (!detail->is_string()) return fail(std::string(errc::kWrongType), "detail");
    result.detail = detail->get<std::string>();
  }
  if (const auto png = j.find("png_base64"); png != j.end() && !png->is_null()) {
    if (!png->is_string()) return fail(std::string(errc::kWrongType), "png_base64");
    result.png_base64 = png->get<std::string>();
  }
  return result;
}

Result<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  std::size_t padding = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      ++symbols;
      continue;
    }
    const int v = base64_value(c);
    if (v < 0 || padding > 0) return fail(std::string(errc::kInvalidValue), "not base64");
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    ++symbols;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  if (symbols % 4 != 0 || padding > 2)
    return fail(std::string(errc::kInvalidValue), "base64 length is not a multiple of 4");
  return out;
}

bool looks_like_png(std::string_view bytes) {
  constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
  return bytes.size() >= 16 && bytes.substr(0, 8) == kSignature && bytes.substr(12, 4) == "IHDR";
}

}  // namespace witryna::fleet
