#pragma once
// The hand-written reader of plain JSON the codec's fast paths share
// (profile_text_reader, product_text_reader): typed values read forward from
// the text, strings checked as nlohmann checks them. Each reader built on it
// returns nullopt for anything it does not take, and its caller falls back
// to nlohmann::json and the full parser.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "edge/core/codec/json_scan.hpp"
#include "edge/core/time.hpp"

namespace witryna::core::plain_json {

// Every method returns false for text it does not take; the caller then
// gives up on the whole item (nothing is half-read: the result is built in
// locals and returned only at the end).
class PlainReader : public JsonScan {
 public:
  using JsonScan::JsonScan;

  // A string without escapes: its bytes are its value.
  [[nodiscard]] bool string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = at_;
    while (at_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        out = text_.substr(start, at_ - start);
        ++at_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      if (c < 0x80) {
        ++at_;
        continue;
      }
      if (!utf8_sequence()) return false;
    }
    return false;
  }

  [[nodiscard]] bool string(std::string& out) {
    std::string_view view;
    if (!string(view)) return false;
    out.assign(view);
    return true;
  }

  [[nodiscard]] bool time(TimePoint& out) {
    std::string_view view;
    if (!string(view)) return false;
    auto t = parse_rfc3339(view);
    if (!t) return false;
    out = *t;
    return true;
  }

  [[nodiscard]] bool boolean(bool& out) {
    skip_space();
    if (text_.substr(at_, 4) == "true") {
      at_ += 4;
      out = true;
      return true;
    }
    if (text_.substr(at_, 5) == "false") {
      at_ += 5;
      out = false;
      return true;
    }
    return false;
  }

  // -?(0|[1-9][0-9]*) that fits int64 and is not the start of a decimal.
  [[nodiscard]] bool integer(std::int64_t& out) {
    skip_space();
    const std::size_t start = at_;
    if (!integer_part()) return false;
    if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E')) {
      return false;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    const auto [end, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && end == last;
  }

  // A JSON number as a double, as nlohmann gives it from get<double>().
  [[nodiscard]] bool number(double& out) {
    skip_space();
    const std::size_t start = at_;
    if (!integer_part()) return false;
    bool decimal = false;
    if (at_ < text_.size() && text_[at_] == '.') {
      decimal = true;
      ++at_;
      if (!digits()) return false;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      decimal = true;
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (!digits()) return false;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    if (!decimal) {
      std::int64_t whole = 0;
      const auto [end, ec] = std::from_chars(first, last, whole);
      if (ec != std::errc() || end != last) return false;
      out = static_cast<double>(whole);
      return true;
    }
    const auto [end, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && end == last && std::isfinite(out);
  }

  // '{' members '}': `member(key)` reads the value after the ':'.
  template <typename Member>
  [[nodiscard]] bool object(Member&& member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    for (;;) {
      std::string_view key;
      if (!string(key) || !eat(':') || !member(key)) return false;
      if (eat(',')) continue;
      return eat('}');
    }
  }

  // '[' elements ']': `element()` reads one.
  template <typename Element>
  [[nodiscard]] bool array(Element&& element) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    for (;;) {
      if (!element()) return false;
      if (eat(',')) continue;
      return eat(']');
    }
  }

  [[nodiscard]] bool strings(std::vector<std::string>& out) {
    out.clear();
    return array([&] {
      std::string s;
      if (!string(s)) return false;
      out.push_back(std::move(s));
      return true;
    });
  }

 private:
  [[nodiscard]] bool digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9')
      ++at_;
    return at_ > start;
  }

  [[nodiscard]] bool integer_part() {
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    if (at_ >= text_.size()) return false;
    if (text_[at_] == '0') {
      ++at_;
      return true;
    }
    if (text_[at_] < '1' || text_[at_] > '9') return false;
    return digits();
  }

  [[nodiscard]] bool continuation(unsigned char low = 0x80, unsigned char high = 0xBF) {
    if (at_ >= text_.size()) return false;
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c < low || c > high) return false;
    ++at_;
    return true;
  }

  // At a byte >= 0x80: one well-formed UTF-8 sequence (RFC 3629, the ranges
  // nlohmann's lexer accepts: no overlongs, no surrogates, <= U+10FFFF).
  [[nodiscard]] bool utf8_sequence() {
    const auto c = static_cast<unsigned char>(text_[at_++]);
    if (c >= 0xC2 && c <= 0xDF) return continuation();
    if (c == 0xE0) return continuation(0xA0, 0xBF) && continuation();
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      return continuation() && continuation();
    }
    if (c == 0xED) return continuation(0x80, 0x9F) && continuation();
    if (c == 0xF0) return continuation(0x90, 0xBF) && continuation() && continuation();
    if (c >= 0xF1 && c <= 0xF3) return continuation() && continuation() && continuation();
    if (c == 0xF4) return continuation(0x80, 0x8F) && continuation() && continuation();
    return false;
  }
};

// Each known key at most once in its object (a repeated key: the full parser
// decides which wins).
class Seen {
 public:
  [[nodiscard]] bool first(unsigned bit) {
    if ((bits_ & (1U << bit)) != 0) return false;
    bits_ |= 1U << bit;
    return true;
  }
  [[nodiscard]] bool has(unsigned bit) const { return (bits_ & (1U << bit)) != 0; }

 private:
  unsigned bits_ = 0;
};

}  // namespace witryna::core::plain_json
