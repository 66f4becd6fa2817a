#pragma once

#include <string>
#include <string_view>

namespace witryna::crypto {

// Lowercase hex SHA-256 of `data` (OpenSSL EVP). Thread-safe.
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace witryna::crypto
