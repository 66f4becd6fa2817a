#pragma once
// From a request target to a file under the served folder, refusing every
// way out of it. Pure.

#include <filesystem>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::https_files {

// "/a/b.tar" (percent-encoding decoded, a query ignored) → "a/b.tar".
// Refused with errc::kInvalidValue: no leading '/', a bad %-escape, a NUL or
// a backslash, an empty segment ("//", a trailing '/', "/" itself: no
// listings), "." or ".." (traversal), a segment starting with '.' (hidden
// files, partial files).
[[nodiscard]] Result<std::filesystem::path> safe_relative_path(std::string_view target);

}  // namespace witryna::https_files
