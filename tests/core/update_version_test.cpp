// Semantic version parsing and precedence, and the maintenance window.
#include <gtest/gtest.h>

#include <string>

#include "edge/core/update/version.hpp"
#include "edge/core/update/window.hpp"

namespace witryna::core {
namespace update_version_test {
namespace {

Version v(const std::string& text) {
  auto parsed = parse_version(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(Version{});
}

TEST(UpdateVersion, ParsesAndPrintsBack) {
  for (const char* text : {"0.0.0", "1.4.2", "10.20.30", "1.5.0-rc.1", "1.0.0-alpha-2.x.7"}) {
    EXPECT_EQ(v(text).to_string(), text);
  }
}

TEST(UpdateVersion, RefusesWhatIsNotAVersion) {
  for (const char* text :
       {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01", "1.2.3-a..b",
        "1.2.3+build.5", "v1.2.3", "1.2.3-ä", "1.2.-3", "4294967296.0.0", " 1.2.3"}) {
    const auto parsed = parse_version(text);
    EXPECT_FALSE(parsed) << text;
    if (!parsed) {
      EXPECT_EQ(parsed.error().code, errc::kInvalidValue);
    }
  }
}

TEST(UpdateVersion, PrecedenceFollowsSemVer) {
  // Each is lower than the next (semver.org §11 example plus numeric cases).
  const char* ordered[] = {"1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                           "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0",
                           "1.0.1",        "1.2.0",         "1.10.0",           "2.0.0"};
  for (std::size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_TRUE(v(ordered[i]) < v(ordered[i + 1])) << ordered[i] << " < " << ordered[i + 1];
    EXPECT_FALSE(v(ordered[i + 1]) < v(ordered[i])) << ordered[i + 1];
  }
  EXPECT_TRUE(v("1.4.2") == v("1.4.2"));
  EXPECT_FALSE(v("1.4.2") < v("1.4.2"));
}

TEST(MaintenanceWindow, WrapsMidnight) {
  const auto w = parse_maintenance_window("22:00-06:00");
  ASSERT_TRUE(w);
  struct Case {
    int minute;
    bool inside;
  } cases[] = {{21 * 60 + 59, false}, {22 * 60, true}, {23 * 60 + 59, true}, {0, true},
               {5 * 60 + 59, true},   {6 * 60, false}, {12 * 60, false}};
  for (const auto& c : cases)
    EXPECT_EQ(w->contains(c.minute), c.inside) << c.minute;
  EXPECT_EQ(w->to_string(), "22:00-06:00");
}

TEST(MaintenanceWindow, SameDayWindowAndUrgent) {
  const auto w = parse_maintenance_window("01:30-03:00");
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->contains(60 + 29));
  EXPECT_TRUE(w->contains(60 + 30));
  EXPECT_FALSE(w->contains(3 * 60));
  EXPECT_FALSE(may_install_now(false, *w, 12 * 60));
  EXPECT_TRUE(may_install_now(true, *w, 12 * 60));
  EXPECT_TRUE(may_install_now(false, *w, 2 * 60));
}

TEST(MaintenanceWindow, RefusesBadText) {
  for (const char* text : {"", "22:00", "22:00-22:00", "24:00-06:00", "22:60-06:00", "2200-0600",
                           "22:00–06:00", "22:00-06:00 "}) {
    EXPECT_FALSE(parse_maintenance_window(text)) << text;
  }
}

}  // namespace
}  // namespace update_version_test
}  // namespace witryna::core
