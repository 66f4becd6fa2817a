#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace witryna::test {

struct CertFiles {
  std::filesystem::path cert;  // PEM certificate
  std::filesystem::path key;   // PEM private key (PKCS#8, unencrypted, mode 0600)
};

// A throw-away PKI made on the spot with OpenSSL (EC P-256, SHA-256, valid
// from an hour ago for two days), written to its own TempDir:
// - a CA that signs the broker and the clients,
// - a server certificate for CN/SAN localhost and IP 127.0.0.1,
// - the device's client certificate (CN = device id),
// - a "rogue" client certificate with the same CN, signed by another CA.
// Aborts the test program if OpenSSL fails (a broken machine, not a test result).
class TlsCerts {
 public:
  explicit TlsCerts(std::string device_id = "PL-WAW-001-edge1");
  ~TlsCerts();
  TlsCerts(const TlsCerts&) = delete;
  TlsCerts& operator=(const TlsCerts&) = delete;

  [[nodiscard]] const std::string& device_id() const { return device_id_; }
  [[nodiscard]] const std::filesystem::path& ca_file() const { return ca_file_; }
  [[nodiscard]] const CertFiles& server() const { return server_; }
  [[nodiscard]] const CertFiles& device() const { return device_; }
  [[nodiscard]] const CertFiles& rogue() const { return rogue_; }
  [[nodiscard]] const std::filesystem::path& rogue_ca_file() const { return rogue_ca_file_; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }

  // Another client certificate from the CA (e.g. for the central simulator).
  [[nodiscard]] CertFiles issue_client(const std::string& common_name);

 private:
  struct Authority;
  TempDir dir_;
  std::string device_id_;
  std::unique_ptr<Authority> ca_;
  std::filesystem::path ca_file_;
  std::filesystem::path rogue_ca_file_;
  CertFiles server_;
  CertFiles device_;
  CertFiles rogue_;
};

}  // namespace witryna::test
