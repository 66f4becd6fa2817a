// witryna-display --render-once under a private Xvfb: every mode, both
// layouts (1080×1920 kiosk portrait, 1280×800 checkout landscape), both
// languages. The PNGs stay in ${WITRYNA_BINARY_DIR}/screenshots/ for people
// to look at; the checks here catch blank, broken or glyph-less frames.
#include <gtest/gtest.h>

#include <memory>

#include "tests/display/integration/png_check.hpp"
#include "tests/display/integration/x_server.hpp"

namespace witryna::test {
namespace screenshot_test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNow = "2026-11-22T10:00:00Z";
constexpr std::uint32_t kPrimary = 0xC8102E;  // the default brand colour (edge config default)
constexpr std::uint32_t kWhite = 0xFFFFFF;

struct Layout {
  const char* name;
  int width;
  int height;
};
constexpr Layout kPortrait{"portrait", 1080, 1920};
constexpr Layout kLandscape{"landscape", 1280, 800};

struct ModeCase {
  const char* name;
  const char* view;
  const char* role;
  std::vector<std::string> extra;
};

// gtest prints the parameter in test names: the mode's name is enough.
[[maybe_unused]] void PrintTo(const ModeCase& m, std::ostream* os) {
  *os << m.name;
}

fs::path shots_dir() {
  const fs::path dir = WITRYNA_SCREENSHOT_DIR;
  fs::create_directories(dir);
  return dir;
}

float scale_of(const Layout& l) {
  return static_cast<float>(std::min(l.width, l.height)) / 800.0f;
}

int header_height(const ModeCase& m, const Layout& l) {
  return static_cast<int>((std::string(m.role) == "kiosk" ? 92.0f : 64.0f) * scale_of(l));
}

int strip_height(const Layout& l) {
  return static_cast<int>(40.0f * scale_of(l));
}

class Screenshots : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { x_ = std::make_unique<XServer>(); }
  static void TearDownTestSuite() { x_.reset(); }

  static int render(const ModeCase& m, const Layout& l, const std::string& lang,
                    const fs::path& out, const std::vector<std::string>& more = {}) {
    std::vector<std::string> argv = {
        WITRYNA_DISPLAY_EXE,
        "--render-once",
        (fs::path(WITRYNA_SOURCE_DIR) / "tests/display/views" / (std::string(m.view) + ".json"))
            .string(),
        "--out",
        out.string(),
        "--role",
        m.role,
        "--till",
        "T2",
        "--screen",
        std::string(m.role) == "kiosk" ? "kiosk-1" : "till-2",
        "--language",
        lang,
        "--width",
        std::to_string(l.width),
        "--height",
        std::to_string(l.height),
        "--now",
        kNow,
        "--glyph-check"};
    argv.insert(argv.end(), m.extra.begin(), m.extra.end());
    argv.insert(argv.end(), more.begin(), more.end());
    Child child(argv, {"DISPLAY=" + x_->display(), "TZ=Europe/Warsaw"});
    return child.wait(std::chrono::seconds(120));
  }

  static std::unique_ptr<XServer> x_;
};
std::unique_ptr<XServer> Screenshots::x_;

class ModeScreenshots : public Screenshots, public ::testing::WithParamInterface<ModeCase> {};

TEST_P(ModeScreenshots, BothLayoutsBothLanguages) {
  ASSERT_TRUE(x_->ok()) << "Xvfb did not start";
  const ModeCase& m = GetParam();
  for (const Layout& l : {kPortrait, kLandscape}) {
    for (const char* lang : {"pl", "en"}) {
      const fs::path out = shots_dir() / (std::string(m.name) + "-" + l.name + "-" + lang + ".png");
      SCOPED_TRACE(out.string());
      ASSERT_EQ(render(m, l, lang, out), 0) << "render failed or drew a character without a glyph";
      const Pixels p = load_png(out);
      ASSERT_EQ(p.width, l.width);
      ASSERT_EQ(p.height, l.height);
      // Text is antialiased: a real screen has hundreds of shades; blank has one.
      EXPECT_GT(distinct_colours(p), 200u);
      const int header = header_height(m, l);
      const Region header_band{0, 2, l.width, header - 2};
      const Region strip{0, l.height - strip_height(l) + 3, l.width, l.height};
      if (std::string(m.name) == "offline") {
        // Everything under the calm card is dimmed; the card itself is white.
        EXPECT_LT(share_of(p, header_band, kPrimary), 0.05);
        const Region centre{l.width / 3, l.height * 45 / 100, l.width * 2 / 3, l.height * 50 / 100};
        EXPECT_GT(share_of(p, centre, kWhite), 0.5);
      } else {
        EXPECT_GT(share_of(p, header_band, kPrimary), 0.5) << "brand header missing";
      }
      EXPECT_LT(share_of(p, strip, kPrimary), 0.05) << "status strip missing";
      if (std::string(m.name) == "idle" && l.height > l.width) {
        // The call to action (brand colour) fills the lower part of the kiosk.
        const Region cta{0, l.height * 3 / 4, l.width, l.height - strip_height(l) - 40};
        EXPECT_GT(share_of(p, cta, kPrimary), 0.3);
      }
    }
  }
}

