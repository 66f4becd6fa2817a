#pragma once
// What the display reads from the appliance's witryna.toml (the edge owns the
// file and validates all of it; the display reads only these keys and
// ignores the rest):
//   display.language                      "pl" | "en"
//   display.colors.{primary,accent,background,text}   "#RRGGBB"
//   screen_api.socket                     path (relative to the file's folder)
//   device.brand                          shown as the brand name
//   device.timezone                       IANA name for local times
//   points.currency                       currency of purchases typed at checkout

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "display/model/colour.hpp"
#include "display/model/language.hpp"
#include "edge/core/result.hpp"

namespace witryna::display {

// Defaults match the edge's own (edge/service/config.hpp DisplayColors).
struct BrandColours {
  Rgb primary{0xC8, 0x10, 0x2E};
  Rgb accent{0x1F, 0x2A, 0x44};
  Rgb background{0xFF, 0xFF, 0xFF};
  Rgb text{0x11, 0x11, 0x11};

  friend bool operator==(const BrandColours&, const BrandColours&) = default;
};

struct DisplayConfig {
  std::optional<Language> language;
  BrandColours colours;
  std::optional<std::filesystem::path> socket;
  std::string brand;
  std::optional<std::string> timezone;
  std::string currency = "PLN";
};

// Parses TOML text; `base_dir` resolves a relative socket path. Errors are
// config_invalid with the key and what is expected, for a field engineer.
[[nodiscard]] Result<DisplayConfig> parse_display_config(std::string_view toml_text,
                                                         const std::filesystem::path& base_dir);
[[nodiscard]] Result<DisplayConfig> load_display_config(const std::filesystem::path& file);

}  // namespace witryna::display
