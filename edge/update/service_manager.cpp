#include "edge/update/service_manager.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

extern char** environ;

namespace witryna::update {

namespace {

std::uint64_t number(std::string_view text) {
  std::uint64_t value = 0;
  (void)std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

Result<std::string> run_command(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return fail(std::string(errc::kIo), std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int spawned =
      ::posix_spawn(&pid, argv.front().c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (spawned != 0) {
    ::close(pipe_fds[0]);
    return fail(std::string(errc::kIo),
                "cannot run " + argv.front() + ": " + std::strerror(spawned));
  }
  std::string out;
  char buffer[4096];
  while (true) {
    const auto n = ::read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return fail(std::string(errc::kIo), argv.front() + " " + (argv.size() > 1 ? argv[1] : "") +
                                            " failed (status " + std::to_string(status) + ")");
  }
  return out;
}

core::ServiceSnapshot parse_systemctl_show(std::string_view text) {
  core::ServiceSnapshot s;
  std::string_view active, sub;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const auto line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const auto key = line.substr(0, eq);
    const auto value = line.substr(eq + 1);
    if (key == "ActiveState")
      active = value;
    else if (key == "SubState")
      sub = value;
    else if (key == "MainPID")
      s.main_pid = static_cast<std::int64_t>(number(value));
    else if (key == "NRestarts")
      s.restarts = number(value);
    else if (key == "WatchdogTimestampMonotonic")
      s.watchdog_stamp = number(value);
  }
  s.running = s.main_pid > 0;
  // Type=notify: "active" only after READY=1; "reloading" is still ready.
  s.ready = s.running && (active == "active" || active == "reloading") && sub != "auto-restart";
  return s;
}

Result<void> ServiceManager::restart() const {
  auto ran = run_command({systemctl_.string(), "restart", "--no-block", unit_});
  if (!ran) return Unexpected(ran.error());
  return {};
}

Result<core::ServiceSnapshot> ServiceManager::snapshot() const {
  auto ran = run_command({systemctl_.string(), "show", unit_, "-p", "ActiveState", "-p", "SubState",
                          "-p", "MainPID", "-p", "NRestarts", "-p", "WatchdogTimestampMonotonic"});
  if (!ran) return Unexpected(ran.error());
  return parse_systemctl_show(*ran);
}

}  // namespace witryna::update
