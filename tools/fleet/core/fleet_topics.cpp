#include "tools/fleet/core/fleet_topics.hpp"

namespace witryna::fleet {

Result<void> check_topic_name(std::string_view name, std::string_view what) {
  if (name.empty()) return fail(std::string(errc::kConfig), std::string(what) + " is empty");
  if (name.find_first_of(std::string_view("/+#\0", 4)) != std::string_view::npos) {
    return fail(std::string(errc::kConfig),
                std::string(what) + " '" + std::string(name) + "' may not hold '/', '+', '#'");
  }
  return {};
}

Result<FleetTopics> FleetTopics::make(std::string_view brand) {
  if (auto ok = check_topic_name(brand, "brand"); !ok) return tl::unexpected(ok.error());
  return FleetTopics("witryna/v1/" + std::string(brand));
}

std::string FleetTopics::state(std::string_view device) const {
  return root_ + "/device/" + std::string(device) + "/state";
}
std::string FleetTopics::desired(std::string_view device) const {
  return root_ + "/device/" + std::string(device) + "/desired";
}
std::string FleetTopics::update(std::string_view device) const {
  return root_ + "/device/" + std::string(device) + "/update";
}
std::string FleetTopics::cmd(std::string_view device) const {
  return root_ + "/device/" + std::string(device) + "/cmd";
}
std::string FleetTopics::cmd_result(std::string_view device) const {
  return root_ + "/device/" + std::string(device) + "/cmd/result";
}
std::string FleetTopics::group_desired(std::string_view group) const {
  return root_ + "/group/" + std::string(group) + "/desired";
}
std::string FleetTopics::group_update(std::string_view group) const {
  return root_ + "/group/" + std::string(group) + "/update";
}
std::string FleetTopics::all_states() const {
  return root_ + "/device/+/state";
}

std::optional<std::string> FleetTopics::device_of_state(std::string_view topic) const {
  const std::string prefix = root_ + "/device/";
  constexpr std::string_view kSuffix = "/state";
  if (topic.size() <= prefix.size() + kSuffix.size()) return std::nullopt;
  if (topic.substr(0, prefix.size()) != prefix) return std::nullopt;
  if (topic.substr(topic.size() - kSuffix.size()) != kSuffix) return std::nullopt;
  const auto device = topic.substr(prefix.size(), topic.size() - prefix.size() - kSuffix.size());
  if (!check_topic_name(device, "device")) return std::nullopt;
  return std::string(device);
}

}  // namespace witryna::fleet
