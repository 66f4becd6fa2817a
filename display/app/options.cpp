#include "display/app/options.hpp"

namespace witryna::display {

Result<void> resolve_options(Options& o) {
  if (o.config) {
    auto loaded = load_display_config(*o.config);
    if (!loaded) return Unexpected(loaded.error());
    o.display = std::move(*loaded);
  }
  if (o.width == 0 && o.height == 0) {
    o.width = o.role == Role::kKiosk ? 1080 : 1280;
    o.height = o.role == Role::kKiosk ? 1920 : 800;
  }
  if (o.width < 320 || o.height < 320 || o.width > 8192 || o.height > 8192) {
    return fail(std::string(errc::kConfig), "--width and --height must be between 320 and 8192");
  }
  if (o.render_once && !o.out) {
    return fail(std::string(errc::kConfig), "--render-once needs --out FILE.png");
  }
  if (!o.render_once && o.role == Role::kCheckout && (!o.till || o.till->empty())) {
    return fail(std::string(errc::kConfig), "a checkout screen needs --till (e.g. --till T2)");
  }
  if (o.screenshot_every_s < 0) {
    return fail(std::string(errc::kConfig), "--screenshot-every-s must not be negative");
  }
  if (o.screenshot_dir && o.screenshot_every_s == 0) o.screenshot_every_s = 10;
  if (o.attract_seconds < 1)
    return fail(std::string(errc::kConfig), "--attract-s must be at least 1");
  return {};
}

Language effective_language(const Options& o) {
  if (o.language) return *o.language;
  return o.display.language.value_or(Language::kPl);
}

std::filesystem::path effective_socket(const Options& o) {
  if (o.socket) return *o.socket;
  return o.display.socket.value_or("/run/witryna/screen.sock");
}

}  // namespace witryna::display
