// The update agent's transition table and the trial judge.
#include "edge/core/update/update_state.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "edge/core/update/trial.hpp"

namespace witryna::core {
namespace update_state_test {
namespace {

using S = UpdateState;
using E = UpdateEvent;

TEST(UpdateStateTable, HappyPathAndEveryEnding) {
  struct Case {
    S from;
    E event;
    std::optional<S> to;
  } cases[] = {
      {S::kIdle, E::kAccepted, S::kDownloading},
      {S::kDownloading, E::kDownloaded, S::kVerifying},
      {S::kVerifying, E::kVerified, S::kInstalling},
      {S::kInstalling, E::kSwitched, S::kTrial},
      {S::kTrial, E::kHealthy, S::kCommitted},
      {S::kTrial, E::kUnhealthy, S::kRolledBack},
      {S::kIdle, E::kRefused, S::kFailed},
      {S::kVerifying, E::kVerifyFailed, S::kFailed},
      {S::kInstalling, E::kInstallFailed, S::kFailed},
      {S::kCommitted, E::kAccepted, S::kDownloading},
      {S::kRolledBack, E::kAccepted, S::kDownloading},
      {S::kFailed, E::kAccepted, S::kDownloading},
      // A trial is judged to its end: no new manifest, no shortcut.
      {S::kTrial, E::kAccepted, std::nullopt},
      {S::kTrial, E::kRefused, std::nullopt},
      {S::kIdle, E::kSwitched, std::nullopt},
      {S::kDownloading, E::kSwitched, std::nullopt},
      {S::kDownloading, E::kHealthy, std::nullopt},
      {S::kCommitted, E::kUnhealthy, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(next_update_state(c.from, c.event), c.to)
        << to_string(c.from) << " + " << to_string(c.event);
  }
}

TEST(UpdateStateTable, IsAFunctionAndNamesRoundTrip) {
  std::set<std::pair<S, E>> seen;
  for (const auto& row : update_transitions()) {
    EXPECT_TRUE(seen.insert({row.from, row.event}).second)
        << "two rows for " << to_string(row.from) << " + " << to_string(row.event);
  }
  for (const auto s : {S::kIdle, S::kDownloading, S::kVerifying, S::kInstalling, S::kTrial,
                       S::kCommitted, S::kRolledBack, S::kFailed}) {
    EXPECT_EQ(update_state_from_string(to_string(s)), s);
  }
  EXPECT_EQ(update_state_from_string("rolled-back"), std::nullopt);
  EXPECT_EQ(to_string(S::kRolledBack), "rolled_back");
}

ServiceSnapshot running(std::int64_t pid, bool ready, std::uint64_t stamp,
                        std::uint64_t restarts = 0) {
  return ServiceSnapshot{true, ready, pid, restarts, stamp};
}

TrialPolicy policy() {
  TrialPolicy p;
  p.health_timeout_ms = 10'000;
  return p;
}

TEST(TrialJudge, CommitsAfterReadyAndTwoWatchdogFeeds) {
  TrialProgress progress;
  TrialRun run{.since_ms = 0};
  auto step = judge_trial(policy(), progress, run, running(100, false, 0), 10);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  EXPECT_EQ(step.progress.starts, 1);
  EXPECT_EQ(step.run.pid, 100);
  // A feed before READY=1 does not count; READY=1 itself does not either.
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 5), 20);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 5), 30);
  EXPECT_EQ(step.run.pings, 0);
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 7), 40);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 9), 50);
  EXPECT_EQ(step.verdict, TrialVerdict::kCommit);
  EXPECT_EQ(step.progress, (TrialProgress{0, 1}));
}

TEST(TrialJudge, CrashIsCountedAndTheSecondRollsBack) {
  TrialProgress progress;
  auto step = judge_trial(policy(), progress, TrialRun{.since_ms = 0}, running(100, false, 0), 0);
  // The service manager restarted it (new pid, restart count up).
  step = judge_trial(policy(), step.progress, step.run, running(101, false, 0, 1), 100);
  EXPECT_EQ(step.verdict, TrialVerdict::kRestart);
  EXPECT_EQ(step.progress.failures, 1);
  EXPECT_EQ(step.run.pid, 0);
  step = judge_trial(policy(), step.progress, step.run, running(102, false, 0, 1), 200);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  EXPECT_EQ(step.progress.starts, 2);
  step = judge_trial(policy(), step.progress, step.run, ServiceSnapshot{}, 300);
  EXPECT_EQ(step.verdict, TrialVerdict::kRollBack);
  EXPECT_EQ(step.progress.failures, 2);
}

TEST(TrialJudge, HangWithoutWatchdogFailsAtTheDeadline) {
  auto step = judge_trial(policy(), {}, TrialRun{.since_ms = 0}, running(100, true, 0), 0);
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 0), 10'000);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  step = judge_trial(policy(), step.progress, step.run, running(100, true, 0), 10'001);
  EXPECT_EQ(step.verdict, TrialVerdict::kRestart);
  EXPECT_NE(step.detail.find("watchdog not fed"), std::string::npos) << step.detail;
}

TEST(TrialJudge, NeverStartingFailsAtTheDeadline) {
  const TrialRun run{.since_ms = 1000};
  auto step = judge_trial(policy(), {}, run, ServiceSnapshot{}, 11'000);
  EXPECT_EQ(step.verdict, TrialVerdict::kWait);
  step = judge_trial(policy(), {}, run, ServiceSnapshot{}, 11'001);
  EXPECT_EQ(step.verdict, TrialVerdict::kRestart);
  EXPECT_EQ(step.progress.failures, 1);
}

TEST(TrialJudge, PowerCutsCountStartsNotFailures) {
  // Each power cut: the updater dies too, resumes with the persisted progress
  // and a fresh run. A good version is never charged a failure for it.
  TrialProgress progress;
  for (int boot = 1; boot <= 9; ++boot) {
    auto step =
        judge_trial(policy(), progress, TrialRun{.since_ms = 0}, running(100 + boot, false, 0), 5);
    EXPECT_EQ(step.verdict, TrialVerdict::kWait);
    progress = step.progress;  // persisted; then the power goes
  }
  EXPECT_EQ(progress, (TrialProgress{0, 9}));
  auto step = judge_trial(policy(), progress, TrialRun{.since_ms = 0}, running(200, true, 1), 5);
  step = judge_trial(policy(), step.progress, step.run, running(200, true, 2), 6);
  step = judge_trial(policy(), step.progress, step.run, running(200, true, 3), 7);
  EXPECT_EQ(step.verdict, TrialVerdict::kCommit);
}

TEST(TrialJudge, RebootLoopRollsBackAfterMaxStarts) {
  const TrialProgress progress{0, 10};
  const auto step =
      judge_trial(policy(), progress, TrialRun{.since_ms = 0}, running(300, false, 0), 5);
  EXPECT_EQ(step.verdict, TrialVerdict::kRollBack);
}

}  // namespace
}  // namespace update_state_test
}  // namespace witryna::core
