#include "drivers/hid/keymap.hpp"

#include <gtest/gtest.h>
#include <linux/input-event-codes.h>

#include <ostream>
#include <string>

namespace witryna::drivers::hid {
namespace keymap_test {
namespace {

struct Case {
  const char* name;
  Layout layout;
  int code;
  Modifiers modifiers;
  std::string text;
};

constexpr Modifiers kNone{};
constexpr Modifiers kShift{true, false, false};
constexpr Modifiers kAltGr{false, true, false};
constexpr Modifiers kShiftAltGr{true, true, false};
constexpr Modifiers kCaps{false, false, true};
constexpr Modifiers kShiftCaps{true, false, true};
constexpr Modifiers kCapsAltGr{false, true, true};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class KeymapTable : public ::testing::TestWithParam<Case> {};

TEST_P(KeymapTable, Translates) {
  const auto& c = GetParam();
  EXPECT_EQ(std::string(translate(c.layout, c.code, c.modifiers)), c.text);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeymapTable,
    ::testing::Values(Case{"us_letter", Layout::kUs, KEY_Q, kNone, "q"},
                      Case{"us_shift_letter", Layout::kUs, KEY_Q, kShift, "Q"},
                      Case{"us_caps_letter", Layout::kUs, KEY_Z, kCaps, "Z"},
                      Case{"us_shift_caps_letter", Layout::kUs, KEY_Z, kShiftCaps, "z"},
                      Case{"us_digit", Layout::kUs, KEY_7, kNone, "7"},
                      Case{"us_shift_digit", Layout::kUs, KEY_7, kShift, "&"},
                      Case{"us_caps_does_not_shift_digits", Layout::kUs, KEY_7, kCaps, "7"},
                      Case{"us_zero", Layout::kUs, KEY_0, kNone, "0"},
                      Case{"us_minus", Layout::kUs, KEY_MINUS, kNone, "-"},
                      Case{"us_underscore", Layout::kUs, KEY_MINUS, kShift, "_"},
                      Case{"us_dot", Layout::kUs, KEY_DOT, kNone, "."},
                      Case{"us_slash", Layout::kUs, KEY_SLASH, kNone, "/"},
                      Case{"us_colon", Layout::kUs, KEY_SEMICOLON, kShift, ":"},
                      Case{"us_quote", Layout::kUs, KEY_APOSTROPHE, kShift, "\""},
                      Case{"us_backslash", Layout::kUs, KEY_BACKSLASH, kNone, "\\"},
                      Case{"us_space", Layout::kUs, KEY_SPACE, kNone, " "},
                      Case{"us_tab", Layout::kUs, KEY_TAB, kNone, "\t"},
                      Case{"us_keypad_digit", Layout::kUs, KEY_KP5, kNone, "5"},
                      Case{"us_keypad_digit_with_shift", Layout::kUs, KEY_KP5, kShift, "5"},
                      Case{"us_keypad_minus", Layout::kUs, KEY_KPMINUS, kNone, "-"},
                      Case{"us_altgr_is_not_a_level", Layout::kUs, KEY_A, kAltGr, "a"},
                      Case{"us_enter_types_nothing", Layout::kUs, KEY_ENTER, kNone, ""},
                      Case{"us_shift_key_types_nothing", Layout::kUs, KEY_LEFTSHIFT, kNone, ""},
                      Case{"us_function_key_types_nothing", Layout::kUs, KEY_F1, kNone, ""},
                      Case{"pl_plain_is_us", Layout::kPl, KEY_A, kNone, "a"},
                      Case{"pl_shift_is_us", Layout::kPl, KEY_2, kShift, "@"},
                      Case{"pl_a_ogonek", Layout::kPl, KEY_A, kAltGr, "ą"},
                      Case{"pl_c_acute", Layout::kPl, KEY_C, kAltGr, "ć"},
                      Case{"pl_e_ogonek", Layout::kPl, KEY_E, kAltGr, "ę"},
                      Case{"pl_l_stroke", Layout::kPl, KEY_L, kAltGr, "ł"},
                      Case{"pl_n_acute", Layout::kPl, KEY_N, kAltGr, "ń"},
                      Case{"pl_o_acute", Layout::kPl, KEY_O, kAltGr, "ó"},
                      Case{"pl_s_acute", Layout::kPl, KEY_S, kAltGr, "ś"},
                      Case{"pl_z_acute_is_altgr_x", Layout::kPl, KEY_X, kAltGr, "ź"},
                      Case{"pl_z_dot_is_altgr_z", Layout::kPl, KEY_Z, kAltGr, "ż"},
                      Case{"pl_shift_altgr_upper", Layout::kPl, KEY_L, kShiftAltGr, "Ł"},
                      Case{"pl_shift_altgr_upper_z_acute", Layout::kPl, KEY_X, kShiftAltGr, "Ź"},
                      Case{"pl_caps_altgr_upper", Layout::kPl, KEY_S, kCapsAltGr, "Ś"},
                      Case{"pl_altgr_other_letter_types_nothing", Layout::kPl, KEY_Q, kAltGr, ""},
                      Case{"pl_altgr_digit_types_nothing", Layout::kPl, KEY_4, kAltGr, ""}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Keymap, LayoutNames) {
  EXPECT_EQ(parse_layout("us"), Layout::kUs);
  EXPECT_EQ(parse_layout("pl"), Layout::kPl);
  EXPECT_EQ(parse_layout("PL"), std::nullopt);
  EXPECT_EQ(parse_layout("de"), std::nullopt);
  EXPECT_EQ(to_string(Layout::kUs), "us");
  EXPECT_EQ(to_string(Layout::kPl), "pl");
}

}  // namespace
}  // namespace keymap_test
}  // namespace witryna::drivers::hid
