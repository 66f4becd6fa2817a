#include "edge/core/codec/profile_text_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/codec/json_scan.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {
namespace {

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

bool read_points(PlainReader& in, domain::Points& out) {
  Seen seen;
  const bool ok = in.object([&](std::string_view key) {
    if (key == "balance") return seen.first(0) && in.integer(out.balance);
    if (key == "ver") return seen.first(1) && in.integer(out.ver);
    return false;
  });
  return ok && seen.has(0) && seen.has(1);
}

bool read_consents(PlainReader& in, domain::Consents& out) {
  Seen seen;
  return in.object([&](std::string_view key) {
    if (key == "personalization") return seen.first(0) && in.boolean(out.personalization);
    if (key == "marketing") return seen.first(1) && in.boolean(out.marketing);
    if (key == "display_name") return seen.first(2) && in.boolean(out.display_name);
    if (key == "history_for_staff") return seen.first(3) && in.boolean(out.history_for_staff);
    return false;
  });
}

bool read_preferences(PlainReader& in, domain::Preferences& out) {
  Seen seen;
  return in.object([&](std::string_view key) {
    if (key == "sizes") return seen.first(0) && in.strings(out.sizes);
    if (key == "categories") return seen.first(1) && in.strings(out.categories);
    if (key == "budget_minor") {
      std::int64_t v = 0;
      if (!seen.first(2) || !in.integer(v)) return false;
      out.budget_minor = v;
      return true;
    }
    if (key == "pickup_store") {
      std::string v;
      if (!seen.first(3) || !in.string(v)) return false;
      out.pickup_store = std::move(v);
      return true;
    }
    return false;
  });
}

bool read_affinities(PlainReader& in, std::map<std::string, double>& out) {
  return in.object([&](std::string_view key) {
    double weight = 0;
    if (!in.number(weight)) return false;
    return out.emplace(std::string(key), weight).second;
  });
}

bool read_recent(PlainReader& in, std::vector<domain::RecentActivity>& out) {
  return in.array([&] {
    domain::RecentActivity a;
    Seen seen;
    const bool ok = in.object([&](std::string_view key) {
      if (key == "sku") return seen.first(0) && in.string(a.sku);
      if (key == "channel") return seen.first(1) && in.string(a.channel);
      if (key == "at") return seen.first(2) && in.time(a.at);
      if (key == "what") return seen.first(3) && in.string(a.what);
      return false;
    });
    if (!ok || !seen.has(0) || !seen.has(2)) return false;
    out.push_back(std::move(a));
    return true;
  });
}

bool read_history(PlainReader& in, std::vector<domain::HistoryEntry>& out) {
  return in.array([&] {
    domain::HistoryEntry h;
    Seen seen;
    const bool ok = in.object([&](std::string_view key) {
      if (key == "at") return seen.first(0) && in.time(h.at);
      if (key == "channel") return seen.first(1) && in.string(h.channel);
      if (key == "note") return seen.first(2) && in.string(h.note);
      return false;
    });
    if (!ok || !seen.has(0) || !seen.has(2)) return false;
    out.push_back(std::move(h));
    return true;
  });
}

}  // namespace

std::optional<Item<domain::Profile>> read_plain_profile(std::string_view text) {
  PlainReader in(text);
  Item<domain::Profile> item;
  auto& p = item.value;
  Seen seen;
  const bool ok = in.object([&](std::string_view key) {
    if (key == "customer") return seen.first(0) && in.string(p.customer);
    if (key == "ver") return seen.first(1) && in.integer(p.ver);
    if (key == "deleted") return seen.first(2) && in.boolean(item.deleted);
    if (key == "cards") return seen.first(3) && in.strings(p.cards);
    if (key == "name") return seen.first(4) && in.string(p.name);
    if (key == "segment") return seen.first(5) && in.string(p.segment);
    if (key == "tier") return seen.first(6) && in.string(p.tier);
    if (key == "points") return seen.first(7) && read_points(in, p.points);
    if (key == "consents") return seen.first(8) && read_consents(in, p.consents);
    if (key == "preferences") return seen.first(9) && read_preferences(in, p.preferences);
    if (key == "affinities") return seen.first(10) && read_affinities(in, p.affinities);
    if (key == "recent") return seen.first(11) && read_recent(in, p.recent);
    if (key == "history") return seen.first(12) && read_history(in, p.history);
    return false;
  });
  if (!ok || !in.at_end() || !seen.has(0) || !seen.has(1)) return std::nullopt;
  if (item.deleted) {
    // parse_profile_item reads nothing past customer and ver of a tombstone.
    domain::Profile kept;
    kept.customer = std::move(p.customer);
    kept.ver = p.ver;
    p = std::move(kept);
  }
  return item;
}

}  // namespace witryna::core
