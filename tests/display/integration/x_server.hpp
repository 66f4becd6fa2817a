#pragma once
// A private X server (Xvfb, software GL through Mesa) for tests that run the
// real witryna-display, and a way to run that binary with a deadline. Works
// in CI with no display of its own.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/wait.hpp"

extern char** environ;

namespace witryna::test {

// A child process; killed (SIGKILL) and reaped on destruction if still running.
class Child {
 public:
  Child() = default;
  // `output`: where stdout and stderr go ("/dev/null" to silence); empty
  // keeps ours. A long-lived child must not hold ctest's pipe open: if the
  // test crashed, ctest would wait for the orphan.
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
        const std::string& output = {}) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string kv(*e);
      bool overridden = false;
      for (const auto& x : extra_env) {
        if (kv.substr(0, kv.find('=') + 1) == x.substr(0, x.find('=') + 1)) overridden = true;
      }
      if (!overridden) env.push_back(kv);
    }
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> args;
    for (const auto& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env)
      envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!output.empty()) {
      posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                       0644);
      posix_spawn_file_actions_adddup2(&actions, 1, 2);
    }
    if (posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  Child(Child&& o) noexcept : pid_(o.pid_), status_(o.status_) { o.pid_ = -1; }
  Child& operator=(Child&& o) noexcept {
    std::swap(pid_, o.pid_);
    std::swap(status_, o.status_);
    return *this;
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (running()) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] bool started() const { return pid_ > 0; }
  [[nodiscard]] bool running() {
    if (pid_ <= 0 || status_) return false;
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) status_ = st;
    return !status_;
  }
  // The exit code, or -1 if it did not exit in time (or died of a signal).
  int wait(std::chrono::milliseconds deadline = std::chrono::seconds(60)) {
    if (!wait_until([&] { return !running(); }, deadline)) return -1;
    return status_ && WIFEXITED(*status_) ? WEXITSTATUS(*status_) : -1;
  }
  void signal(int sig) {
    if (running()) ::kill(pid_, sig);
  }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// Xvfb on the first free display number from 90 up, with a screen large
// enough for a 1080×1920 kiosk; stopped on destruction.
class XServer {
 public:
  XServer() {
    for (int n = 90 + static_cast<int>(::getpid() % 50); n < 400; ++n) {
      const auto lock = "/tmp/.X" + std::to_string(n) + "-lock";
      const auto socket = "/tmp/.X11-unix/X" + std::to_string(n);
      if (std::filesystem::exists(lock) || std::filesystem::exists(socket)) continue;
      // Built with += : g++ 12 at -O3 reports a false -Wrestrict for ":" + std::string.
      std::string name(1, ':');
      name += std::to_string(n);
      Child x({"/usr/bin/Xvfb", name, "-screen", "0", "1920x1920x24", "-nolisten", "tcp"}, {},
              "/dev/null");
      // Another test may have taken the number first: then Xvfb exits.
      if (wait_until([&] { return std::filesystem::exists(socket) || !x.running(); },
                     std::chrono::seconds(20)) &&
          x.running()) {
        display_ = name;
        process_ = std::move(x);
        return;
      }
    }
  }
  ~XServer() {
    process_.signal(SIGTERM);
    (void)process_.wait(std::chrono::seconds(10));
  }
  XServer(const XServer&) = delete;
  XServer& operator=(const XServer&) = delete;

  [[nodiscard]] bool ok() const { return !display_.empty(); }
  [[nodiscard]] const std::string& display() const { return display_; }

 private:
  std::string display_;
  Child process_;
};

}  // namespace witryna::test
