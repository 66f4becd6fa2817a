#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace witryna::display {

// The code points of UTF-8 `text`; a malformed byte becomes U+FFFD.
[[nodiscard]] std::vector<char32_t> utf8_code_points(std::string_view text);

}  // namespace witryna::display
