#include "display/model/colour.hpp"

#include <cmath>
#include <string>

namespace witryna::display {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

double linear(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

Result<Rgb> parse_hex_colour(std::string_view text) {
  if (text.starts_with('#')) text.remove_prefix(1);
  if (text.size() != 6) {
    return fail(std::string(errc::kConfig), "a colour is written #RRGGBB, e.g. #1E3A5F");
  }
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hex_value(text[i]);
    if (v[i] < 0)
      return fail(std::string(errc::kConfig), "a colour is written #RRGGBB, e.g. #1E3A5F");
  }
  return Rgb{static_cast<std::uint8_t>(v[0] * 16 + v[1]),
             static_cast<std::uint8_t>(v[2] * 16 + v[3]),
             static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

double luminance(Rgb c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace witryna::display
