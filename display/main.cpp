// witryna-display: the kiosk / checkout screen of a witryna appliance.
#include <cstdio>

#include "display/app/app.hpp"
#include "edge/cli/command.hpp"

namespace {

using witryna::display::Options;

void add_flags(witryna::cli::Command& app, Options& o, std::string& role, std::string& language,
               std::string& now, std::string& socket, std::string& config, std::string& till,
               std::string& shot_dir, std::string& render, std::string& out) {
  app.add_option("--socket", socket,
                 "the edge's screen socket (default: screen_api.socket of "
                 "--config, else /run/witryna/screen.sock)");
  app.add_option("--screen", o.screen, "this screen's id, sent in hello")->capture_default_str();
  app.add_option("--role", role, "kiosk or checkout")
      ->check(witryna::cli::OneOf{{"kiosk", "checkout"}})
      ->capture_default_str();
  app.add_option("--till", till, "the till of a checkout screen (e.g. T2)");
  app.add_option("--language", language, "pl or en (default: display.language, else pl)")
      ->check(witryna::cli::OneOf{{"pl", "en"}});
  app.add_option("--width", o.width,
                 "window width (default from the role: kiosk 1080, checkout 1280)");
  app.add_option("--height", o.height, "window height (default: kiosk 1920, checkout 800)");
  app.add_flag("--windowed", o.windowed, "a normal window instead of full screen");
  app.add_option("--config", config, "witryna.toml: display.*, screen_api.socket, device.*");
  app.add_option("--font-dir", o.font_dir, "where DejaVuSans*.ttf are")->capture_default_str();
  app.add_option("--attract-s", o.attract_seconds, "seconds per idle offer")->capture_default_str();
  app.add_option("--screenshot-dir", shot_dir, "write what is shown to DIR/<screen>.png");
  app.add_option("--screenshot-every-s", o.screenshot_every_s, "how often (default 10 with a dir)");
  app.add_option("--render-once", render, "render this recorded view JSON once and exit");
  app.add_option("--out", out, "the PNG --render-once writes");
  app.add_option("--now", now, "fixed RFC 3339 clock for --render-once");
  app.add_option("--page", o.page, "with --render-once: 'preferences' opens My preferences");
  app.add_option("--type", o.type, "with --render-once: text typed into the code pad");
  app.add_flag("--offline", o.offline, "with --render-once: draw as if the edge were unreachable");
  app.add_flag("--glyph-check", o.glyph_check, "exit 3 if any drawn character has no glyph");
  app.add_flag("--no-latin-ext", o.no_latin_ext,
               "diagnostics: load fonts without Latin Extended-A");
  app.add_option("--view-shots", o.view_shots,
                 "diagnostics: write DIR/view-<rev>-<mode>.png of each new view once it is drawn");
  app.add_option("--frame-log", o.frame_log,
                 "diagnostics: append a line per frame shown (CLOCK_MONOTONIC times, the "
                 "view's rev and mode, whether it is a new view's first frame) to FILE");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace witryna::display;
  Options o;
  witryna::cli::Command app{"witryna-display: the ImGui kiosk / checkout screen"};
  std::string role = "kiosk";
  std::string language, now, socket, config, till, shot_dir, render, out;
  add_flags(app, o, role, language, now, socket, config, till, shot_dir, render, out);
  if (const auto exit = app.parse(argc, argv)) return *exit;

  o.role = *role_from(role);
  if (!language.empty()) o.language = language_from(language);
  if (!socket.empty()) o.socket = socket;
  if (!config.empty()) o.config = config;
  if (!till.empty()) o.till = till;
  if (!shot_dir.empty()) o.screenshot_dir = shot_dir;
  if (!render.empty()) o.render_once = render;
  if (!out.empty()) o.out = out;
  if (!now.empty()) {
    const auto t = witryna::parse_rfc3339(now);
    if (!t) {
      std::fprintf(stderr, "witryna-display: --now must be an RFC 3339 time\n");
      return 2;
    }
    o.now = *t;
  }
  if (auto ok = resolve_options(o); !ok) {
    std::fprintf(stderr, "witryna-display: %s\n", ok.error().context.c_str());
    return 2;
  }
  return o.render_once ? render_once(o) : run_screen(o);
}
