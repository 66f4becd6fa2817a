#include "edge/core/codec/message_split.hpp"

#include <cstddef>
#include <string>

#include "edge/core/codec/json_scan.hpp"

namespace witryna::core {
namespace {

// A forward-only cursor over the payload. It finds where values end; it does
// not validate them (nlohmann does, span by span).
class Cursor : public JsonScan {
 public:
  using JsonScan::JsonScan;

  // The text of the next value (string, object, array or scalar token).
  [[nodiscard]] std::optional<std::string_view> value() {
    skip_space();
    const std::size_t start = at_;
    if (at_ >= text_.size()) return std::nullopt;
    const char c = text_[at_];
    if (c == '"') {
      if (!skip_string()) return std::nullopt;
    } else if (c == '{' || c == '[') {
      if (!skip_container()) return std::nullopt;
    } else {
      while (at_ < text_.size() && !ends_token(text_[at_]))
        ++at_;
      if (at_ == start) return std::nullopt;
    }
    return text_.substr(start, at_ - start);
  }

 private:
  static bool ends_token(char c) { return is_json_space(c) || c == ',' || c == '}' || c == ']'; }

  // At a '"': past its closing quote.
  bool skip_string() {
    ++at_;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      at_ += c == '\\' ? 2 : 1;
    }
    return false;
  }

  // At a '{' or '[': past the bracket that closes it (kinds are not matched
  // here; nlohmann rejects "[}" when it parses the span).
  bool skip_container() {
    std::size_t depth = 0;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        if (!skip_string()) return false;
        continue;
      }
      ++at_;
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return true;
      }
    }
    return false;
  }
};

std::optional<nlohmann::json> parse_span(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

}  // namespace

std::optional<SplitMessage> split_message(std::string_view payload) {
  Cursor in(payload);
  SplitMessage out;
  if (!in.eat('{')) return std::nullopt;
  if (!in.eat('}')) {
    for (;;) {
      if (!in.peek('"')) return std::nullopt;
      const auto key_text = in.value();
      if (!key_text) return std::nullopt;
      auto key = parse_span(*key_text);
      if (!key || !key->is_string()) return std::nullopt;
      if (!in.eat(':')) return std::nullopt;
      const auto& name = key->get_ref<const std::string&>();
      if (name == "items") {
        if (!in.eat('[')) return std::nullopt;  // not an array: parsed whole
        out.has_items = true;
        out.items.clear();
        if (!in.eat(']')) {
          for (;;) {
            const auto item = in.value();
            if (!item) return std::nullopt;
            out.items.push_back(*item);
            if (in.eat(',')) continue;
            if (in.eat(']')) break;
            return std::nullopt;
          }
        }
      } else {
        const auto text = in.value();
        if (!text) return std::nullopt;
        auto value = parse_span(*text);
        if (!value) return std::nullopt;
        out.header[name] = std::move(*value);
      }
      if (in.eat(',')) continue;
      if (in.eat('}')) break;
      return std::nullopt;
    }
  }
  if (!in.at_end()) return std::nullopt;
  return out;
}

}  // namespace witryna::core
