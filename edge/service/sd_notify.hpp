#pragma once
// systemd's notify protocol without libsystemd: datagrams to the
// NOTIFY_SOCKET (READY=1, RELOADING=1, STOPPING=1, WATCHDOG=1, STATUS=…), and
// a watchdog timer feeding WATCHDOG=1 at half the WATCHDOG_USEC interval.
// Without NOTIFY_SOCKET (not started by systemd, tests) every call is a no-op.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/service/event_loop.hpp"

namespace witryna::service {

class SdNotifier {
 public:
  // Disabled: every notify succeeds and sends nothing.
  SdNotifier() = default;
  // `socket_path`: a filesystem path or an abstract name starting with '@'.
  explicit SdNotifier(std::string socket_path,
                      std::optional<std::chrono::microseconds> watchdog = std::nullopt);

  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (the watchdog is ours
  // only when WATCHDOG_PID is absent or our pid).
  [[nodiscard]] static SdNotifier from_environment();

  [[nodiscard]] bool enabled() const { return !socket_path_.empty(); }
  // The interval systemd expects WATCHDOG=1 within; nullopt when none.
  [[nodiscard]] std::optional<std::chrono::microseconds> watchdog_interval() const {
    return watchdog_;
  }

  // Sends one state message ("READY=1", "STATUS=ready", several lines
  // allowed). Fails with errc::kIo (the socket error) — callers log and go on.
  [[nodiscard]] Result<void> notify(std::string_view state) const;
  [[nodiscard]] Result<void> ready() const { return notify("READY=1"); }
  [[nodiscard]] Result<void> reloading() const { return notify("RELOADING=1"); }
  [[nodiscard]] Result<void> stopping() const { return notify("STOPPING=1"); }
  [[nodiscard]] Result<void> watchdog() const { return notify("WATCHDOG=1"); }

 private:
  std::string socket_path_;
  std::optional<std::chrono::microseconds> watchdog_;
};

// Sends WATCHDOG=1 every half interval while the loop runs — and while
// `healthy` (if given) says so: a loop that stops turning, or a failed health
// check, lets systemd's watchdog fire. Loop thread only.
class Watchdog {
 public:
  Watchdog(EventLoop& loop, const SdNotifier& notifier, std::function<bool()> healthy = {});
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // No-op when the notifier has no watchdog interval.
  void start();
  void stop();
  [[nodiscard]] std::uint64_t fed() const { return fed_; }

 private:
  const SdNotifier& notifier_;
  std::function<bool()> healthy_;
  Timer timer_;
  std::uint64_t fed_ = 0;
};

}  // namespace witryna::service
