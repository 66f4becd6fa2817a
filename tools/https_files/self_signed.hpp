#pragma once
// A self-signed certificate for serving HTTPS on loopback when the operator
// gives none: EC P-256, SHA-256, CN and SAN localhost, IP 127.0.0.1 and ::1,
// valid from an hour ago for `days`. A client trusts it by using the
// certificate file itself as its CA file (it is its own issuer).

#include <filesystem>

#include "edge/core/result.hpp"

namespace witryna::https_files {

// Writes `cert` (PEM) and `key` (PEM PKCS#8, mode 0600), each atomically;
// errc::kIo when OpenSSL or the file system fails.
[[nodiscard]] Result<void> make_self_signed(const std::filesystem::path& cert,
                                            const std::filesystem::path& key, int days = 365);

}  // namespace witryna::https_files
