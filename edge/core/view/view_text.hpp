#pragma once
// The `view` object of screen-api.md written straight to text, without a
// nlohmann::json tree: a scan builds one view, and making and printing the
// tree cost about a tenth of the scan. The bytes are those of
// build_view(state) printed as the screen server prints it (keys in order,
// the same escapes, invalid UTF-8 replaced by U+FFFD), so either path may
// feed a screen; tests/screen/view_text_test.cpp holds them to that.

#include <cstdint>
#include <string>
#include <string_view>

#include "edge/core/view/view_state.hpp"

namespace witryna::core {

// A view line in two pieces around the two members only the screen session
// knows when it writes (`rev`, `screen`), which sort between `reservations`
// and `status`.
struct ViewText {
  std::string head;  // `{"view":{"code":…,…,"reservations":[…],`
  std::string rest;  // `"status":{…}}}`
};

// Consent is enforced as in build_view.
[[nodiscard]] ViewText view_text(const ViewState& state);

// The whole line (without the newline).
[[nodiscard]] std::string view_line_text(const ViewText& text, std::string_view screen,
                                         std::int64_t rev);

// `s` as a JSON string, as nlohmann::json prints it with
// error_handler_t::replace (exposed for tests).
void append_json_string(std::string& out, std::string_view s);

}  // namespace witryna::core
