#include "tools/https_files/url_path.hpp"

#include <string>

#include "edge/core/encoding/hex.hpp"

namespace witryna::https_files {

Result<std::filesystem::path> safe_relative_path(std::string_view target) {
  const auto query = target.find('?');
  if (query != std::string_view::npos) target = target.substr(0, query);
  if (target.empty() || target.front() != '/')
    return fail(std::string(errc::kInvalidValue), "the path must start with /");
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    char c = target[i];
    if (c == '%') {
      const int hi = i + 2 < target.size() ? core::hex_digit_value(target[i + 1]) : -1;
      const int lo = i + 2 < target.size() ? core::hex_digit_value(target[i + 2]) : -1;
      if (hi < 0 || lo < 0) return fail(std::string(errc::kInvalidValue), "a bad %-escape");
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0' || c == '\\')
      return fail(std::string(errc::kInvalidValue), "a NUL or a backslash in the path");
    decoded.push_back(c);
  }
  std::filesystem::path out;
  std::size_t start = 1;
  while (true) {
    const auto slash = decoded.find('/', start);
    const std::string segment = decoded.substr(start, slash - start);
    if (segment.empty()) return fail(std::string(errc::kInvalidValue), "an empty path segment");
    if (segment == "." || segment == "..")
      return fail(std::string(errc::kInvalidValue), "path traversal (. or ..)");
    if (segment.front() == '.')
      return fail(std::string(errc::kInvalidValue), "a hidden file (a segment starting with .)");
    out /= segment;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace witryna::https_files
