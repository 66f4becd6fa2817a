#include "tests/support/tls_certs.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

namespace witryna::test {

namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct ExtensionFree {
  void operator()(X509_EXTENSION* ext) const { X509_EXTENSION_free(ext); }
};
struct BioFree {
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};

using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Extension = std::unique_ptr<X509_EXTENSION, ExtensionFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "TlsCerts: %s failed\n", what);
  ERR_print_errors_fp(stderr);
  std::abort();
}

Pkey make_key() {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  require(ctx != nullptr, "EVP_PKEY_CTX_new_from_name");
  require(EVP_PKEY_keygen_init(ctx.get()) == 1, "EVP_PKEY_keygen_init");
  require(EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") == 1, "EVP_PKEY_CTX_set_group_name");
  EVP_PKEY* key = nullptr;
  require(EVP_PKEY_generate(ctx.get(), &key) == 1, "EVP_PKEY_generate");
  return Pkey(key);
}

struct CertSpec {
  std::string common_name;
  std::vector<std::pair<int, std::string>> extensions;  // NID, OpenSSL config value
};

// Signs `key`'s certificate with `issuer_key`; `issuer` null: self-signed.
Cert make_cert(const CertSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
  Cert cert(X509_new());
  require(cert != nullptr, "X509_new");
  X509* x = cert.get();
  require(X509_set_version(x, X509_VERSION_3) == 1, "X509_set_version");

  std::uint64_t serial = 0;
  require(RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) == 1, "RAND_bytes");
  require(ASN1_INTEGER_set_uint64(X509_get_serialNumber(x), serial >> 1) == 1, "serial");

  require(X509_gmtime_adj(X509_getm_notBefore(x), -3600) != nullptr, "notBefore");
  require(X509_gmtime_adj(X509_getm_notAfter(x), 2L * 24 * 3600) != nullptr, "notAfter");
  require(X509_set_pubkey(x, key) == 1, "X509_set_pubkey");

  X509_NAME* name = X509_get_subject_name(x);
  require(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("witryna tests"), -1,
                                     -1, 0) == 1,
          "subject O");
  require(X509_NAME_add_entry_by_txt(
              name, "CN", MBSTRING_ASC,
              reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1, 0) == 1,
          "subject CN");
  require(X509_set_issuer_name(x, issuer != nullptr ? X509_get_subject_name(issuer) : name) == 1,
          "X509_set_issuer_name");

  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : x, x, nullptr, nullptr, 0);
  for (const auto& [nid, value] : spec.extensions) {
    Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    require(ext != nullptr, "X509V3_EXT_conf_nid");
    require(X509_add_ext(x, ext.get(), -1) == 1, "X509_add_ext");
  }
  require(X509_sign(x, issuer_key, EVP_sha256()) > 0, "X509_sign");
  return cert;
}

void write_cert(const std::filesystem::path& path, X509* cert) {
  Bio bio(BIO_new_file(path.c_str(), "w"));
  require(bio != nullptr, "BIO_new_file (cert)");
  require(PEM_write_bio_X509(bio.get(), cert) == 1, "PEM_write_bio_X509");
}

void write_key(const std::filesystem::path& path, EVP_PKEY* key) {
  {
    Bio bio(BIO_new_file(path.c_str(), "w"));
    require(bio != nullptr, "BIO_new_file (key)");
    require(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
            "PEM_write_bio_PrivateKey");
  }
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

CertSpec ca_spec(std::string common_name) {
  return {std::move(common_name),
          {{NID_basic_constraints, "critical,CA:TRUE"},
           {NID_key_usage, "critical,keyCertSign,cRLSign"},
           {NID_subject_key_identifier, "hash"}}};
}

CertSpec client_spec(std::string common_name) {
  return {std::move(common_name),
          {{NID_basic_constraints, "critical,CA:FALSE"},
           {NID_key_usage, "critical,digitalSignature"},
           {NID_ext_key_usage, "clientAuth"},
           {NID_subject_key_identifier, "hash"},
           {NID_authority_key_identifier, "keyid"}}};
}

}  // namespace

struct TlsCerts::Authority {
  Pkey key;
  Cert cert;

  static std::unique_ptr<Authority> create(const std::string& common_name) {
    auto authority = std::make_unique<Authority>();
    authority->key = make_key();
    authority->cert =
        make_cert(ca_spec(common_name), authority->key.get(), nullptr, authority->key.get());
    return authority;
  }

  // Writes a new key and certificate signed by this authority.
  CertFiles issue(const CertSpec& spec, const std::filesystem::path& dir,
                  const std::string& stem) const {
    const Pkey leaf_key = make_key();
    const Cert leaf = make_cert(spec, leaf_key.get(), cert.get(), key.get());
    CertFiles files{dir / (stem + ".crt"), dir / (stem + ".key")};
    write_cert(files.cert, leaf.get());
    write_key(files.key, leaf_key.get());
    return files;
  }
};

TlsCerts::TlsCerts(std::string device_id)
    : device_id_(std::move(device_id)), ca_(Authority::create("witryna test CA")) {
  ca_file_ = dir_ / "ca.crt";
  write_cert(ca_file_, ca_->cert.get());

  server_ = ca_->issue({"localhost",
                        {{NID_basic_constraints, "critical,CA:FALSE"},
                         {NID_key_usage, "critical,digitalSignature"},
                         {NID_ext_key_usage, "serverAuth"},
                         {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
                         {NID_subject_key_identifier, "hash"},
                         {NID_authority_key_identifier, "keyid"}}},
                       dir_.path(), "server");
  device_ = ca_->issue(client_spec(device_id_), dir_.path(), "device");

  const auto rogue_ca = Authority::create("witryna rogue CA");
  rogue_ca_file_ = dir_ / "rogue-ca.crt";
  write_cert(rogue_ca_file_, rogue_ca->cert.get());
  rogue_ = rogue_ca->issue(client_spec(device_id_), dir_.path(), "rogue");
}

TlsCerts::~TlsCerts() = default;

CertFiles TlsCerts::issue_client(const std::string& common_name) {
  std::string stem = "client-";
  for (const char c : common_name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    stem += plain ? c : '_';
  }
  return ca_->issue(client_spec(common_name), dir_.path(), stem);
}

}  // namespace witryna::test
