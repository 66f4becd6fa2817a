#include "tools/fleet/core/wave_plan.hpp"

#include <set>

#include "tools/fleet/core/fleet_topics.hpp"

namespace witryna::fleet {

std::size_t WavePlan::device_count() const {
  std::size_t n = 0;
  for (const auto& wave : waves)
    n += wave.size();
  return n;
}

Result<WavePlan> make_wave_plan(const std::vector<std::string>& canary,
                                const std::vector<std::string>& devices, std::size_t batch) {
  if (canary.empty())
    return fail(std::string(errc::kConfig), "the canary is empty: name at least one device");
  if (batch == 0) return fail(std::string(errc::kConfig), "batch must be at least 1");
  std::set<std::string> seen;
  WavePlan plan;
  plan.waves.emplace_back();
  for (const auto& device : canary) {
    if (auto ok = check_topic_name(device, "device"); !ok) return tl::unexpected(ok.error());
    if (seen.insert(device).second) plan.waves.front().push_back(device);
  }
  for (const auto& device : devices) {
    if (auto ok = check_topic_name(device, "device"); !ok) return tl::unexpected(ok.error());
    if (!seen.insert(device).second) continue;
    if (plan.waves.size() == 1 || plan.waves.back().size() == batch) plan.waves.emplace_back();
    plan.waves.back().push_back(device);
  }
  return plan;
}

}  // namespace witryna::fleet
