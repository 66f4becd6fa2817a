#pragma once
// The updater tests' HTTPS server: tools/https_files on its own io thread,
// with the test PKI's server certificate. Declared as one member, it stops
// its thread before the server goes (the server's rule: destroy it only on
// its thread or when the io_context is not running).

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/io_thread.hpp"
#include "tests/support/tls_certs.hpp"
#include "tools/https_files/file_server.hpp"

namespace witryna::test {

class TestFileServer {
 public:
  explicit TestFileServer(const CertFiles& certs) {
    https_files::ServerOptions options;
    options.cert_file = certs.cert;
    options.key_file = certs.key;
    auto started = https_files::HttpsFileServer::start(io_.io(), options);
    if (!started) {
      std::fprintf(stderr, "TestFileServer: %s\n", started.error().context.c_str());
      std::abort();
    }
    server_ = std::move(*started);
  }
  ~TestFileServer() { io_.stop(); }
  TestFileServer(const TestFileServer&) = delete;
  TestFileServer& operator=(const TestFileServer&) = delete;

  https_files::HttpsFileServer* operator->() { return server_.get(); }

  // The Range header of every answered request so far ("" when none).
  [[nodiscard]] std::vector<std::string> ranges() const {
    std::vector<std::string> out;
    for (const auto& served : server_->served())
      out.push_back(served.range);
    return out;
  }

 private:
  IoThread io_;
  std::unique_ptr<https_files::HttpsFileServer> server_;
};

}  // namespace witryna::test
