#pragma once
// Downloading an update artifact over HTTPS (Boost.Beast + OpenSSL) into a
// partial file that survives a lost link, a restart or a power cut: the bytes
// known to be on disk (fsync'd) are recorded in "<part>.progress", and the
// next attempt asks only for the rest (HTTP Range). A server that ignores the
// Range header (200 instead of 206) gets the file from the start again.
//
// Blocking; runs its own io_context (the updater is a small separate program).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::update {

struct DownloadOptions {
  std::filesystem::path ca_file;        // trust these CAs instead of the system's (tests)
  std::chrono::seconds io_timeout{30};  // no byte for this long: the link is lost
  std::int64_t sync_every_bytes = 256 * 1024;
};

struct HttpsUrl {
  std::string host;
  std::string port = "443";
  std::string target = "/";
};
// https://host[:port]/path only; errc::kInvalidValue otherwise.
[[nodiscard]] Result<HttpsUrl> parse_https_url(std::string_view url);

// Called after each durable chunk with the bytes on disk so far.
using DownloadProgress = std::function<void(std::int64_t have)>;

// Makes `part` hold the first `size` bytes of `url`, continuing from what an
// earlier attempt left. Fails with "download" (link, TLS, HTTP status: the
// part file is kept for the next attempt) or "size_mismatch" (the server has
// more or fewer bytes than the manifest says: the part file is removed).
[[nodiscard]] Result<void> download_resuming(const std::string& url,
                                             const std::filesystem::path& part, std::int64_t size,
                                             const DownloadOptions& options,
                                             const DownloadProgress& progress = {});

// The durable byte count recorded for `part` (0 when none).
[[nodiscard]] std::int64_t durable_bytes(const std::filesystem::path& part);

}  // namespace witryna::update
