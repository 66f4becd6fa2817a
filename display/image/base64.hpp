#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace witryna::display {

// Standard base64 (RFC 4648 §4) with padding, as `png_base64` carries it.
[[nodiscard]] std::string base64_encode(std::string_view bytes);
// Strict decoding of the above; std::nullopt on anything else.
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);

}  // namespace witryna::display
