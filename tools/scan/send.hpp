#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::tools::scan {

// Each line is sent followed by LF. Fails with errc::kIo and a message saying
// what to check (is the service running, is the scanner configured).
[[nodiscard]] Result<void> send_tcp(std::uint16_t port, const std::vector<std::string>& lines);
[[nodiscard]] Result<void> send_fifo(const std::filesystem::path& fifo,
                                     const std::vector<std::string>& lines);

}  // namespace witryna::tools::scan
