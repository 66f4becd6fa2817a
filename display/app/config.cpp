#include "display/app/config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace witryna::display {
namespace {

Result<void> read_colour(const toml::table& colours, const char* key, Rgb& out) {
  const auto* node = colours.get(key);
  if (node == nullptr) return {};
  const auto text = node->value<std::string>();
  if (!text)
    return fail(std::string(errc::kConfig),
                std::string("display.colors.") + key + " must be a string like \"#C8102E\"");
  auto rgb = parse_hex_colour(*text);
  if (!rgb) {
    return fail(std::string(errc::kConfig), std::string("display.colors.") + key +
                                                " must be a colour like \"#C8102E\", got \"" +
                                                *text + "\"");
  }
  out = *rgb;
  return {};
}

}  // namespace

Result<DisplayConfig> parse_display_config(std::string_view toml_text,
                                           const std::filesystem::path& base_dir) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << "not valid TOML (line " << e.source().begin.line << "): " << e.description();
    return fail(std::string(errc::kConfig), where.str());
  }
  DisplayConfig out;
  if (const auto* display = root["display"].as_table()) {
    if (const auto* lang = display->get("language")) {
      const auto text = lang->value<std::string>();
      const auto parsed = text ? language_from(*text) : std::nullopt;
      if (!parsed)
        return fail(std::string(errc::kConfig), "display.language must be \"pl\" or \"en\"");
      out.language = *parsed;
    }
    if (const auto* colours = (*display)["colors"].as_table()) {
      for (auto [key, field] : {std::pair<const char*, Rgb*>{"primary", &out.colours.primary},
                                {"accent", &out.colours.accent},
                                {"background", &out.colours.background},
                                {"text", &out.colours.text}}) {
        if (auto r = read_colour(*colours, key, *field); !r) return Unexpected(r.error());
      }
    }
  }
  if (const auto socket = root["screen_api"]["socket"].value<std::string>()) {
    std::filesystem::path p(*socket);
    out.socket = p.is_relative() ? base_dir / p : p;
  }
  if (const auto brand = root["device"]["brand"].value<std::string>()) out.brand = *brand;
  if (const auto tz = root["device"]["timezone"].value<std::string>()) out.timezone = *tz;
  if (const auto currency = root["points"]["currency"].value<std::string>())
    out.currency = *currency;
  return out;
}

Result<DisplayConfig> load_display_config(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return fail(std::string(errc::kConfig), "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse_display_config(text.str(), file.parent_path());
}

}  // namespace witryna::display
