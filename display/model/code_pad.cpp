#include "display/model/code_pad.hpp"

namespace witryna::display {

char crockford_symbol(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') return '0';
  if (c == 'I' || c == 'L') return '1';
  if (c >= '0' && c <= '9') return c;
  if (c >= 'A' && c <= 'Z' && c != 'U') return c;
  return '\0';
}

std::string format_code(std::string_view symbols) {
  std::string out;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i == 4 || i == 8) out += '-';
    out += symbols[i];
  }
  return out;
}

void CodePad::type(std::string_view text) {
  for (const char c : text) {
    if (c == '\r' || c == '\n' || c == '\t') continue;
    if (raw_.size() >= kMaxRaw) break;
    raw_ += c;
  }
  rebuild();
}

void CodePad::backspace() {
  if (raw_.empty()) return;
  // Drop a whole UTF-8 sequence and any separators typed after the last symbol.
  do {
    raw_.pop_back();
  } while (!raw_.empty() && (static_cast<unsigned char>(raw_.back()) & 0xC0) == 0x80);
  while (!raw_.empty() && (raw_.back() == '-' || raw_.back() == ' '))
    raw_.pop_back();
  rebuild();
}

void CodePad::clear() {
  raw_.clear();
  rebuild();
}

void CodePad::rebuild() {
  symbols_.clear();
  code_like_ = true;
  for (const char c : raw_) {
    if (c == ' ' || c == '-') continue;
    const char s = crockford_symbol(c);
    if (s == '\0' || symbols_.size() == kSymbols) {
      code_like_ = false;
      break;
    }
    symbols_ += s;
  }
  if (!code_like_) symbols_.clear();
}

std::string CodePad::display() const {
  if (code_like_) return format_code(symbols_);
  constexpr std::size_t kShown = 32;
  if (raw_.size() <= kShown) return raw_;
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(raw_[cut]) & 0xC0) == 0x80)
    --cut;
  return raw_.substr(0, cut) + "…";
}

PadSubmission CodePad::submit() {
  PadSubmission out;
  if (raw_.empty()) return out;
  if (complete()) {
    out = {PadSubmit::kCode, format_code(symbols_)};
  } else if (!code_like_) {
    out = {PadSubmit::kScan, raw_};
  } else {
    return out;
  }
  clear();
  return out;
}

}  // namespace witryna::display
