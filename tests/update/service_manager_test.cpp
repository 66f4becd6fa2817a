// Reading `systemctl show` into the snapshot the trial judge uses.
#include "edge/update/service_manager.hpp"

#include <gtest/gtest.h>

namespace witryna::update {
namespace update_service_manager_test {
namespace service_manager_test {
namespace {

TEST(SystemctlShow, ReadyOnlyWhenActiveWithAMainProcess) {
  struct Case {
    const char* text;
    bool running;
    bool ready;
  } cases[] = {
      {"ActiveState=active\nSubState=running\nMainPID=42\nNRestarts=3\n"
       "WatchdogTimestampMonotonic=123456\n",
       true, true},
      {"ActiveState=activating\nSubState=start\nMainPID=42\nNRestarts=0\n", true, false},
      {"ActiveState=activating\nSubState=auto-restart\nMainPID=0\nNRestarts=4\n", false, false},
      {"ActiveState=failed\nSubState=failed\nMainPID=0\n", false, false},
      {"ActiveState=reloading\nSubState=reload\nMainPID=42\n", true, true},
      {"", false, false},
  };
  for (const auto& c : cases) {
    const auto s = parse_systemctl_show(c.text);
    EXPECT_EQ(s.running, c.running) << c.text;
    EXPECT_EQ(s.ready, c.ready) << c.text;
  }
  const auto s = parse_systemctl_show(cases[0].text);
  EXPECT_EQ(s.main_pid, 42);
  EXPECT_EQ(s.restarts, 3u);
  EXPECT_EQ(s.watchdog_stamp, 123456u);
}

TEST(RunCommand, ReturnsStdoutAndFailsOnANonZeroExit) {
  const auto out = run_command({"/bin/echo", "hello"});
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, "hello\n");
  EXPECT_FALSE(run_command({"/bin/false"}));
  EXPECT_FALSE(run_command({"/nonexistent/systemctl", "show"}));
}

}  // namespace
}  // namespace service_manager_test
}  // namespace update_service_manager_test
}  // namespace witryna::update
