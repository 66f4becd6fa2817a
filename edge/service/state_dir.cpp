#include "edge/service/state_dir.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "edge/service/log.hpp"

namespace witryna::service {

StateDir::StateDir(std::filesystem::path dir) : dir_(std::move(dir)) {}

StateDir::~StateDir() {
  stop();
}

Result<void> StateDir::start() {
  std::error_code ec;
  if (std::filesystem::create_directories(dir_, ec)) {
    std::filesystem::permissions(dir_, std::filesystem::perms(0750),
                                 std::filesystem::perm_options::replace, ec);
    log::info("created state folder ", dir_.string());
  } else if (ec) {
    return fail(std::string(errc::kIo),
                "cannot create state folder " + dir_.string() + ": " + ec.message());
  }
  if (!std::filesystem::is_directory(dir_, ec)) {
    return fail(std::string(errc::kIo), "state folder " + dir_.string() + " is not a folder");
  }
  const auto lock_path = dir_ / kLockFile;
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    return fail(std::string(errc::kIo),
                "cannot write in state folder " + dir_.string() + ": " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) {
      return fail(std::string(errc::kIo), "another witryna-edge is using the state folder " +
                                              dir_.string() + " (lock " + lock_path.string() + ")");
    }
    return fail(std::string(errc::kIo),
                "cannot lock " + lock_path.string() + ": " + std::strerror(error));
  }
  // The pid inside is for people; the lock itself is what counts.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    const int error = errno;
    ::close(fd);
    return fail(std::string(errc::kIo),
                "cannot write in state folder " + dir_.string() + ": " + std::strerror(error));
  }
  lock_fd_ = fd;
  return {};
}

void StateDir::stop() {
  if (lock_fd_ < 0) return;
  ::close(lock_fd_);  // releases the lock
  lock_fd_ = -1;
}

}  // namespace witryna::service
