#pragma once

#include "display/app/options.hpp"

namespace witryna::display {

// Shows the edge's views until the window closes or SIGINT/SIGTERM; returns
// the process exit code. Never exits because the edge is gone: it shows
// "one moment" and reconnects.
[[nodiscard]] int run_screen(const Options& options);

// Renders the view in options.render_once (a recorded `{"view":…}` line or
// the view object) to options.out and returns: 0, 1 on an error, 3 when
// --glyph-check found characters without a glyph.
[[nodiscard]] int render_once(const Options& options);

}  // namespace witryna::display
