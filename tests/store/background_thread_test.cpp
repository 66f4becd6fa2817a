// Background threads run kBackgroundNice below the thread that started them.
#include "edge/store/background_thread.hpp"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <thread>

namespace witryna::store {
namespace background_thread_test {
namespace {

int own_nice() {
  return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
}

TEST(BackgroundThread, IsNamedAndRunsTenBelowItsCreator) {
  const int creator = own_nice();
  int nice = 0;
  std::array<char, 16> name{};
  std::thread([&] {
    become_background_thread("bg-test-thread-long-name");
    nice = own_nice();
    pthread_getname_np(pthread_self(), name.data(), name.size());
  }).join();
  EXPECT_EQ(nice, std::min(creator + kBackgroundNice, 19));
  EXPECT_STREQ(name.data(), "bg-test-thread-");
}

}  // namespace
}  // namespace background_thread_test
}  // namespace witryna::store
