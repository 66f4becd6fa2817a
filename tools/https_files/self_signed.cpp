#include "tools/https_files/self_signed.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace witryna::https_files {

namespace {

struct OpenSslFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
  void operator()(BIO* p) const { BIO_free_all(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, OpenSslFree>;

Unexpected openssl_failed(const char* what) {
  return fail(std::string(errc::kIo), std::string("self-signed certificate: ") + what + " failed");
}

Result<Owned<EVP_PKEY>> new_key() {
  Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") != 1)
    return openssl_failed("EC key setup");
  EVP_PKEY* key = nullptr;
  if (EVP_PKEY_generate(ctx.get(), &key) != 1) return openssl_failed("EVP_PKEY_generate");
  return Owned<EVP_PKEY>(key);
}

bool add_name(X509_NAME* name, const char* field, const char* value) {
  return X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC,
                                    reinterpret_cast<const unsigned char*>(value), -1, -1, 0) == 1;
}

Result<Owned<X509>> new_cert(EVP_PKEY* key, int days) {
  Owned<X509> cert(X509_new());
  if (!cert) return openssl_failed("X509_new");
  X509* x = cert.get();
  std::uint64_t serial = 0;
  if (X509_set_version(x, X509_VERSION_3) != 1 ||
      RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) != 1 ||
      ASN1_INTEGER_set_uint64(X509_get_serialNumber(x), serial >> 1) != 1 ||
      X509_gmtime_adj(X509_getm_notBefore(x), -3600) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(x), static_cast<long>(days) * 24 * 3600) == nullptr ||
      X509_set_pubkey(x, key) != 1)
    return openssl_failed("certificate fields");
  X509_NAME* name = X509_get_subject_name(x);
  if (!add_name(name, "O", "witryna-central") || !add_name(name, "CN", "localhost") ||
      X509_set_issuer_name(x, name) != 1)
    return openssl_failed("certificate names");
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
  const std::pair<int, const char*> extensions[] = {
      {NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
      {NID_key_usage, "critical,digitalSignature,keyCertSign"},
      {NID_ext_key_usage, "serverAuth"},
      {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
      {NID_subject_key_identifier, "hash"}};
  for (const auto& [nid, value] : extensions) {
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(x, ext.get(), -1) != 1) return openssl_failed("an extension");
  }
  if (X509_sign(x, key, EVP_sha256()) <= 0) return openssl_failed("X509_sign");
  return cert;
}

template <typename Write>
Result<void> write_pem(const std::filesystem::path& path, bool secret, Write write) {
  const auto tmp = std::filesystem::path(path.string() + ".tmp");
  {
    Owned<BIO> bio(BIO_new_file(tmp.c_str(), "w"));
    if (!bio) return fail(std::string(errc::kIo), "cannot write " + tmp.string());
    if (secret) {
      std::error_code ec;
      std::filesystem::permissions(
          tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
      if (ec) return fail(std::string(errc::kIo), "cannot restrict " + tmp.string());
    }
    if (!write(bio.get())) return openssl_failed("PEM write");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec)
    return fail(std::string(errc::kIo), "cannot write " + path.string() + ": " + ec.message());
  return {};
}

}  // namespace

Result<void> make_self_signed(const std::filesystem::path& cert, const std::filesystem::path& key,
                              int days) {
  auto pkey = new_key();
  if (!pkey) return tl::unexpected(pkey.error());
  auto x509 = new_cert(pkey->get(), days);
  if (!x509) return tl::unexpected(x509.error());
  if (auto w = write_pem(key, true,
                         [&](BIO* bio) {
                           return PEM_write_bio_PrivateKey(bio, pkey->get(), nullptr, nullptr, 0,
                                                           nullptr, nullptr) == 1;
                         });
      !w)
    return w;
  return write_pem(cert, false,
                   [&](BIO* bio) { return PEM_write_bio_X509(bio, x509->get()) == 1; });
}

}  // namespace witryna::https_files
