#include "edge/core/update/trial.hpp"

namespace witryna::core {

namespace {

TrialStep trial_failure(const TrialPolicy& policy, TrialProgress progress, std::int64_t now_ms,
                        std::string why) {
  ++progress.failures;
  TrialStep step;
  step.progress = progress;
  step.run = TrialRun{.since_ms = now_ms};
  const auto count = " (failure " + std::to_string(progress.failures) + " of " +
                     std::to_string(policy.max_failures) + ")";
  step.detail = why + count;
  step.verdict =
      progress.failures >= policy.max_failures ? TrialVerdict::kRollBack : TrialVerdict::kRestart;
  return step;
}

}  // namespace

std::string_view to_string(TrialVerdict verdict) {
  switch (verdict) {
    case TrialVerdict::kWait:
      return "wait";
    case TrialVerdict::kCommit:
      return "commit";
    case TrialVerdict::kRestart:
      return "restart";
    case TrialVerdict::kRollBack:
      return "roll_back";
  }
  return "wait";
}

TrialStep judge_trial(const TrialPolicy& policy, const TrialProgress& progress, const TrialRun& run,
                      const ServiceSnapshot& service, std::int64_t now_ms) {
  TrialStep step{TrialVerdict::kWait, progress, run, {}};
  const auto timeout_s = std::to_string(policy.health_timeout_ms / 1000);

  if (run.pid != 0 && (service.main_pid != run.pid || service.restarts != run.restarts)) {
    // The process we watched is gone: it crashed, or missed its watchdog and
    // was killed and restarted by the service manager.
    return trial_failure(policy, progress, now_ms,
                         run.ready ? "new version stopped after READY=1 (crash or watchdog)"
                                   : "new version exited before READY=1");
  }
  if (run.pid == 0) {
    if (service.running && service.main_pid > 0) {
      ++step.progress.starts;
      step.run = TrialRun{.pid = service.main_pid,
                          .restarts = service.restarts,
                          .since_ms = now_ms,
                          .last_ping = service.watchdog_stamp};
      if (step.progress.starts > policy.max_starts) {
        step.verdict = TrialVerdict::kRollBack;
        step.detail = "new version started " + std::to_string(step.progress.starts - 1) +
                      " times without proving healthy";
      }
      // Fall through: this snapshot may already show READY=1.
    } else if (now_ms - run.since_ms > policy.health_timeout_ms) {
      return trial_failure(policy, progress, now_ms,
                           "new version did not start within " + timeout_s + " s");
    } else {
      return step;
    }
  }
  if (step.verdict != TrialVerdict::kWait) return step;

  if (service.ready && !step.run.ready) {
    step.run.ready = true;
    step.run.last_ping = service.watchdog_stamp;  // feeds before READY=1 do not count
  } else if (step.run.ready && service.watchdog_stamp != step.run.last_ping) {
    step.run.last_ping = service.watchdog_stamp;
    ++step.run.pings;
  }
  if (step.run.ready && step.run.pings >= policy.pings_needed) {
    step.verdict = TrialVerdict::kCommit;
    step.detail = "healthy: READY=1 and " + std::to_string(step.run.pings) + " watchdog feeds";
    return step;
  }
  if (now_ms - step.run.since_ms > policy.health_timeout_ms) {
    return trial_failure(policy, progress, now_ms,
                         std::string(step.run.ready ? "watchdog not fed" : "no READY=1") +
                             " within " + timeout_s + " s");
  }
  return step;
}

}  // namespace witryna::core
