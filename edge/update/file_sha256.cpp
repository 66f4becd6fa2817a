#include "edge/update/file_sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

#include "edge/core/encoding/hex.hpp"

namespace witryna::update {

Result<std::string> file_sha256_hex(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string(errc::kIo), "cannot read " + path.string());
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    return fail(std::string(errc::kIo), "SHA-256 unavailable");
  std::array<char, 64 * 1024> chunk{};
  while (in) {
    in.read(chunk.data(), chunk.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > 0 && EVP_DigestUpdate(ctx.get(), chunk.data(), got) != 1)
      return fail(std::string(errc::kIo), "SHA-256 failed");
  }
  if (in.bad()) return fail(std::string(errc::kIo), "read error in " + path.string());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1)
    return fail(std::string(errc::kIo), "SHA-256 failed");
  return core::hex_encode(std::span<const std::uint8_t>(digest.data(), length));
}

}  // namespace witryna::update
