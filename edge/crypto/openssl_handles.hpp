#pragma once
// RAII owners for the OpenSSL objects the crypto adapter uses, and error text.

#include <openssl/types.h>

#include <filesystem>
#include <memory>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::crypto {

struct EvpPkeyDeleter {
  void operator()(EVP_PKEY* key) const noexcept;
};
struct EvpMdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept;
};
struct EvpPkeyCtxDeleter {
  void operator()(EVP_PKEY_CTX* ctx) const noexcept;
};
struct BioDeleter {
  void operator()(BIO* bio) const noexcept;
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, EvpMdCtxDeleter>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, EvpPkeyCtxDeleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

// The oldest queued OpenSSL error of this thread as text, clearing the queue
// (OpenSSL keeps errors per thread; a stale one would be blamed on the next
// call). "no OpenSSL error" when the queue is empty.
[[nodiscard]] std::string take_openssl_error();
// Drops this thread's queued OpenSSL errors (after an expected failure).
void clear_openssl_errors();

// The text of a small file (keys); fails with errc::kIo when it cannot be read
// or is larger than `max_bytes`.
[[nodiscard]] Result<std::string> read_small_file(const std::filesystem::path& path,
                                                  std::size_t max_bytes = 64 * 1024);

}  // namespace witryna::crypto
