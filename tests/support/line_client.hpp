#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace witryna::test {

// A blocking newline-delimited client over a Unix socket, as a screen of
// another maker would be. Reads wait with a deadline, never forever.
class LineClient {
 public:
  explicit LineClient(const std::filesystem::path& socket_path);
  ~LineClient();
  LineClient(const LineClient&) = delete;
  LineClient& operator=(const LineClient&) = delete;

  [[nodiscard]] bool connected() const { return fd_ >= 0; }
  // Sends `line` plus '\n' (or raw bytes with send_raw). False when the peer is gone.
  bool send_line(std::string_view line);
  bool send_raw(std::string_view bytes);
  // The next line, or nullopt on timeout or when the peer closed.
  [[nodiscard]] std::optional<std::string> read_line(
      std::chrono::milliseconds deadline = std::chrono::seconds(5));
  // True when the peer closed the connection within the deadline.
  [[nodiscard]] bool wait_closed(std::chrono::milliseconds deadline = std::chrono::seconds(5));
  void close();

 private:
  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

}  // namespace witryna::test
