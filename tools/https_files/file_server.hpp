#pragma once
// An HTTPS file server on an io_context (Boost.Beast + OpenSSL): GET and HEAD
// of files in a folder and of byte strings put in memory, with HTTP Range
// (206 + Content-Range, 416 + "Content-Range: bytes */size", byte_range.hpp),
// no way out of the folder (url_path.hpp, and no symlink leading outside),
// one request per connection. Every response is reported (`Served`) to the
// caller's callback and kept in a short history.
//
// Faults for tests and demos: `cut_next_after(n)` makes the next response
// stop after n body bytes and drop the TCP connection without a TLS
// close_notify (a lost link); `ignore_range(true)` answers 200 to everything.
//
// Threads: construct, and destroy, on the io_context's thread or while it is
// not running. put/cut_next_after/ignore_range/served may be called from any
// thread. The callback runs on the io_context's thread.

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::https_files {

struct ServerOptions {
  std::filesystem::path cert_file;  // PEM certificate chain
  std::filesystem::path key_file;   // PEM private key
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;      // 0: a free port (see port())
  std::filesystem::path root;  // the folder served; empty: only put() content
  std::chrono::seconds io_timeout{30};
};

// One answered request.
struct Served {
  std::string peer;    // "127.0.0.1:50312"
  std::string method;  // "GET", "HEAD", …; "" when no request could be read
  std::string target;
  std::string range;  // the Range header ("" when none)
  unsigned status = 0;
  std::int64_t first = 0;  // the bytes answered (206/200) …
  std::int64_t last = -1;  // … inclusive
  std::int64_t size = -1;  // the file's size (-1: no file)
  std::int64_t sent = 0;   // body bytes written
  bool cut = false;        // stopped on purpose (cut_next_after)
  std::string error;       // why it was refused, or what broke the connection
};
// One line for a log: `GET /a.tar range "bytes=10-" -> 206 bytes 10-99/100, 90 sent`.
[[nodiscard]] std::string to_string(const Served& served);

using OnServed = std::function<void(const Served&)>;

class HttpsFileServer {
 public:
  // Loads the certificate and key, binds and listens. errc::kConfig for a
  // bad certificate, key or folder; errc::kIo when the port cannot be bound.
  [[nodiscard]] static Result<std::unique_ptr<HttpsFileServer>> start(boost::asio::io_context& io,
                                                                      ServerOptions options,
                                                                      OnServed on_served = {});
  ~HttpsFileServer();
  HttpsFileServer(const HttpsFileServer&) = delete;
  HttpsFileServer& operator=(const HttpsFileServer&) = delete;

  // Serves `content` at `path` ("/a"), before the folder's files.
  void put(const std::string& path, std::string content);
  void cut_next_after(std::int64_t bytes);
  void ignore_range(bool ignore);
  // Stops accepting (connections under way finish).
  void stop();

  [[nodiscard]] std::uint16_t port() const { return port_; }
  // https://localhost:<port><path>
  [[nodiscard]] std::string url(const std::string& path) const;
  // The last responses (at most 1000), oldest first.
  [[nodiscard]] std::vector<Served> served() const;

  struct Shared;

 private:
  struct Key {
    explicit Key() = default;
  };

 public:
  HttpsFileServer(Key, std::shared_ptr<Shared> shared, std::uint16_t port);

 private:
  std::shared_ptr<Shared> shared_;
  std::uint16_t port_ = 0;
};

}  // namespace witryna::https_files
