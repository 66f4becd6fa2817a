#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::test {

// A child process started with fork+exec, killed (SIGKILL) and reaped by the
// destructor. It inherits no descriptor but 0-2 (stdin is /dev/null; stdout
// and stderr go to `log_file`, appended, or are inherited when it is empty),
// and it gets SIGKILL when the thread that spawned it exits, so a crashed
// test leaves no broker behind.
class ChildProcess {
 public:
  // argv[0] is the program's path.
  [[nodiscard]] static Result<ChildProcess> spawn(const std::vector<std::string>& argv,
                                                  const std::filesystem::path& log_file = {});

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  [[nodiscard]] pid_t pid() const { return pid_; }
  // False once it has exited (it is then reaped).
  [[nodiscard]] bool running();
  void signal(int signal_number);
  // Waits up to `deadline` for the exit; the wait status (see waitpid) or
  // nothing if it is still running.
  [[nodiscard]] std::optional<int> wait_for(std::chrono::milliseconds deadline);
  // SIGKILL and reap.
  void kill();

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace witryna::test
