#include "edge/store/background_thread.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <string>

namespace witryna::store {

void become_background_thread(std::string_view name) {
  const std::string shortened(name.substr(0, 15));
  (void)pthread_setname_np(pthread_self(), shortened.c_str());
  // PRIO_PROCESS with a thread id sets that one thread's nice on Linux.
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice);
}

}  // namespace witryna::store
