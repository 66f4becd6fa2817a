#include "drivers/hid/keymap.hpp"

#include <linux/input-event-codes.h>

#include <array>

namespace witryna::drivers::hid {
namespace {

struct KeyText {
  int code;
  std::string_view plain;
  std::string_view shifted;
};

// Letters: Shift and Caps Lock flip case.
constexpr std::array<KeyText, 26> kLetters = {{
    {KEY_A, "a", "A"}, {KEY_B, "b", "B"}, {KEY_C, "c", "C"}, {KEY_D, "d", "D"}, {KEY_E, "e", "E"},
    {KEY_F, "f", "F"}, {KEY_G, "g", "G"}, {KEY_H, "h", "H"}, {KEY_I, "i", "I"}, {KEY_J, "j", "J"},
    {KEY_K, "k", "K"}, {KEY_L, "l", "L"}, {KEY_M, "m", "M"}, {KEY_N, "n", "N"}, {KEY_O, "o", "O"},
    {KEY_P, "p", "P"}, {KEY_Q, "q", "Q"}, {KEY_R, "r", "R"}, {KEY_S, "s", "S"}, {KEY_T, "t", "T"},
    {KEY_U, "u", "U"}, {KEY_V, "v", "V"}, {KEY_W, "w", "W"}, {KEY_X, "x", "X"}, {KEY_Y, "y", "Y"},
    {KEY_Z, "z", "Z"},
}};

// Digits and punctuation of the US layout: Shift picks the second symbol,
// Caps Lock does nothing.
constexpr std::array<KeyText, 23> kSymbols = {{
    {KEY_1, "1", "!"},           {KEY_2, "2", "@"},          {KEY_3, "3", "#"},
    {KEY_4, "4", "$"},           {KEY_5, "5", "%"},          {KEY_6, "6", "^"},
    {KEY_7, "7", "&"},           {KEY_8, "8", "*"},          {KEY_9, "9", "("},
    {KEY_0, "0", ")"},           {KEY_MINUS, "-", "_"},      {KEY_EQUAL, "=", "+"},
    {KEY_LEFTBRACE, "[", "{"},   {KEY_RIGHTBRACE, "]", "}"}, {KEY_SEMICOLON, ";", ":"},
    {KEY_APOSTROPHE, "'", "\""}, {KEY_GRAVE, "`", "~"},      {KEY_BACKSLASH, "\\", "|"},
    {KEY_COMMA, ",", "<"},       {KEY_DOT, ".", ">"},        {KEY_SLASH, "/", "?"},
    {KEY_SPACE, " ", " "},       {KEY_TAB, "\t", "\t"},
}};

// Keypad with Num Lock on: Shift does not change them here.
constexpr std::array<KeyText, 18> kKeypad = {{
    {KEY_KP0, "0", "0"},
    {KEY_KP1, "1", "1"},
    {KEY_KP2, "2", "2"},
    {KEY_KP3, "3", "3"},
    {KEY_KP4, "4", "4"},
    {KEY_KP5, "5", "5"},
    {KEY_KP6, "6", "6"},
    {KEY_KP7, "7", "7"},
    {KEY_KP8, "8", "8"},
    {KEY_KP9, "9", "9"},
    {KEY_KPDOT, ".", "."},
    {KEY_KPMINUS, "-", "-"},
    {KEY_KPPLUS, "+", "+"},
    {KEY_KPASTERISK, "*", "*"},
    {KEY_KPSLASH, "/", "/"},
    {KEY_KPEQUAL, "=", "="},
    {KEY_KPCOMMA, ",", ","},
    {KEY_KPJPCOMMA, ",", ","},
}};

// Polish programmer layout, AltGr level (letters: Shift and Caps Lock flip case).
constexpr std::array<KeyText, 9> kPolish = {{
    {KEY_A, "ą", "Ą"},
    {KEY_C, "ć", "Ć"},
    {KEY_E, "ę", "Ę"},
    {KEY_L, "ł", "Ł"},
    {KEY_N, "ń", "Ń"},
    {KEY_O, "ó", "Ó"},
    {KEY_S, "ś", "Ś"},
    {KEY_X, "ź", "Ź"},
    {KEY_Z, "ż", "Ż"},
}};

template <std::size_t N>
const KeyText* find(const std::array<KeyText, N>& table, int code) {
  for (const auto& key : table) {
    if (key.code == code) return &key;
  }
  return nullptr;
}

std::string_view letter(const KeyText& key, Modifiers m) {
  return m.shift != m.caps_lock ? key.shifted : key.plain;
}

}  // namespace

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::kUs:
      return "us";
    case Layout::kPl:
      return "pl";
  }
  return "?";
}

std::optional<Layout> parse_layout(std::string_view name) {
  if (name == "us") return Layout::kUs;
  if (name == "pl") return Layout::kPl;
  return std::nullopt;
}

std::string_view translate(Layout layout, int key_code, Modifiers modifiers) {
  if (layout == Layout::kPl && modifiers.altgr) {
    const auto* polish = find(kPolish, key_code);
    return polish != nullptr ? letter(*polish, modifiers) : std::string_view{};
  }
  if (const auto* key = find(kLetters, key_code)) return letter(*key, modifiers);
  if (const auto* key = find(kSymbols, key_code))
    return modifiers.shift ? key->shifted : key->plain;
  if (const auto* key = find(kKeypad, key_code)) return key->plain;
  return {};
}

}  // namespace witryna::drivers::hid
