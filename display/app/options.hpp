#pragma once
// Everything witryna-display is told at start: command-line flags (main.cpp
// defines them with CLI11) merged over witryna.toml's display keys.

#include <filesystem>
#include <optional>
#include <string>

#include "display/app/config.hpp"
#include "display/model/language.hpp"
#include "display/model/role.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::display {

struct Options {
  // connection (screen-api.md hello)
  std::optional<std::filesystem::path> socket;  // default: config, then /run/witryna/screen.sock
  std::string screen = "kiosk-1";
  Role role = Role::kKiosk;
  std::optional<std::string> till;  // required for a checkout screen that connects
  // look
  std::optional<Language> language;  // default: config, then pl
  int width = 0;                     // 0: from the role (kiosk 1080×1920, checkout 1280×800)
  int height = 0;
  bool windowed = false;  // else full screen, undecorated
  std::optional<std::filesystem::path> config;
  std::filesystem::path font_dir = WITRYNA_DISPLAY_FONT_DIR;
  int attract_seconds = 7;
  // screenshots
  std::optional<std::filesystem::path> screenshot_dir;
  double screenshot_every_s = 0;
  std::optional<std::filesystem::path> render_once;  // a view JSON file
  std::optional<std::filesystem::path> out;          // its PNG
  // render-once setup and diagnostics (tests, demo)
  std::optional<TimePoint> now;  // a fixed clock for reproducible screenshots
  std::string page;              // "preferences": open "My preferences"
  std::string type;              // pre-typed into the code pad
  bool offline = false;          // draw as if the edge were unreachable
  bool glyph_check = false;      // exit 3 if any drawn character had no glyph
  bool no_latin_ext = false;     // fonts without Latin Extended-A (proves the check)
  // Latency diagnostics (tools/bench/pixels, the end-to-end test): off by default.
  std::optional<std::filesystem::path> frame_log;
  std::optional<std::filesystem::path> view_shots;  // a PNG of each new view, once settled

  // Filled by resolve_options():
  DisplayConfig display;
};

// Applies the config file and the defaults: sizes from the role, language,
// socket. config_invalid with a message for a person on a bad combination.
[[nodiscard]] Result<void> resolve_options(Options& options);

[[nodiscard]] Language effective_language(const Options& options);
[[nodiscard]] std::filesystem::path effective_socket(const Options& options);

}  // namespace witryna::display
