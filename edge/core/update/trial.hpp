#pragma once
// Judging a new version on trial, locally (fleet.md step 4), as a pure
// function of what the service manager reports. The updater polls the
// service manager (systemd: `systemctl show witryna-edge.service`) about once
// a second and calls judge_trial() with each snapshot.
//
// Healthy = the trial process told the service manager READY=1 (running,
// database open and migrated, scans and screens served: witryna-edge sends it
// only once every component started) and then fed its watchdog
// `pings_needed` times without a restart (it feeds the watchdog only while
// App::healthy() holds), all within `health_timeout` of its start.
//
// Counting attempts (docs/updates.md): a FAILURE is counted only when a trial
// process was seen running and then crashed, was restarted, or missed the
// deadline while the updater watched. A power cut kills the updater too, so
// it counts nothing: after the reboot the trial starts afresh with the same
// failure count. Quick power cycles therefore cannot use up the attempts of a
// good version. Separately, every start of a trial process is counted
// (`starts`); a version that keeps the machine rebooting before it can prove
// itself is rolled back after `max_starts` starts.

#include <cstdint>
#include <optional>
#include <string>

namespace witryna::core {

struct TrialPolicy {
  std::int64_t health_timeout_ms = 120'000;  // manifest health_timeout_s
  int pings_needed = 2;                      // watchdog feeds after READY=1
  int max_failures = 2;                      // definite failures before rolling back
  int max_starts = 10;                       // trial process starts before rolling back
};

// What survives restarts and power cuts (persisted by the updater).
struct TrialProgress {
  int failures = 0;
  int starts = 0;
  friend bool operator==(const TrialProgress&, const TrialProgress&) = default;
};

// One run of the trial process as watched by this updater process (memory only).
struct TrialRun {
  std::int64_t pid = 0;         // 0: waiting for the service to start
  std::uint64_t restarts = 0;   // the service manager's restart count at its start
  std::int64_t since_ms = 0;    // when the watch began (updater's monotonic clock)
  bool ready = false;           // READY=1 seen
  std::uint64_t last_ping = 0;  // watchdog timestamp last seen
  int pings = 0;                // feeds seen after READY=1
  friend bool operator==(const TrialRun&, const TrialRun&) = default;
};

// The service manager's view of witryna-edge.
struct ServiceSnapshot {
  bool running = false;  // a main process exists (starting or started)
  bool ready = false;    // it sent READY=1 (systemd: ActiveState=active)
  std::int64_t main_pid = 0;
  std::uint64_t restarts = 0;        // systemd NRestarts
  std::uint64_t watchdog_stamp = 0;  // time of the last WATCHDOG=1, 0 = never
};

enum class TrialVerdict {
  kWait,      // keep polling
  kCommit,    // healthy: make it the committed release
  kRestart,   // a counted failure, attempts remain: restart the service, watch again
  kRollBack,  // out of attempts: point `current` back and restart
};
[[nodiscard]] std::string_view to_string(TrialVerdict verdict);

struct TrialStep {
  TrialVerdict verdict = TrialVerdict::kWait;
  TrialProgress progress;  // persist it before acting when it changed
  TrialRun run;            // the run to keep watching
  std::string detail;      // why (for the update state's detail and the log)
};

// `run` is the watch so far (a default TrialRun with since_ms = now when the
// updater enters or resumes the trial); `now_ms` the updater's monotonic clock.
[[nodiscard]] TrialStep judge_trial(const TrialPolicy& policy, const TrialProgress& progress,
                                    const TrialRun& run, const ServiceSnapshot& service,
                                    std::int64_t now_ms);

}  // namespace witryna::core
