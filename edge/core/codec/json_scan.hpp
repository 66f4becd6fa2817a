#pragma once
// The forward-only position in a JSON text that the codec's hand-written
// readers share: `message_split` finds where each value ends,
// `profile_text_reader` reads plain profiles. Whitespace is what JSON calls
// whitespace (RFC 8259 §2), nothing else.

#include <cstddef>
#include <string_view>

namespace witryna::core {

[[nodiscard]] constexpr bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class JsonScan {
 public:
  explicit JsonScan(std::string_view text) : text_(text) {}

  void skip_space() {
    while (at_ < text_.size() && is_json_space(text_[at_]))
      ++at_;
  }
  // After any whitespace: `c` is taken if it is next.
  [[nodiscard]] bool eat(char c) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  [[nodiscard]] bool peek(char c) {
    skip_space();
    return at_ < text_.size() && text_[at_] == c;
  }
  [[nodiscard]] bool at_end() {
    skip_space();
    return at_ == text_.size();
  }

 protected:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace witryna::core
