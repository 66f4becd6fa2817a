#pragma once
// CPU seconds per thread from /proc, and the nice values the snapshot bench
// gives the parts of its world that a store would run on other machines.

#include <sys/types.h>

#include <map>
#include <string>

namespace witryna::bench {

// CPU seconds (user + system) used so far by each thread of `pid`, summed by
// thread name; empty once the process has exited.
[[nodiscard]] std::map<std::string, double> thread_cpu_seconds(pid_t pid);
// Seconds each thread of `pid` has spent runnable but waiting for a CPU
// (/proc/.../schedstat), summed by thread name: how long the scheduler made
// it wait behind other work.
[[nodiscard]] std::map<std::string, double> thread_run_delay_seconds(pid_t pid);
// Sets the nice value of every thread of this process but the calling one
// (Linux: nice is per thread). Returns how many threads it changed.
std::size_t renice_other_threads(int nice);

}  // namespace witryna::bench
