#include "edge/crypto/openssl_handles.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <iterator>

namespace witryna::crypto {

void EvpPkeyDeleter::operator()(EVP_PKEY* key) const noexcept {
  EVP_PKEY_free(key);
}
void EvpMdCtxDeleter::operator()(EVP_MD_CTX* ctx) const noexcept {
  EVP_MD_CTX_free(ctx);
}
void EvpPkeyCtxDeleter::operator()(EVP_PKEY_CTX* ctx) const noexcept {
  EVP_PKEY_CTX_free(ctx);
}
void BioDeleter::operator()(BIO* bio) const noexcept {
  BIO_free(bio);
}

std::string take_openssl_error() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "no OpenSSL error";
  std::array<char, 256> text{};
  ERR_error_string_n(code, text.data(), text.size());
  return text.data();
}

void clear_openssl_errors() {
  ERR_clear_error();
}

Result<std::string> read_small_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(std::string(errc::kIo), "cannot read " + path.string() + ": " + ec.message());
  if (size > max_bytes) return fail(std::string(errc::kIo), path.string() + " is too large");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string(errc::kIo), "cannot open " + path.string());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return fail(std::string(errc::kIo), "cannot read " + path.string());
  return text;
}

}  // namespace witryna::crypto
