#include "display/app/config.hpp"

#include <gtest/gtest.h>

#include "display/app/options.hpp"
#include "display/client/backoff.hpp"
#include "display/model/colour.hpp"

namespace witryna::display {
namespace config_test {
namespace {

TEST(Colour, HexParsing) {
  EXPECT_EQ(parse_hex_colour("#C8102E"), (Rgb{0xC8, 0x10, 0x2E}));
  EXPECT_EQ(parse_hex_colour("1f2a44"), (Rgb{0x1F, 0x2A, 0x44}));
  for (const char* bad : {"", "#12345", "#1234567", "#GG0000", "red"}) {
    EXPECT_FALSE(parse_hex_colour(bad)) << bad;
  }
  EXPECT_GT(luminance(Rgb{255, 255, 255}), 0.99);
  EXPECT_LT(luminance(Rgb{0, 0, 0}), 0.01);
}

TEST(DisplayConfig, ReadsOnlyItsKeysFromWitrynaToml) {
  const auto c = parse_display_config(R"(
[device]
id = "PL-WAW-001-edge1"
brand = "acme"
store = "PL-WAW-001"
timezone = "Europe/Warsaw"
[screen_api]
socket = "run/screen.sock"
[points]
currency = "EUR"
[display]
language = "en"
[display.colors]
primary = "#005A9C"
text = "#222222"
[something_else]
x = 1
)",
                                      "/etc/witryna");
  ASSERT_TRUE(c) << c.error().context;
  EXPECT_EQ(c->language, Language::kEn);
  EXPECT_EQ(c->colours.primary, (Rgb{0x00, 0x5A, 0x9C}));
  EXPECT_EQ(c->colours.text, (Rgb{0x22, 0x22, 0x22}));
  EXPECT_EQ(c->colours.accent, BrandColours{}.accent);  // default kept
  EXPECT_EQ(c->socket, std::filesystem::path("/etc/witryna/run/screen.sock"));
  EXPECT_EQ(c->brand, "acme");
  EXPECT_EQ(c->timezone, "Europe/Warsaw");
  EXPECT_EQ(c->currency, "EUR");
}

TEST(DisplayConfig, ErrorsNameTheKey) {
  struct Case {
    const char* toml;
    const char* mentions;
  };
  const Case cases[] = {
      {"[display]\nlanguage = \"de\"", "display.language"},
      {"[display.colors]\nprimary = \"red\"", "display.colors.primary"},
      {"[display.colors]\naccent = 5", "display.colors.accent"},
      {"[display\n", "TOML"},
  };
  for (const auto& c : cases) {
    const auto r = parse_display_config(c.toml, "/");
    ASSERT_FALSE(r) << c.toml;
    EXPECT_EQ(r.error().code, "config_invalid");
    EXPECT_NE(r.error().context.find(c.mentions), std::string::npos) << r.error().context;
  }
  EXPECT_FALSE(load_display_config("/nonexistent/witryna.toml"));
}

TEST(Options, SizesFromRoleAndChecks) {
  Options kiosk;
  ASSERT_TRUE(resolve_options(kiosk));
  EXPECT_EQ(kiosk.width, 1080);
  EXPECT_EQ(kiosk.height, 1920);
  EXPECT_EQ(effective_language(kiosk), Language::kPl);
  EXPECT_EQ(effective_socket(kiosk), "/run/witryna/screen.sock");

  Options checkout;
  checkout.role = Role::kCheckout;
  EXPECT_FALSE(resolve_options(checkout));  // a connecting checkout needs its till
  checkout.till = "T2";
  ASSERT_TRUE(resolve_options(checkout));
  EXPECT_EQ(checkout.width, 1280);
  EXPECT_EQ(checkout.height, 800);

  Options render;
  render.render_once = "view.json";
  EXPECT_FALSE(resolve_options(render));  // needs --out
  render.out = "out.png";
  render.role = Role::kCheckout;
  EXPECT_TRUE(resolve_options(render));  // a picture needs no till

  Options tiny;
  tiny.width = 10;
  tiny.height = 10;
  EXPECT_FALSE(resolve_options(tiny));

  Options flags;
  flags.language = Language::kEn;
  flags.display.language = Language::kPl;
  flags.socket = "/tmp/s.sock";
  flags.display.socket = "/run/x.sock";
  EXPECT_EQ(effective_language(flags), Language::kEn);  // the command line wins
  EXPECT_EQ(effective_socket(flags), "/tmp/s.sock");
}

TEST(Backoff, DoublesUpToTheCapAndResets) {
  Backoff b(Millis(100), Millis(1000));
  std::vector<long> got;
  for (int i = 0; i < 6; ++i)
    got.push_back(b.next().count());
  EXPECT_EQ(got, (std::vector<long>{100, 200, 400, 800, 1000, 1000}));
  b.reset();
  EXPECT_EQ(b.next().count(), 100);
}

}  // namespace
}  // namespace config_test
}  // namespace witryna::display
