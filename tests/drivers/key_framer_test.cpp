#include <gtest/gtest.h>
#include <linux/input-event-codes.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "drivers/hid/framer.hpp"

namespace witryna::drivers::hid {
namespace key_framer_test {
namespace {

using std::chrono::milliseconds;
using Instant = KeyFramer::Instant;

Instant at(int ms) {
  return Instant{} + milliseconds(ms);
}
Frame scan(std::string payload) {
  return {FrameKind::kScan, std::move(payload)};
}
const Frame kTimedOut{FrameKind::kTimedOut, {}};
const Frame kOverlong{FrameKind::kOverlong, {}};

// Key events as a scanner sends them, 5 ms apart unless waited.
struct Script {
  struct Step {
    int code;
    int value;
    int ms;
  };
  std::vector<Step> steps;
  int now = 0;

  Script& down(int code) { return add(code, 1); }
  Script& up(int code) { return add(code, 0); }
  Script& repeat(int code) { return add(code, 2); }
  Script& tap(int code) { return down(code).up(code); }
  Script& wait(int ms) {
    now += ms;
    return *this;
  }
  Script& shifted(int code) { return down(KEY_LEFTSHIFT).tap(code).up(KEY_LEFTSHIFT); }
  Script& altgr(int code) { return down(KEY_RIGHTALT).tap(code).up(KEY_RIGHTALT); }
  Script& digits(const std::string& text) {
    static constexpr int kDigit[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4,
                                     KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
    for (char c : text)
      tap(kDigit[c - '0']);
    return *this;
  }
  Script& enter() { return tap(KEY_ENTER); }

 private:
  Script& add(int code, int value) {
    steps.push_back({code, value, now});
    now += 5;
    return *this;
  }
};

struct Case {
  const char* name;
  Layout layout;
  Script script;
  std::vector<Frame> frames;
  std::size_t max_bytes = kMaxScanBytes;
};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class KeyFramerTable : public ::testing::TestWithParam<Case> {};

TEST_P(KeyFramerTable, Frames) {
  const auto& c = GetParam();
  KeyFramer framer({c.layout, milliseconds(200), c.max_bytes});
  std::vector<Frame> got;
  for (const auto& step : c.script.steps) {
    for (auto& frame : framer.key(step.code, step.value, at(step.ms))) {
      got.push_back(std::move(frame));
    }
  }
  EXPECT_EQ(got, c.frames);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeyFramerTable,
    ::testing::Values(
        Case{"ean13",
             Layout::kUs,
             Script().digits("2900000123458").enter(),
             {scan("2900000123458")}},
        Case{"keypad_enter_frames_too",
             Layout::kUs,
             Script().digits("42").tap(KEY_KPENTER),
             {scan("42")}},
        Case{"two_scans",
             Layout::kUs,
             Script().digits("1").enter().digits("2").enter(),
             {scan("1"), scan("2")}},
        Case{"empty_enter_is_no_scan", Layout::kUs, Script().enter().enter(), {}},
        Case{"no_enter_no_scan", Layout::kUs, Script().digits("123"), {}},
        Case{"left_shift", Layout::kUs, Script().shifted(KEY_A).tap(KEY_B).enter(), {scan("Ab")}},
        Case{"right_shift_symbols",
             Layout::kUs,
             Script()
                 .down(KEY_RIGHTSHIFT)
                 .tap(KEY_1)
                 .tap(KEY_2)
                 .up(KEY_RIGHTSHIFT)
                 .tap(KEY_3)
                 .enter(),
             {scan("!@3")}},
        Case{"both_shifts_released_in_any_order",
             Layout::kUs,
             Script()
                 .down(KEY_LEFTSHIFT)
                 .down(KEY_RIGHTSHIFT)
                 .up(KEY_LEFTSHIFT)
                 .tap(KEY_X)
                 .up(KEY_RIGHTSHIFT)
                 .tap(KEY_X)
                 .enter(),
             {scan("Xx")}},
        Case{"caps_lock_toggles_letters_only",
             Layout::kUs,
             Script()
                 .tap(KEY_CAPSLOCK)
                 .tap(KEY_A)
                 .shifted(KEY_B)
                 .tap(KEY_1)
                 .tap(KEY_CAPSLOCK)
                 .tap(KEY_C)
                 .enter(),
             {scan("Ab1c")}},
        Case{"repeats_ignored",
             Layout::kUs,
             Script().down(KEY_5).repeat(KEY_5).repeat(KEY_5).up(KEY_5).enter(),
             {scan("5")}},
        Case{"repeated_enter_ignored",
             Layout::kUs,
             Script()
                 .digits("7")
                 .down(KEY_ENTER)
                 .repeat(KEY_ENTER)
                 .up(KEY_ENTER)
                 .digits("8")
                 .enter(),
             {scan("7"), scan("8")}},
        Case{"releases_type_nothing",
             Layout::kUs,
             Script().down(KEY_9).up(KEY_9).up(KEY_9).enter(),
             {scan("9")}},
        Case{"unmapped_keys_skipped",
             Layout::kUs,
             Script().tap(KEY_F1).digits("1").tap(KEY_LEFTCTRL).tap(KEY_ESC).digits("2").enter(),
             {scan("12")}},
        Case{"app_code_with_hyphens",
             Layout::kUs,
             Script()
                 .shifted(KEY_7)
                 .tap(KEY_MINUS)
                 .shifted(KEY_K)
                 .tap(KEY_DOT)
                 .shifted(KEY_SLASH)
                 .enter(),
             {scan("&-K.?")}},
        Case{"polish_altgr",
             Layout::kPl,
             Script()
                 .tap(KEY_Z)
                 .tap(KEY_A)
                 .altgr(KEY_Z)
                 .altgr(KEY_O)
                 .altgr(KEY_L)
                 .altgr(KEY_C)
                 .tap(KEY_SPACE)
                 .tap(KEY_G)
                 .altgr(KEY_E)
                 .altgr(KEY_S)
                 .tap(KEY_L)
                 .altgr(KEY_A)
                 .tap(KEY_SPACE)
                 .tap(KEY_J)
                 .tap(KEY_A)
                 .altgr(KEY_X)
                 .altgr(KEY_N)
                 .enter(),
             {scan("zażółć gęślą jaźń")}},
        Case{"polish_upper_with_shift_and_altgr",
             Layout::kPl,
             Script()
                 .down(KEY_LEFTSHIFT)
                 .down(KEY_RIGHTALT)
                 .tap(KEY_Z)
                 .tap(KEY_X)
                 .up(KEY_RIGHTALT)
                 .tap(KEY_A)
                 .up(KEY_LEFTSHIFT)
                 .enter(),
             {scan("ŻŹA")}},
        Case{"polish_upper_with_caps",
             Layout::kPl,
             Script().tap(KEY_CAPSLOCK).altgr(KEY_N).tap(KEY_N).enter(),
             {scan("ŃN")}},
        Case{"us_ignores_altgr", Layout::kUs, Script().altgr(KEY_A).enter(), {scan("a")}},
        Case{"pl_altgr_without_polish_meaning_skipped",
             Layout::kPl,
             Script().altgr(KEY_Q).tap(KEY_Q).enter(),
             {scan("q")}},
        Case{"pause_below_timeout_keeps_the_scan",
             Layout::kUs,
             Script().digits("12").wait(190).digits("3").enter(),
             {scan("123")}},
        Case{"pause_beyond_timeout_drops_the_start",
             Layout::kUs,
             Script().digits("12").wait(200).digits("3").enter(),
             {kTimedOut, scan("3")}},
        Case{"pause_after_enter_is_nothing",
             Layout::kUs,
             Script().digits("1").enter().wait(1000).digits("2").enter(),
             {scan("1"), scan("2")}},
        Case{"modifier_alone_does_not_start_a_scan",
             Layout::kUs,
             Script().tap(KEY_LEFTSHIFT).wait(1000).digits("2").enter(),
             {scan("2")}},
        Case{"overlong_reported_once",
             Layout::kUs,
             Script().digits("123456").enter().digits("12").enter(),
             {kOverlong, scan("12")},
             4},
        Case{"exactly_the_limit", Layout::kUs, Script().digits("1234").enter(), {scan("1234")}, 4},
        Case{"multibyte_letter_counts_in_bytes",
             Layout::kPl,
             Script().digits("123").altgr(KEY_A).enter().digits("1").enter(),
             {kOverlong, scan("1")},
             4},
        Case{"overlong_then_timeout_is_not_reported_again",
             Layout::kUs,
             Script().digits("12345").wait(500).digits("9").enter(),
             {kOverlong, scan("9")},
             4}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(KeyFramer, DeadlineFollowsTheLastKey) {
  KeyFramer framer({Layout::kUs, milliseconds(200), kMaxScanBytes});
  EXPECT_EQ(framer.deadline(), std::nullopt);
  EXPECT_TRUE(framer.key(KEY_1, 1, at(100)).empty());
  EXPECT_EQ(framer.deadline(), at(300));
  EXPECT_TRUE(framer.key(KEY_1, 0, at(150)).empty());
  EXPECT_EQ(framer.deadline(), at(350));
  EXPECT_TRUE(framer.key(KEY_1, 2, at(250)).empty());  // a repeat is not activity
  EXPECT_EQ(framer.deadline(), at(350));
}

TEST(KeyFramer, ExpireOnlyAtTheDeadline) {
  KeyFramer framer({Layout::kUs, milliseconds(200), kMaxScanBytes});
  EXPECT_EQ(framer.expire(at(0)), std::nullopt);  // idle
  EXPECT_TRUE(framer.key(KEY_1, 1, at(0)).empty());
  EXPECT_EQ(framer.expire(at(199)), std::nullopt);
  EXPECT_EQ(framer.expire(at(200)), std::optional<Frame>(kTimedOut));
  EXPECT_EQ(framer.deadline(), std::nullopt);
  EXPECT_EQ(framer.expire(at(1000)), std::nullopt);
  // The next scan starts clean.
  EXPECT_TRUE(framer.key(KEY_2, 1, at(1000)).empty());
  EXPECT_EQ(framer.key(KEY_ENTER, 1, at(1005)), std::vector<Frame>{scan("2")});
}

TEST(KeyFramer, ResetReportsAStartedScanAndForgetsHeldKeys) {
  KeyFramer framer({Layout::kPl, milliseconds(200), kMaxScanBytes});
  EXPECT_EQ(framer.reset(), std::nullopt);
  EXPECT_TRUE(framer.key(KEY_LEFTSHIFT, 1, at(0)).empty());
  EXPECT_TRUE(framer.key(KEY_RIGHTALT, 1, at(0)).empty());
  EXPECT_TRUE(framer.key(KEY_CAPSLOCK, 1, at(0)).empty());
  EXPECT_TRUE(framer.key(KEY_A, 1, at(1)).empty());
  EXPECT_EQ(framer.modifiers(), (Modifiers{true, true, true}));
  EXPECT_EQ(framer.reset(), std::optional<Frame>(Frame{FrameKind::kIncomplete, {}}));
  EXPECT_EQ(framer.modifiers(), Modifiers{});
  EXPECT_TRUE(framer.key(KEY_A, 1, at(2)).empty());
  EXPECT_EQ(framer.key(KEY_ENTER, 1, at(3)), std::vector<Frame>{scan("a")});
}

}  // namespace
}  // namespace key_framer_test
}  // namespace witryna::drivers::hid
