#include "tools/fleet/core/rollout.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace witryna::fleet {
namespace rollout_test {
namespace {

using std::chrono::seconds;

const TimePoint kT0 = from_unix_seconds(1'795'000'000);

DeviceReport report(const std::string& device, const std::string& update_id,
                    const std::string& state, const std::string& version = "1.4.0",
                    const std::string& status = "online") {
  DeviceReport r;
  r.state.device = device;
  r.state.status = status;
  r.state.version = version;
  if (!update_id.empty() || !state.empty())
    r.state.update = sync::core::UpdateStatus{update_id, state, ""};
  return r;
}

Rollout make_rollout(const std::string& max_failures = "0", std::size_t max_silent = 0) {
  auto plan = make_wave_plan({"c1", "c2"}, {"d1", "d2", "d3", "d4", "d5"}, 2);
  EXPECT_TRUE(plan);
  RolloutPolicy policy;
  policy.max_failures = *parse_failure_limit(max_failures);
  policy.max_silent = max_silent;
  policy.silent_timeout = seconds(60);
  return Rollout(*plan, {"upd-2", *core::parse_version("1.5.0")}, policy);
}

TEST(WavePlan, CanaryFirstThenBatchesInOrder) {
  auto plan = make_wave_plan({"c1", "c2"}, {"d1", "c1", "d2", "d3", "d1", "d4", "d5"}, 2);
  ASSERT_TRUE(plan);
  const std::vector<std::vector<std::string>> expected = {
      {"c1", "c2"}, {"d1", "d2"}, {"d3", "d4"}, {"d5"}};
  EXPECT_EQ(plan->waves, expected);
  EXPECT_EQ(plan->device_count(), 7u);
}

TEST(WavePlan, RefusesNoCanaryZeroBatchAndBadNames) {
  EXPECT_FALSE(make_wave_plan({}, {"d1"}, 2));
  EXPECT_FALSE(make_wave_plan({"c1"}, {"d1"}, 0));
  EXPECT_FALSE(make_wave_plan({"c/1"}, {"d1"}, 1));
  EXPECT_FALSE(make_wave_plan({"c1"}, {"d+"}, 1));
  EXPECT_FALSE(make_wave_plan({"c1"}, {""}, 1));
}

TEST(FailureLimit, ParsesCountsAndPercentages) {
  struct Case {
    const char* text;
    bool ok;
    std::int64_t value;
    bool percent;
  };
  const Case cases[] = {
      {"0", true, 0, false},     {"3", true, 3, false},     {"10%", true, 10, true},
      {"100%", true, 100, true}, {"101%", false, 0, false}, {"-1", false, 0, false},
      {"", false, 0, false},     {"%", false, 0, false},    {"2x", false, 0, false}};
  for (const auto& c : cases) {
    const auto limit = parse_failure_limit(c.text);
    EXPECT_EQ(limit.has_value(), c.ok) << c.text;
    if (limit && c.ok) {
      EXPECT_EQ(limit->value, c.value) << c.text;
      EXPECT_EQ(limit->percent, c.percent) << c.text;
    }
  }
}

TEST(FailureLimit, PassedMeansAboveTheLimit) {
  struct Case {
    const char* limit;
    std::size_t failures;
    std::size_t published;
    bool passed;
  };
  const Case cases[] = {{"0", 0, 2, false},   {"0", 1, 2, true},     {"2", 2, 10, false},
                        {"2", 3, 10, true},   {"10%", 1, 10, false}, {"10%", 2, 10, true},
                        {"10%", 1, 2, true},  {"50%", 1, 2, false},  {"0%", 1, 100, true},
                        {"100%", 5, 5, false}};
  for (const auto& c : cases) {
    EXPECT_EQ(parse_failure_limit(c.limit)->passed(c.failures, c.published), c.passed)
        << c.limit << " " << c.failures << "/" << c.published;
  }
}

TEST(Rollout, PublishesTheCanaryFirstAndWaitsForIt) {
  Rollout r = make_rollout();
  auto d = r.decide(kT0);
  EXPECT_EQ(d.action, RolloutAction::kPublishWave);
  EXPECT_EQ(d.wave, 0u);
  EXPECT_EQ(d.devices, (std::vector<std::string>{"c1", "c2"}));
  r.on_wave_published(0, kT0);
  EXPECT_EQ(r.decide(kT0).action, RolloutAction::kWait);
  r.on_report(report("c1", "upd-2", "downloading"), kT0 + seconds(1));
  r.on_report(report("c2", "upd-2", "committed", "1.5.0"), kT0 + seconds(1));
  EXPECT_EQ(r.outcome("c1"), Outcome::kInProgress);
  EXPECT_EQ(r.outcome("c2"), Outcome::kCommitted);
  EXPECT_EQ(r.outcome("d1"), Outcome::kNotPublished);
  EXPECT_EQ(r.decide(kT0 + seconds(2)).action, RolloutAction::kWait);
  r.on_report(report("c1", "upd-2", "committed", "1.5.0"), kT0 + seconds(3));
  d = r.decide(kT0 + seconds(3));
  EXPECT_EQ(d.action, RolloutAction::kPublishWave);
  EXPECT_EQ(d.wave, 1u);
  EXPECT_EQ(d.devices, (std::vector<std::string>{"d1", "d2"}));
}

TEST(Rollout, AFailingCanaryStopsAtTheThreshold) {
  struct Case {
    const char* limit;
    std::vector<std::string> canary_states;  // c1, c2
    RolloutAction expected;
  };
  const Case cases[] = {
      {"0", {"rolled_back", "trial"}, RolloutAction::kStopFailures},
      {"0", {"failed", "committed"}, RolloutAction::kStopFailures},
      {"1", {"rolled_back", "trial"}, RolloutAction::kWait},
      {"1", {"rolled_back", "committed"}, RolloutAction::kPublishWave},
      {"1", {"rolled_back", "failed"}, RolloutAction::kStopFailures},
      {"50%", {"rolled_back", "committed"}, RolloutAction::kPublishWave},
      {"49%", {"rolled_back", "committed"}, RolloutAction::kStopFailures},
  };
  for (const auto& c : cases) {
    Rollout r = make_rollout(c.limit);
    r.on_wave_published(0, kT0);
    r.on_report(report("c1", "upd-2", c.canary_states[0]), kT0 + seconds(1));
    r.on_report(report("c2", "upd-2", c.canary_states[1]), kT0 + seconds(1));
    const auto d = r.decide(kT0 + seconds(2));
    EXPECT_EQ(d.action, c.expected) << c.limit << " " << c.canary_states[0] << "/"
                                    << c.canary_states[1] << " -> " << to_string(d.action);
    if (c.expected == RolloutAction::kStopFailures) {
      EXPECT_FALSE(d.devices.empty());
      EXPECT_EQ(d.devices.front(), "c1");
    }
  }
}

TEST(Rollout, OtherUpdatesAndRetainedStatesBeforeThePublish) {
  Rollout r = make_rollout();
  // A retained state of the previous update means nothing for this one.
  r.on_report(report("c1", "upd-1", "committed", "1.4.0"), kT0);
  // One already on the version (an earlier, stopped rollout) counts as done.
  r.on_report(report("c2", "upd-2", "committed", "1.5.0"), kT0);
  EXPECT_EQ(r.outcome("c1"), Outcome::kNotPublished);
  EXPECT_EQ(r.outcome("c2"), Outcome::kCommitted);
  r.on_wave_published(0, kT0);
  EXPECT_EQ(r.outcome("c1"), Outcome::kWaiting);
  EXPECT_EQ(r.decide(kT0).action, RolloutAction::kWait);
  // A device that runs the version reports it even under another update id.
  r.on_report(report("c1", "upd-x", "committed", "1.5.0"), kT0 + seconds(1));
  EXPECT_EQ(r.outcome("c1"), Outcome::kCommitted);
  EXPECT_EQ(r.decide(kT0 + seconds(1)).action, RolloutAction::kPublishWave);
}

TEST(Rollout, ASpoolRefusalAfterThePublishIsAFailure) {
  Rollout r = make_rollout();
  r.on_report(report("c1", "", "failed"), kT0);  // before: an old problem, not this update
  r.on_wave_published(0, kT0);
  EXPECT_EQ(r.outcome("c1"), Outcome::kWaiting);
  r.on_report(report("c1", "", "failed"), kT0 + seconds(1));
  EXPECT_EQ(r.outcome("c1"), Outcome::kFailed);
  EXPECT_EQ(r.decide(kT0 + seconds(1)).action, RolloutAction::kStopFailures);
}

TEST(Rollout, SilentDevicesStopTheRolloutAfterTheTimeout) {
  Rollout r = make_rollout("0", 0);
  r.on_wave_published(0, kT0);
  r.on_report(report("c1", "upd-2", "committed", "1.5.0"), kT0 + seconds(5));
  EXPECT_EQ(r.decide(kT0 + seconds(60)).action, RolloutAction::kWait);
  EXPECT_FALSE(r.silent("c2", kT0 + seconds(60)));
  const auto d = r.decide(kT0 + seconds(61));
  EXPECT_EQ(d.action, RolloutAction::kStopSilent);
  EXPECT_EQ(d.devices, (std::vector<std::string>{"c2"}));
  EXPECT_EQ(r.progress(kT0 + seconds(61)).silent, 1u);
}

TEST(Rollout, AnOnlineStateResetsTheSilenceClockAndTheWillDoesNot) {
  Rollout r = make_rollout("0", 0);
  r.on_wave_published(0, kT0);
  r.on_report(report("c1", "upd-2", "committed", "1.5.0"), kT0);
  r.on_report(report("c2", "upd-2", "trial", "1.5.0"), kT0 + seconds(50));
  EXPECT_EQ(r.decide(kT0 + seconds(100)).action, RolloutAction::kWait);
  r.on_report(report("c2", "", "", "", "offline"), kT0 + seconds(105));
  EXPECT_EQ(r.outcome("c2"), Outcome::kInProgress);  // the will keeps what was known
  EXPECT_EQ(r.decide(kT0 + seconds(111)).action, RolloutAction::kStopSilent);
}

TEST(Rollout, SilentDevicesWithinTheAllowanceDoNotHoldTheWave) {
  Rollout r = make_rollout("0", 1);
  r.on_wave_published(0, kT0);
  r.on_report(report("c1", "upd-2", "committed", "1.5.0"), kT0 + seconds(1));
  EXPECT_EQ(r.decide(kT0 + seconds(30)).action, RolloutAction::kWait);
  const auto d = r.decide(kT0 + seconds(61));
  EXPECT_EQ(d.action, RolloutAction::kPublishWave);
  EXPECT_EQ(d.wave, 1u);
}

TEST(Rollout, AllWavesCommittedIsDoneAndFailuresCountAcrossWaves) {
  Rollout r = make_rollout("1");
  const std::vector<std::vector<std::string>> waves = {
      {"c1", "c2"}, {"d1", "d2"}, {"d3", "d4"}, {"d5"}};
  TimePoint t = kT0;
  for (std::size_t w = 0; w < waves.size(); ++w) {
    const auto d = r.decide(t);
    ASSERT_EQ(d.action, RolloutAction::kPublishWave) << w;
    ASSERT_EQ(d.wave, w);
    ASSERT_EQ(d.devices, waves[w]);
    r.on_wave_published(w, t);
    for (const auto& device : waves[w]) {
      const bool bad = device == "d2";
      r.on_report(
          report(device, "upd-2", bad ? "rolled_back" : "committed", bad ? "1.4.0" : "1.5.0"), t);
    }
    t += seconds(1);
  }
  EXPECT_EQ(r.decide(t).action, RolloutAction::kDone);
  const auto p = r.progress(t);
  EXPECT_EQ(p.committed, 6u);
  EXPECT_EQ(p.failed, 1u);
  EXPECT_EQ(p.published, 7u);
  EXPECT_EQ(p.waves_published, 4u);
}

TEST(Rollout, ReportsOfOtherDevicesAreIgnored) {
  Rollout r = make_rollout();
  r.on_wave_published(0, kT0);
  r.on_report(report("zz", "upd-2", "failed"), kT0);
  EXPECT_EQ(r.decide(kT0).action, RolloutAction::kWait);
  EXPECT_EQ(r.progress(kT0).published, 2u);
}

}  // namespace
}  // namespace rollout_test
}  // namespace witryna::fleet
