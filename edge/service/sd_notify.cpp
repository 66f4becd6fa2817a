#include "edge/service/sd_notify.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "edge/service/log.hpp"
#include "edge/service/unique_fd.hpp"

namespace witryna::service {

namespace {

std::optional<std::uint64_t> env_number(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr) return std::nullopt;
  std::uint64_t value = 0;
  const std::string_view s(text);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

}  // namespace

SdNotifier::SdNotifier(std::string socket_path, std::optional<std::chrono::microseconds> watchdog)
    : socket_path_(std::move(socket_path)), watchdog_(watchdog) {}

SdNotifier SdNotifier::from_environment() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  if (socket == nullptr || *socket == '\0') return {};
  std::optional<std::chrono::microseconds> watchdog;
  const auto usec = env_number("WATCHDOG_USEC");
  const auto pid = env_number("WATCHDOG_PID");
  if (usec && *usec > 0 && (!pid || *pid == static_cast<std::uint64_t>(::getpid()))) {
    watchdog = std::chrono::microseconds(static_cast<std::chrono::microseconds::rep>(*usec));
  }
  return SdNotifier(socket, watchdog);
}

Result<void> SdNotifier::notify(std::string_view state) const {
  if (!enabled()) return {};
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_path_.size() >= sizeof(address.sun_path) ||
      (socket_path_.front() != '/' && socket_path_.front() != '@')) {
    return fail(std::string(errc::kIo), "NOTIFY_SOCKET is not a usable socket path");
  }
  std::memcpy(address.sun_path, socket_path_.data(), socket_path_.size());
  // An abstract socket's name starts with a NUL byte, spelled '@' in the variable.
  if (socket_path_.front() == '@') address.sun_path[0] = '\0';
  const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path_.size());

  const UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) {
    return fail(std::string(errc::kIo), std::string("sd_notify socket: ") + std::strerror(errno));
  }
  const auto sent = ::sendto(fd.get(), state.data(), state.size(), MSG_NOSIGNAL,
                             reinterpret_cast<const sockaddr*>(&address), length);
  if (sent < 0 || static_cast<std::size_t>(sent) != state.size()) {
    return fail(std::string(errc::kIo),
                "sd_notify to " + socket_path_ + ": " + std::strerror(errno));
  }
  return {};
}

Watchdog::Watchdog(EventLoop& loop, const SdNotifier& notifier, std::function<bool()> healthy)
    : notifier_(notifier), healthy_(std::move(healthy)), timer_(loop) {}

void Watchdog::start() {
  const auto interval = notifier_.watchdog_interval();
  if (!interval) return;
  const auto period =
      std::max<std::chrono::microseconds>(*interval / 2, std::chrono::milliseconds(10));
  log::info("watchdog: feeding systemd every ",
            std::chrono::duration_cast<std::chrono::milliseconds>(period).count(), " ms");
  timer_.every(period, [this] {
    if (healthy_ && !healthy_()) {
      log::warn("watchdog: health check failed, not feeding the watchdog");
      return;
    }
    if (auto sent = notifier_.watchdog(); !sent) {
      log::warn("watchdog: ", sent.error().context);
      return;
    }
    ++fed_;
  });
}

void Watchdog::stop() {
  timer_.cancel();
}

}  // namespace witryna::service
