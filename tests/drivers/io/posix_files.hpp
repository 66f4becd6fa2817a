#pragma once
// Small RAII stand-ins for devices: a FIFO held open for writing, a pty pair.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace witryna::test {

// Writes all of `bytes` to `fd`; false on error. On a non-blocking `fd`
// that is full, `when_full` runs (e.g. the event loop, so the reader drains
// it); without it a full pipe is an error.
inline bool write_all(int fd, std::string_view bytes, const std::function<void()>& when_full = {}) {
  while (!bytes.empty()) {
    const auto n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && when_full) {
      when_full();
      continue;
    }
    if (n < 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// A FIFO at `path` (made here unless it exists), held open read-write so that
// a reader opening it never sees "no writer yet". Closing it ends the reader's
// stream (end of file) once no other writer is left. Writes never block: more
// than the pipe holds needs `when_full` to let the reader run.
class HeldFifo {
 public:
  explicit HeldFifo(std::filesystem::path path) : path_(std::move(path)) {
    if (!std::filesystem::exists(path_) && ::mkfifo(path_.c_str(), 0600) != 0) std::abort();
    fd_ = ::open(path_.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) std::abort();
  }
  ~HeldFifo() { close(); }
  HeldFifo(const HeldFifo&) = delete;
  HeldFifo& operator=(const HeldFifo&) = delete;

  bool write(std::string_view bytes, const std::function<void()>& when_full = {}) {
    return write_all(fd_, bytes, when_full);
  }
  // "Unplugs": the path goes first, so a reader reopening finds nothing.
  void unplug() {
    std::filesystem::remove(path_);
    close();
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

// A pseudo-terminal pair: the slave stands in for a serial scanner's tty,
// the test writes on the master what the scanner would send.
class Pty {
 public:
  Pty() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) std::abort();
    const char* name = ::ptsname(master_);
    if (name == nullptr) std::abort();
    slave_path_ = name;
  }
  ~Pty() { close(); }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;

  [[nodiscard]] const std::filesystem::path& slave_path() const { return slave_path_; }
  bool write(std::string_view bytes) { return write_all(master_, bytes); }
  // The slave sees a hang-up, as when a USB serial adapter is pulled.
  void close() {
    if (master_ >= 0) ::close(master_);
    master_ = -1;
  }

 private:
  int master_ = -1;
  std::filesystem::path slave_path_;
};

}  // namespace witryna::test
