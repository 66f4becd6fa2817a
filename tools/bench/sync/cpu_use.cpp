#include "tools/bench/sync/cpu_use.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

namespace witryna::bench {
namespace {

struct TaskStat {
  std::string name;
  double seconds = 0;
};

// Fields 14 and 15 of /proc/.../stat (utime, stime), after the name in ().
bool read_task_stat(const std::filesystem::path& stat_path, TaskStat& out) {
  std::ifstream in(stat_path);
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto open = stat.find('(');
  const auto close = stat.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return false;
  std::istringstream rest(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);
  }
  out.name = stat.substr(open + 1, close - open - 1);
  out.seconds = ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  return true;
}

// Adds, per thread name of `pid`, what `measure` reads from the thread's
// /proc folder (nothing when it cannot read it).
template <typename Measure>
std::map<std::string, double> sum_by_thread_name(pid_t pid, Measure measure) {
  std::map<std::string, double> out;
  std::error_code ec;
  const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
  for (const auto& task : std::filesystem::directory_iterator(tasks, ec)) {
    TaskStat stat;
    if (!read_task_stat(task.path() / "stat", stat)) continue;
    if (const auto value = measure(task.path(), stat)) out[stat.name] += *value;
  }
  return out;
}

}  // namespace

std::map<std::string, double> thread_cpu_seconds(pid_t pid) {
  return sum_by_thread_name(pid, [](const std::filesystem::path&, const TaskStat& stat) {
    return std::optional<double>(stat.seconds);
  });
}

std::map<std::string, double> thread_run_delay_seconds(pid_t pid) {
  return sum_by_thread_name(
      pid, [](const std::filesystem::path& task, const TaskStat&) -> std::optional<double> {
        std::ifstream in(task / "schedstat");
        double on_cpu_ns = 0;
        double waiting_ns = 0;
        if (!(in >> on_cpu_ns >> waiting_ns)) return std::nullopt;
        return waiting_ns / 1e9;
      });
}

std::size_t renice_other_threads(int nice) {
  const auto self = static_cast<pid_t>(::syscall(SYS_gettid));
  std::size_t changed = 0;
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    const auto tid = static_cast<pid_t>(std::stol(task.path().filename().string()));
    if (tid == self) continue;
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), nice) == 0) ++changed;
  }
  return changed;
}

}  // namespace witryna::bench
