#include "edge/service/event_loop.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

#include "edge/service/sd_notify.hpp"
#include "tests/service/notify_receiver.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wait.hpp"

namespace witryna::service {
namespace event_loop_test {
namespace {

using std::chrono::milliseconds;

// Stops the loop after `limit` if the test has not: a hung test fails instead.
class Deadline {
 public:
  Deadline(EventLoop& loop, milliseconds limit) : timer_(loop) {
    timer_.after(limit, [this, &loop] {
      expired_ = true;
      loop.stop();
    });
  }
  [[nodiscard]] bool expired() const { return expired_; }

 private:
  Timer timer_;
  bool expired_ = false;
};

TEST(EventLoop, PostFromAnotherThreadRunsOnTheLoopThread) {
  EventLoop loop;
  std::atomic<bool> ran{false};
  std::thread::id seen;
  std::thread runner([&] { loop.run(); });
  const auto runner_id = runner.get_id();
  std::thread poster([&] {
    loop.post([&] {
      seen = std::this_thread::get_id();
      ran = true;
    });
  });
  poster.join();
  EXPECT_TRUE(test::wait_until([&] { return ran.load(); }));
  loop.stop();
  runner.join();
  EXPECT_EQ(seen, runner_id);
}

TEST(EventLoop, RunCanBeCalledAgainAfterStop) {
  EventLoop loop;
  int runs = 0;
  for (int i = 0; i < 2; ++i) {
    loop.post([&] {
      ++runs;
      loop.stop();
    });
    loop.run();
  }
  EXPECT_EQ(runs, 2);
}

TEST(Timer, RepeatsUntilCancelled) {
  EventLoop loop;
  Deadline deadline(loop, std::chrono::seconds(5));
  Timer timer(loop);
  int ticks = 0;
  timer.every(milliseconds(1), [&] {
    if (++ticks == 3) {
      timer.cancel();
      loop.stop();
    }
  });
  loop.run();
  EXPECT_FALSE(deadline.expired());
  EXPECT_EQ(ticks, 3);
}

TEST(Timer, ACancelledOrDestroyedTimerNeverCalls) {
  EventLoop loop;
  bool cancelled_fired = false;
  bool destroyed_fired = false;
  Timer cancelled(loop);
  cancelled.after(milliseconds(1), [&] { cancelled_fired = true; });
  cancelled.cancel();
  auto destroyed = std::make_unique<Timer>(loop);
  destroyed->after(milliseconds(1), [&] { destroyed_fired = true; });
  destroyed.reset();
  Timer end(loop);
  end.after(milliseconds(30), [&] { loop.stop(); });
  loop.run();
  EXPECT_FALSE(cancelled_fired);
  EXPECT_FALSE(destroyed_fired);
}

TEST(Timer, ACallbackMayDestroyItsOwnTimer) {
  EventLoop loop;
  Deadline deadline(loop, std::chrono::seconds(5));
  auto timer = std::make_unique<Timer>(loop);
  bool fired = false;
  timer->every(milliseconds(1), [&] {
    fired = true;
    timer.reset();
    loop.stop();
  });
  loop.run();
  EXPECT_TRUE(fired);
  EXPECT_FALSE(deadline.expired());
}

TEST(Timer, RearmingReplacesThePendingExpiry) {
  EventLoop loop;
  Deadline deadline(loop, std::chrono::seconds(5));
  Timer timer(loop);
  std::string fired;
  timer.after(milliseconds(1), [&] { fired += "first"; });
  timer.after(milliseconds(2), [&] {
    fired += "second";
    loop.stop();
  });
  loop.run();
  EXPECT_EQ(fired, "second");
}

TEST(SdNotify, WithoutASocketNothingIsSentAndAllSucceeds) {
  const SdNotifier notifier;
  EXPECT_FALSE(notifier.enabled());
  EXPECT_TRUE(notifier.ready());
  EXPECT_FALSE(notifier.watchdog_interval());
}

TEST(SdNotify, SendsStatesToTheSocket) {
  test::TempDir dir;
  test::NotifyReceiver systemd(dir / "notify.sock");
  ASSERT_TRUE(systemd.bound());
  const SdNotifier notifier((dir / "notify.sock").string());
  ASSERT_TRUE(notifier.ready());
  ASSERT_TRUE(notifier.notify("STATUS=ready"));
  ASSERT_TRUE(notifier.stopping());
  EXPECT_TRUE(test::wait_until([&] { return systemd.poll().size() == 3; }));
  EXPECT_EQ(systemd.poll(), (std::vector<std::string>{"READY=1", "STATUS=ready", "STOPPING=1"}));
}

TEST(SdNotify, AbstractSocketNamesWork) {
  const std::string name = "@witryna-test-" + std::to_string(::getpid());
  test::NotifyReceiver systemd(name);
  ASSERT_TRUE(systemd.bound());
  ASSERT_TRUE(SdNotifier(name).ready());
  EXPECT_TRUE(test::wait_until([&] { return systemd.received("READY=1"); }));
}

TEST(SdNotify, AMissingSocketIsAnIoError) {
  test::TempDir dir;
  auto sent = SdNotifier((dir / "absent.sock").string()).ready();
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, errc::kIo);
  EXPECT_FALSE(SdNotifier("relative.sock").ready());
}

TEST(SdNotify, ReadsTheEnvironment) {
  ::setenv("NOTIFY_SOCKET", "/run/systemd/notify", 1);
  ::setenv("WATCHDOG_USEC", "30000000", 1);
  ::unsetenv("WATCHDOG_PID");
  const auto ours = SdNotifier::from_environment();
  ::setenv("WATCHDOG_PID", "1", 1);  // someone else's watchdog
  const auto theirs = SdNotifier::from_environment();
  ::unsetenv("NOTIFY_SOCKET");
  ::unsetenv("WATCHDOG_USEC");
  ::unsetenv("WATCHDOG_PID");
  const auto none = SdNotifier::from_environment();
  EXPECT_TRUE(ours.enabled());
  EXPECT_EQ(ours.watchdog_interval(), std::chrono::seconds(30));
  EXPECT_TRUE(theirs.enabled());
  EXPECT_FALSE(theirs.watchdog_interval());
  EXPECT_FALSE(none.enabled());
}

TEST(Watchdog, FeedsAtHalfTheIntervalWhileHealthy) {
  test::TempDir dir;
  test::NotifyReceiver systemd(dir / "notify.sock");
  ASSERT_TRUE(systemd.bound());
  const SdNotifier notifier((dir / "notify.sock").string(), milliseconds(20));
  EventLoop loop;
  Deadline deadline(loop, std::chrono::seconds(5));
  Watchdog watchdog(loop, notifier);
  watchdog.start();
  Timer poll(loop);
  poll.every(milliseconds(5), [&] {
    if (systemd.count("WATCHDOG=1") >= 3) loop.stop();
  });
  loop.run();
  EXPECT_FALSE(deadline.expired());
  EXPECT_GE(watchdog.fed(), 3U);
}

TEST(Watchdog, StarvesWhenUnhealthy) {
  test::TempDir dir;
  test::NotifyReceiver systemd(dir / "notify.sock");
  const SdNotifier notifier((dir / "notify.sock").string(), milliseconds(10));
  EventLoop loop;
  int checks = 0;
  Watchdog watchdog(loop, notifier, [&] {
    if (++checks == 5) loop.stop();
    return false;
  });
  Deadline deadline(loop, std::chrono::seconds(5));
  watchdog.start();
  loop.run();
  EXPECT_EQ(checks, 5);
  EXPECT_EQ(watchdog.fed(), 0U);
  EXPECT_EQ(systemd.count("WATCHDOG=1"), 0U);
}

}  // namespace
}  // namespace event_loop_test
}  // namespace witryna::service
