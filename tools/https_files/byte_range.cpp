#include "tools/https_files/byte_range.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace witryna::https_files {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Decimal digits only, at most 18 of them (no overflow).
std::optional<std::int64_t> parse_count(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool starts_with_bytes_unit(std::string_view s) {
  constexpr std::string_view kUnit = "bytes=";
  if (s.size() < kUnit.size()) return false;
  for (std::size_t i = 0; i < kUnit.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != kUnit[i]) return false;
  }
  return true;
}

}  // namespace

RangeDecision decide_range(std::string_view header, std::int64_t size) {
  const RangeDecision whole{RangeKind::kWhole, 0, size - 1};
  const RangeDecision unsatisfiable{RangeKind::kUnsatisfiable, 0, -1};
  header = trim(header);
  if (header.empty() || !starts_with_bytes_unit(header)) return whole;
  const std::string_view spec = trim(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return whole;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return unsatisfiable;
  const std::string_view from_text = trim(spec.substr(0, dash));
  const std::string_view to_text = trim(spec.substr(dash + 1));
  if (from_text.empty()) {  // the last S bytes
    const auto suffix = parse_count(to_text);
    if (!suffix || *suffix == 0 || size == 0) return unsatisfiable;
    return {RangeKind::kPartial, std::max<std::int64_t>(0, size - *suffix), size - 1};
  }
  const auto first = parse_count(from_text);
  if (!first || *first >= size) return unsatisfiable;
  if (to_text.empty()) return {RangeKind::kPartial, *first, size - 1};
  const auto last = parse_count(to_text);
  if (!last || *last < *first) return unsatisfiable;
  return {RangeKind::kPartial, *first, std::min(*last, size - 1)};
}

}  // namespace witryna::https_files
