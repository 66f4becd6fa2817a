#pragma once
// A tiny HTTPS file server for the updater tests (Boost.Beast, its own
// thread, 127.0.0.1 on a free port, the certificate from TlsCerts): serves
// byte strings by path, honours "Range: bytes=N-" with 206, and can misbehave
// like a real link: drop the connection after N bytes, or ignore Range.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace witryna::test {

class HttpsFileServer {
 public:
  HttpsFileServer(const std::filesystem::path& cert, const std::filesystem::path& key);
  ~HttpsFileServer();
  HttpsFileServer(const HttpsFileServer&) = delete;
  HttpsFileServer& operator=(const HttpsFileServer&) = delete;

  void put(const std::string& path, std::string content);
  // The next response (only) stops after `bytes` body bytes and closes.
  void cut_next_after(std::int64_t bytes);
  void ignore_range(bool ignore);

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] std::string url(const std::string& path) const;
  // The Range header of every request so far ("" when none).
  [[nodiscard]] std::vector<std::string> ranges() const;

 private:
  struct Impl;
  void serve();

  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
  std::vector<std::string> ranges_;
  std::int64_t cut_after_ = -1;
  bool ignore_range_ = false;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace witryna::test
