#pragma once
// Builds the bytes a USB keyboard-wedge scanner produces on its evdev node:
// `struct input_event` records (EV_MSC scan code, EV_KEY, EV_SYN per key).

#include <linux/input.h>

#include <cstring>
#include <string>
#include <string_view>

namespace witryna::test {

inline std::string event_record(unsigned short type, unsigned short code, int value) {
  input_event event{};
  event.type = type;
  event.code = code;
  event.value = value;
  std::string bytes(sizeof event, '\0');
  std::memcpy(bytes.data(), &event, sizeof event);
  return bytes;
}

// value: 1 press, 0 release, 2 repeat.
inline std::string key_event(int code, int value) {
  return event_record(EV_MSC, MSC_SCAN, 0x70000 + code) +
         event_record(EV_KEY, static_cast<unsigned short>(code), value) +
         event_record(EV_SYN, SYN_REPORT, 0);
}
inline std::string press(int code) {
  return key_event(code, 1);
}
inline std::string release(int code) {
  return key_event(code, 0);
}
inline std::string tap(int code) {
  return press(code) + release(code);
}
inline std::string with(int modifier, const std::string& keys) {
  return press(modifier) + keys + release(modifier);
}

// US typing of digits, letters, '-', ' ' (upper case with Left Shift), then
// nothing else: enough for card numbers and app codes.
inline std::string type_us(std::string_view text) {
  static constexpr int kDigit[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4,
                                   KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
  static constexpr int kLetter[] = {KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
                                    KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
                                    KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += tap(kDigit[c - '0']);
    if (c >= 'a' && c <= 'z') out += tap(kLetter[c - 'a']);
    if (c >= 'A' && c <= 'Z') out += with(KEY_LEFTSHIFT, tap(kLetter[c - 'A']));
    if (c == '-') out += tap(KEY_MINUS);
    if (c == ' ') out += tap(KEY_SPACE);
  }
  return out;
}
inline std::string enter() {
  return tap(KEY_ENTER);
}

}  // namespace witryna::test
