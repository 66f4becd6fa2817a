#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::tools::scan {

// Where a simulated scanner listens: its TCP port if it has one, else its FIFO.
struct SimTarget {
  std::optional<std::uint16_t> port;
  std::filesystem::path fifo;
};

// Finds scanner `id` in the service's TOML configuration. Both shapes are
// read: `[[scanners]]` entries with `id = "…"`, and `[scanners.<id>]` tables.
// Only `kind`, `port` and `path` are looked at (a relative path is taken from
// the file's folder). Fails (errc::kConfig) when the file cannot be read, the
// scanner is absent, or it is not `kind = "sim"`.
[[nodiscard]] Result<SimTarget> find_sim_target(const std::filesystem::path& config_file,
                                                std::string_view id);

}  // namespace witryna::tools::scan