const ModeCase kModes[] = {
    {"idle", "idle", "kiosk", {}},
    {"customer", "customer", "kiosk", {}},
    {"preferences", "customer", "kiosk", {"--page", "preferences"}},
    {"message", "message", "kiosk", {}},
    {"checkout_idle", "idle", "checkout", {}},
    {"code", "code_ok", "checkout", {"--type", "7K3M9Q2DJ"}},
    {"code_expired", "code_expired", "checkout", {"--type", "7K3M9"}},
    {"pickups", "pickups", "checkout", {}},
    {"service", "service", "checkout", {}},
    {"purchase", "checkout_customer", "checkout", {}},
    {"offline", "idle", "kiosk", {"--offline"}},
};

INSTANTIATE_TEST_SUITE_P(Display, ModeScreenshots, ::testing::ValuesIn(kModes),
                         [](const ::testing::TestParamInfo<ModeCase>& param) {
                           return std::string(param.param.name);
                         });

TEST_F(Screenshots, ModesLookDifferent) {
  ASSERT_TRUE(x_->ok());
  const ModeCase modes[] = {{"idle", "idle", "kiosk", {}},
                            {"customer", "customer", "kiosk", {}},
                            {"message", "message", "kiosk", {}},
                            {"preferences", "customer", "kiosk", {"--page", "preferences"}}};
  std::vector<Pixels> shots;
  for (const auto& m : modes) {
    const fs::path out = shots_dir() / (std::string("compare-") + m.name + ".png");
    ASSERT_EQ(render(m, kLandscape, "en", out), 0) << m.name;
    shots.push_back(load_png(out));
  }
  // The content between header and status strip differs from mode to mode.
  const Region content{0, 100, kLandscape.width, kLandscape.height - 60};
  for (std::size_t i = 0; i < shots.size(); ++i) {
    for (std::size_t j = i + 1; j < shots.size(); ++j) {
      EXPECT_GT(mean_difference(shots[i], shots[j], content), 6.0)
          << modes[i].name << " vs " << modes[j].name;
    }
  }
  // …while the status strip is the same kind of thing on each.
  const Region strip{0, kLandscape.height - 30, kLandscape.width, kLandscape.height};
  EXPECT_LT(mean_difference(shots[0], shots[1], strip), 6.0);
}

TEST_F(Screenshots, PolishLettersAreRealGlyphs) {
  ASSERT_TRUE(x_->ok());
  const ModeCase customer{"customer", "customer", "kiosk", {}};
  const fs::path good = shots_dir() / "glyphs-latin-ext.png";
  const fs::path bad = shots_dir() / "glyphs-without-latin-ext.png";
  // With Latin Extended-A every drawn character has its glyph…
  ASSERT_EQ(render(customer, kPortrait, "pl", good), 0);
  // …and the same check fails (exit 3) when the range is left out, so it can fail.
  ASSERT_EQ(render(customer, kPortrait, "pl", bad, {"--no-latin-ext"}), 3);
  // "Dzień dobry, Małgorzata!": ń and ł become ImGui's fallback '?' there.
  const Region greeting{0, 140, kPortrait.width, 280};
  EXPECT_GT(mean_difference(load_png(good), load_png(bad), greeting), 0.5);
}

}  // namespace
}  // namespace screenshot_test
}  // namespace witryna::test
