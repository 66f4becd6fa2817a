#pragma once
// The checkout code pad (UI-local state): what the cashier typed, shown as
// `XXXX-XXXX-C` while typing (codes.md §3). The edge decides whether a code
// is valid; the pad only normalizes and formats.
//
// Keyboard-wedge scanners type into the same place: input that cannot be an
// app code (a 13-digit card, a QR token) is kept raw and submitted as `scan`.

#include <string>
#include <string_view>

namespace witryna::display {

enum class PadSubmit { kNothing, kCode, kScan };

struct PadSubmission {
  PadSubmit kind = PadSubmit::kNothing;
  std::string text;  // the formatted code for kCode, the raw input for kScan
};

class CodePad {
 public:
  static constexpr std::size_t kSymbols = 9;
  static constexpr std::size_t kMaxRaw = 4096;  // codes.md: longer input is malformed anyway

  // Appends typed text (UTF-8; one key or a whole pasted string).
  void type(std::string_view text);
  void backspace();
  void clear();

  [[nodiscard]] bool empty() const { return raw_.empty(); }
  // "7K3M-9" while typing, "7K3M-9Q2D-J" when complete. Input that is not a
  // code is shown as typed (at most 32 characters, then "…").
  [[nodiscard]] std::string display() const;
  // The normalized symbols so far (no hyphens), or empty when not code-like.
  [[nodiscard]] const std::string& symbols() const { return symbols_; }
  [[nodiscard]] bool looks_like_code() const { return code_like_; }
  [[nodiscard]] bool complete() const { return code_like_ && symbols_.size() == kSymbols; }

  // Enter: a complete code → kCode; something that is not a code → kScan;
  // a half-typed code → kNothing (the pad keeps it). Clears on kCode/kScan.
  [[nodiscard]] PadSubmission submit();

 private:
  void rebuild();

  std::string raw_;
  std::string symbols_;
  bool code_like_ = true;
};

// "7K3M9Q2DJ" → "7K3M-9Q2D-J"; shorter input is grouped as far as it goes.
[[nodiscard]] std::string format_code(std::string_view symbols);

// One character → its Crockford symbol (upper case, O→0, I/L→1), or '\0'
// when it is not part of the alphabet. Spaces and hyphens are not symbols.
[[nodiscard]] char crockford_symbol(char c);

}  // namespace witryna::display
