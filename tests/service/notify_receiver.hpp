#pragma once
// The systemd side of sd_notify for tests: a datagram socket that collects
// what the service sends.

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace witryna::test {

class NotifyReceiver {
 public:
  explicit NotifyReceiver(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string name = path_.string();
    std::strncpy(address.sun_path, name.c_str(), sizeof(address.sun_path) - 1);
    // "@name" is an abstract socket: a leading NUL byte, no file.
    if (!name.empty() && name.front() == '@') address.sun_path[0] = '\0';
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
    bound_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<const sockaddr*>(&address), length) == 0;
  }
  ~NotifyReceiver() {
    if (fd_ >= 0) ::close(fd_);
  }
  NotifyReceiver(const NotifyReceiver&) = delete;
  NotifyReceiver& operator=(const NotifyReceiver&) = delete;

  [[nodiscard]] bool bound() const { return bound_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // Reads whatever arrived (non-blocking) and returns every message so far.
  const std::vector<std::string>& poll() {
    char buffer[4096];
    for (;;) {
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      messages_.emplace_back(buffer, static_cast<std::size_t>(n));
    }
    return messages_;
  }

  [[nodiscard]] bool received(const std::string& text) {
    for (const auto& m : poll()) {
      if (m.find(text) != std::string::npos) return true;
    }
    return false;
  }

  [[nodiscard]] std::size_t count(const std::string& text) {
    std::size_t n = 0;
    for (const auto& m : poll()) {
      if (m.find(text) != std::string::npos) ++n;
    }
    return n;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool bound_ = false;
  std::vector<std::string> messages_;
};

}  // namespace witryna::test
