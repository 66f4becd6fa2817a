#include "tools/fleet/core/rollout.hpp"

#include <charconv>

namespace witryna::fleet {

bool FailureLimit::passed(std::size_t failures, std::size_t published) const {
  if (!percent) return static_cast<std::int64_t>(failures) > value;
  // failures / published > value / 100, in integers.
  return static_cast<std::int64_t>(failures) * 100 > value * static_cast<std::int64_t>(published);
}

std::string FailureLimit::to_string() const {
  return std::to_string(value) + (percent ? "%" : "");
}

Result<FailureLimit> parse_failure_limit(std::string_view text) {
  FailureLimit limit;
  std::string_view digits = text;
  if (!digits.empty() && digits.back() == '%') {
    limit.percent = true;
    digits.remove_suffix(1);
  }
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), limit.value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() ||
      limit.value < 0 || (limit.percent && limit.value > 100)) {
    return fail(std::string(errc::kConfig),
                "max failures '" + std::string(text) + "': a count (3) or a percentage (10%)");
  }
  return limit;
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kNotPublished:
      return "not_published";
    case Outcome::kWaiting:
      return "waiting";
    case Outcome::kInProgress:
      return "in_progress";
    case Outcome::kCommitted:
      return "committed";
    case Outcome::kFailed:
      return "failed";
  }
  return "?";
}

const char* to_string(RolloutAction action) {
  switch (action) {
    case RolloutAction::kWait:
      return "wait";
    case RolloutAction::kPublishWave:
      return "publish_wave";
    case RolloutAction::kStopFailures:
      return "stop_failures";
    case RolloutAction::kStopSilent:
      return "stop_silent";
    case RolloutAction::kDone:
      return "done";
  }
  return "?";
}

Rollout::Rollout(WavePlan plan, RolloutTarget target, RolloutPolicy policy)
    : plan_(std::move(plan)), target_(std::move(target)), policy_(policy) {
  for (std::size_t w = 0; w < plan_.waves.size(); ++w) {
    for (const auto& name : plan_.waves[w])
      devices_[name].wave = w;
  }
}

void Rollout::on_report(const DeviceReport& report, TimePoint now) {
  const auto it = devices_.find(report.state.device);
  if (it == devices_.end()) return;
  Device& device = it->second;
  if (report.online()) device.last_online = now;
  const auto& update = report.state.update;
  if (device.published_at && update && update->id.empty() && update->state == "failed")
    device.refused_after_publish = true;
  // The Last Will carries no update: keep what the device said before.
  if (!report.online() && device.last) {
    device.last->state.status = report.state.status;
    return;
  }
  device.last = report;
}

void Rollout::on_wave_published(std::size_t wave, TimePoint now) {
  if (wave >= plan_.waves.size()) return;
  for (const auto& name : plan_.waves[wave]) {
    auto& device = devices_[name];
    if (!device.published_at) device.published_at = now;
  }
  if (wave + 1 > waves_published_) waves_published_ = wave + 1;
}

Outcome Rollout::outcome_of(const Device& device) const {
  if (device.last) {
    const auto& state = device.last->state;
    if (state.update && state.update->id == target_.update_id) {
      const auto& s = state.update->state;
      if (s == "committed") return Outcome::kCommitted;
      if (s == "failed" || s == "rolled_back") return Outcome::kFailed;
      if (device.published_at) return Outcome::kInProgress;
    }
    if (auto running = core::parse_version(state.version); running && *running == target_.version)
      return Outcome::kCommitted;
  }
  if (!device.published_at) return Outcome::kNotPublished;
  if (device.refused_after_publish) return Outcome::kFailed;
  return Outcome::kWaiting;
}

bool Rollout::silent_at(const Device& device, TimePoint now) const {
  if (!device.published_at) return false;
  const auto o = outcome_of(device);
  if (o != Outcome::kWaiting && o != Outcome::kInProgress) return false;
  TimePoint heard = *device.published_at;
  if (device.last_online && *device.last_online > heard) heard = *device.last_online;
  return now - heard > policy_.silent_timeout;
}

Outcome Rollout::outcome(std::string_view name) const {
  const auto it = devices_.find(name);
  return it == devices_.end() ? Outcome::kNotPublished : outcome_of(it->second);
}

bool Rollout::silent(std::string_view name, TimePoint now) const {
  const auto it = devices_.find(name);
  return it != devices_.end() && silent_at(it->second, now);
}

std::optional<std::size_t> Rollout::wave_of(std::string_view name) const {
  const auto it = devices_.find(name);
  if (it == devices_.end()) return std::nullopt;
  return it->second.wave;
}

RolloutProgress Rollout::progress(TimePoint now) const {
  RolloutProgress p;
  p.waves_published = waves_published_;
  p.waves_total = plan_.waves.size();
  p.devices_total = devices_.size();
  for (const auto& [name, device] : devices_) {
    if (!device.published_at) continue;
    ++p.published;
    switch (outcome_of(device)) {
      case Outcome::kCommitted:
        ++p.committed;
        break;
      case Outcome::kFailed:
        ++p.failed;
        break;
      case Outcome::kInProgress:
        ++p.in_progress;
        break;
      case Outcome::kWaiting:
        ++p.waiting;
        break;
      case Outcome::kNotPublished:
        break;
    }
    if (silent_at(device, now)) ++p.silent;
  }
  return p;
}

RolloutDecision Rollout::decide(TimePoint now) const {
  std::vector<std::string> failed;
  std::vector<std::string> silent;
  std::size_t published = 0;
  for (const auto& [name, device] : devices_) {
    if (!device.published_at) continue;
    ++published;
    if (outcome_of(device) == Outcome::kFailed) failed.push_back(name);
    if (silent_at(device, now)) silent.push_back(name);
  }
  if (policy_.max_failures.passed(failed.size(), published))
    return {RolloutAction::kStopFailures, 0, std::move(failed)};
  if (silent.size() > policy_.max_silent) return {RolloutAction::kStopSilent, 0, std::move(silent)};

  if (waves_published_ > 0) {
    for (const auto& name : plan_.waves[waves_published_ - 1]) {
      const auto& device = devices_.at(name);
      const auto o = outcome_of(device);
      if (o != Outcome::kCommitted && o != Outcome::kFailed && !silent_at(device, now))
        return {RolloutAction::kWait, 0, {}};
    }
  }
  if (waves_published_ >= plan_.waves.size()) return {RolloutAction::kDone, 0, {}};
  return {RolloutAction::kPublishWave, waves_published_, plan_.waves[waves_published_]};
}

}  // namespace witryna::fleet
