#pragma once
// Where wrapped text breaks into lines. Only at spaces and tabs (and at a
// '\n'): never after punctuation, so "PLN 89.99" or "1,250 points" stay
// whole (ImGui's own wrapper breaks after '.' and ','), and a no-break space
// (U+00A0, between an amount and its currency) never breaks. A lone "·"
// separating two parts of a line is dropped where the line breaks next to it.
// A word wider than the line is cut between code points, as a last resort.

#include <functional>
#include <string_view>
#include <vector>

namespace witryna::display {

// The width of a run of text on one line (the caller's font).
using MeasureText = std::function<float(std::string_view)>;

// The lines of `text` within `width`, as views into it; the blanks at a break
// are dropped. `width` <= 0 breaks only at '\n'. An empty paragraph is an
// empty line.
[[nodiscard]] std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                                       const MeasureText& measure);

}  // namespace witryna::display
