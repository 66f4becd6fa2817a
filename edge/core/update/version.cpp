#include "edge/core/update/version.hpp"

#include <algorithm>
#include <charconv>

namespace witryna::core {

namespace {

bool version_all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> version_split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

bool version_parse_number(std::string_view s, std::uint32_t& out) {
  if (!version_all_digits(s) || (s.size() > 1 && s.front() == '0')) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size();
}

std::strong_ordering version_compare_identifier(const std::string& a, const std::string& b) {
  const bool a_num = version_all_digits(a);
  const bool b_num = version_all_digits(b);
  if (a_num && b_num) {
    if (a.size() != b.size()) return a.size() <=> b.size();  // no leading zeros
    return a.compare(b) <=> 0;
  }
  if (a_num != b_num) return a_num ? std::strong_ordering::less : std::strong_ordering::greater;
  return a.compare(b) <=> 0;
}

}  // namespace

std::string Version::to_string() const {
  std::string text =
      std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  for (std::size_t i = 0; i < prerelease.size(); ++i)
    text += (i == 0 ? "-" : ".") + prerelease[i];
  return text;
}

std::strong_ordering compare(const Version& a, const Version& b) {
  if (auto c = a.major <=> b.major; c != 0) return c;
  if (auto c = a.minor <=> b.minor; c != 0) return c;
  if (auto c = a.patch <=> b.patch; c != 0) return c;
  if (a.prerelease.empty() || b.prerelease.empty()) {
    // A release outranks any of its pre-releases.
    return a.prerelease.empty() <=> b.prerelease.empty();
  }
  const auto n = std::min(a.prerelease.size(), b.prerelease.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (auto c = version_compare_identifier(a.prerelease[i], b.prerelease[i]); c != 0) return c;
  }
  return a.prerelease.size() <=> b.prerelease.size();
}

Result<Version> parse_version(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return fail(std::string(errc::kInvalidValue),
                "version \"" + std::string(text.substr(0, 64)) + "\": " + std::string(why));
  };
  if (text.size() > 128) return bad("too long");
  if (text.find('+') != std::string_view::npos) return bad("build metadata (+…) is not accepted");
  const auto dash = text.find('-');
  const auto core_part = text.substr(0, dash);
  const auto numbers = version_split(core_part, '.');
  if (numbers.size() != 3) return bad("expected MAJOR.MINOR.PATCH");
  Version v;
  if (!version_parse_number(numbers[0], v.major) || !version_parse_number(numbers[1], v.minor) ||
      !version_parse_number(numbers[2], v.patch)) {
    return bad("MAJOR, MINOR and PATCH must be numbers without leading zeros");
  }
  if (dash != std::string_view::npos) {
    for (const auto id : version_split(text.substr(dash + 1), '.')) {
      const bool ok = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-';
      });
      if (!ok) return bad("pre-release identifiers are [0-9A-Za-z-]+");
      if (version_all_digits(id) && id.size() > 1 && id.front() == '0')
        return bad("numeric pre-release identifier with a leading zero");
      v.prerelease.emplace_back(id);
    }
  }
  return v;
}

}  // namespace witryna::core
