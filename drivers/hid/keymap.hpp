#pragma once
// Linux key codes (linux/input-event-codes.h) → the text a keyboard-wedge
// scanner means by them. Pure: a table look-up.

#include <optional>
#include <string_view>

namespace witryna::drivers::hid {

// The layout the scanner is set to type in.
enum class Layout {
  kUs,  // US English
  kPl,  // Polish "programmer": US plus AltGr (right Alt) + a c e l n o s x z → ą ć ę ł ń ó ś ź ż
};
[[nodiscard]] std::string_view to_string(Layout layout);
[[nodiscard]] std::optional<Layout> parse_layout(std::string_view name);  // "us", "pl"

struct Modifiers {
  bool shift = false;      // either Shift key held
  bool altgr = false;      // right Alt held (AltGr in `pl`; ignored in `us`)
  bool caps_lock = false;  // toggled on: letters (Polish ones too) flip case, as in xkb

  friend bool operator==(const Modifiers&, const Modifiers&) = default;
};

// The UTF-8 text `key_code` types with `modifiers` held, or an empty view when
// it types nothing (modifier keys, function keys, Enter, AltGr with a key the
// layout gives no AltGr meaning). Keypad keys type digits and operators
// (Num Lock is taken as on). Tab types "\t" (the code classifier rejects it).
[[nodiscard]] std::string_view translate(Layout layout, int key_code, Modifiers modifiers);

}  // namespace witryna::drivers::hid
