#include "edge/store/background_thread.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

namespace witryna::store {

void become_background_thread(std::string_view name) {
  const std::string shortened(name.substr(0, 15));
  (void)pthread_setname_np(pthread_self(), shortened.c_str());
  // PRIO_PROCESS with a thread id reads and sets that one thread's nice on
  // Linux; a new thread starts with its creator's. -1 is a valid nice, so
  // errno tells a failed read.
  const auto tid = static_cast<id_t>(gettid());
  errno = 0;
  const int own = getpriority(PRIO_PROCESS, tid);
  if (own == -1 && errno != 0) return;
  (void)setpriority(PRIO_PROCESS, tid, std::min(own + kBackgroundNice, 19));
}

}  // namespace witryna::store
