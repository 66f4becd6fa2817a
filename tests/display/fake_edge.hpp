#pragma once
// A tiny stand-in for the edge's screen server (screen-api.md) for tests: a
// real Unix socket in a temp folder, one connection at a time, lines in and
// out with deadlines. Single-threaded: the test drives it step by step.

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace witryna::test {

class FakeEdge {
 public:
  explicit FakeEdge(const std::filesystem::path& socket_path) : path_(socket_path) {
    listener_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) throw std::runtime_error("socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof(addr.sun_path) - 1);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        ::listen(listener_, 4) != 0) {
      throw std::runtime_error("bind/listen " + path_.string());
    }
  }
  ~FakeEdge() {
    drop();
    ::close(listener_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  FakeEdge(const FakeEdge&) = delete;
  FakeEdge& operator=(const FakeEdge&) = delete;

  // Waits for a screen to connect; replaces any current connection.
  bool accept(std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    if (!wait_readable(listener_, deadline)) return false;
    drop();
    conn_ = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    buffer_.clear();
    return conn_ >= 0;
  }

  // The next line the screen sent, without its newline.
  std::optional<std::string> read_line(
      std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (true) {
      const auto nl = buffer_.find('\n');
      if (nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (conn_ < 0 || left.count() <= 0 || !wait_readable(conn_, left)) return std::nullopt;
      char chunk[65536];
      const ssize_t n = ::read(conn_, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  bool send_line(const std::string& line) {
    const std::string data = line + "\n";
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(conn_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Closes the current connection, as an edge restart would.
  void drop() {
    if (conn_ >= 0) ::close(conn_);
    conn_ = -1;
  }

  [[nodiscard]] bool connected() const { return conn_ >= 0; }

 private:
  static bool wait_readable(int fd, std::chrono::milliseconds deadline) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(deadline.count())) == 1;
  }

  std::filesystem::path path_;
  int listener_ = -1;
  int conn_ = -1;
  std::string buffer_;
};

}  // namespace witryna::test
