#pragma once
// The rollout of one signed update in waves, as a state machine fed with the
// device states seen and asked what to do next at a given `now`
// (docs/fleet-cli.md "rollout"). The adapter publishes what decide() says
// and feeds back what it did and what it heard; nothing here does I/O.
//
// Per device, against the manifest's id and version:
//   committed            update.id == id and update.state "committed", or the
//                        device already reports `version` == the manifest's
//   failed               update.id == id and "failed" or "rolled_back"; also a
//                        "failed" with an empty id heard after this device was
//                        published to (its spool refused the manifest)
//   in progress          update.id == id, any other state
//   waiting              published, nothing for this id yet
// A device is silent when it is waiting or in progress and nothing "online"
// came from it for `silent_timeout` since the later of its publish and its
// last online state (an offline Last Will does not count as being heard).
//
// decide(), in this order:
//   stop_failures  failed devices among those published to pass max_failures
//   stop_silent    silent devices pass max_silent
//   publish_wave   no wave published yet, or every device of the last one is
//                  committed, failed or silent: the next wave
//   done           the same, and no wave is left
//   wait           otherwise

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/core/update/version.hpp"
#include "tools/fleet/core/device_report.hpp"
#include "tools/fleet/core/wave_plan.hpp"

namespace witryna::fleet {

// "3": more than 3 failed devices stop the rollout; "10%": more than 10 % of
// the devices published to so far.
struct FailureLimit {
  std::int64_t value = 0;
  bool percent = false;

  [[nodiscard]] bool passed(std::size_t failures, std::size_t published) const;
  [[nodiscard]] std::string to_string() const;
};

// Errors (errc::kConfig): not a whole number >= 0, optionally followed by
// '%' (then at most 100).
[[nodiscard]] Result<FailureLimit> parse_failure_limit(std::string_view text);

struct RolloutTarget {
  std::string update_id;
  core::Version version;
};

struct RolloutPolicy {
  FailureLimit max_failures;
  std::size_t max_silent = 0;
  // Longer than the manifest's health_timeout_s: a device in trial says
  // nothing until it commits or rolls back.
  std::chrono::milliseconds silent_timeout = std::chrono::minutes(10);
};

enum class Outcome { kNotPublished, kWaiting, kInProgress, kCommitted, kFailed };
[[nodiscard]] const char* to_string(Outcome outcome);

enum class RolloutAction { kWait, kPublishWave, kStopFailures, kStopSilent, kDone };
[[nodiscard]] const char* to_string(RolloutAction action);

struct RolloutDecision {
  RolloutAction action = RolloutAction::kWait;
  std::size_t wave = 0;              // kPublishWave: which one (0 = the canary)
  std::vector<std::string> devices;  // kPublishWave: its devices; kStop*: the failed or silent ones

  friend bool operator==(const RolloutDecision&, const RolloutDecision&) = default;
};

struct RolloutProgress {
  std::size_t waves_published = 0;
  std::size_t waves_total = 0;
  std::size_t devices_total = 0;
  std::size_t published = 0;  // devices the update was published to
  std::size_t committed = 0;  // among the published
  std::size_t failed = 0;
  std::size_t in_progress = 0;
  std::size_t waiting = 0;
  std::size_t silent = 0;  // among waiting and in progress

  friend bool operator==(const RolloutProgress&, const RolloutProgress&) = default;
};

class Rollout {
 public:
  Rollout(WavePlan plan, RolloutTarget target, RolloutPolicy policy);

  // Every state message of a device in the plan (retained or live), with the
  // time it arrived; reports of other devices are ignored.
  void on_report(const DeviceReport& report, TimePoint now);
  // Wave `wave` was published (the broker acknowledged every message).
  void on_wave_published(std::size_t wave, TimePoint now);

  [[nodiscard]] RolloutDecision decide(TimePoint now) const;
  [[nodiscard]] RolloutProgress progress(TimePoint now) const;
  [[nodiscard]] Outcome outcome(std::string_view device) const;
  [[nodiscard]] bool silent(std::string_view device, TimePoint now) const;
  // The wave of a device of the plan.
  [[nodiscard]] std::optional<std::size_t> wave_of(std::string_view device) const;
  [[nodiscard]] std::size_t waves_published() const { return waves_published_; }
  [[nodiscard]] const WavePlan& plan() const { return plan_; }
  [[nodiscard]] const RolloutTarget& target() const { return target_; }
  [[nodiscard]] const RolloutPolicy& policy() const { return policy_; }

 private:
  struct Device {
    std::size_t wave = 0;
    std::optional<DeviceReport> last;
    std::optional<TimePoint> published_at;
    std::optional<TimePoint> last_online;  // arrival of the last online state
    bool refused_after_publish = false;    // a "failed" with an empty id after the publish
  };

  [[nodiscard]] Outcome outcome_of(const Device& device) const;
  [[nodiscard]] bool silent_at(const Device& device, TimePoint now) const;

  WavePlan plan_;
  RolloutTarget target_;
  RolloutPolicy policy_;
  std::map<std::string, Device, std::less<>> devices_;
  std::size_t waves_published_ = 0;
};

}  // namespace witryna::fleet
