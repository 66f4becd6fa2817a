#include "tools/bench/common/line_socket.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>
#include <utility>

namespace witryna::bench {

Result<LineSocket> LineSocket::connect(const std::filesystem::path& path,
                                       std::chrono::milliseconds timeout) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string p = path.string();
  if (p.size() >= sizeof address.sun_path)
    return fail(std::string(errc::kIo), "socket path too long");
  std::memcpy(address.sun_path, p.c_str(), p.size() + 1);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    LineSocket socket(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (socket.fd_ < 0) return fail(std::string(errc::kIo), std::strerror(errno));
    if (::connect(socket.fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
      return socket;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return fail(std::string(errc::kIo), "cannot connect to " + p + ": " + std::strerror(errno));
    }
    // The server is starting on its own thread: poll for it.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

LineSocket::LineSocket(LineSocket&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

LineSocket& LineSocket::operator=(LineSocket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

LineSocket::~LineSocket() {
  if (fd_ >= 0) ::close(fd_);
}

Result<void> LineSocket::send(const std::string& line) {
  const std::string framed = line + "\n";
  std::size_t sent = 0;
  while (sent < framed.size()) {
    const auto n = ::write(fd_, framed.data() + sent, framed.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(std::string(errc::kIo), std::string("write: ") + std::strerror(errno));
    sent += static_cast<std::size_t>(n);
  }
  return {};
}

Result<std::string> LineSocket::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (const auto end = buffer_.find('\n'); end != std::string::npos) {
      std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return fail("timeout", "no line from the edge in time");
    pollfd pfd{fd_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char chunk[65536];
    const auto n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(std::string(errc::kIo), "the edge closed the connection");
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace witryna::bench
