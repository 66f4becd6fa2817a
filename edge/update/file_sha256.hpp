#pragma once

#include <filesystem>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::update {

// Lowercase hex SHA-256 of a file, read in chunks (artifacts can be large).
[[nodiscard]] Result<std::string> file_sha256_hex(const std::filesystem::path& path);

}  // namespace witryna::update
