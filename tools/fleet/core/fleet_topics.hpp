#pragma once
// The fleet's side of mqtt.md's topic table: what a fleet operator publishes
// to ({root}/device/{device}/desired|update|cmd, {root}/group/{group}/…) and
// reads ({root}/device/{device}/state|cmd/result), for any device of a brand.
// sync/core/topics.hpp is the device's view (one device, its own store).

#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::fleet {

// A device, group or brand name usable as one topic level: non-empty, no
// '/', '+', '#' or NUL. Errors: errc::kConfig, context names `what`.
[[nodiscard]] Result<void> check_topic_name(std::string_view name, std::string_view what);

class FleetTopics {
 public:
  // root = witryna/v1/{brand}.
  [[nodiscard]] static Result<FleetTopics> make(std::string_view brand);

  [[nodiscard]] const std::string& root() const { return root_; }

  [[nodiscard]] std::string state(std::string_view device) const;
  [[nodiscard]] std::string desired(std::string_view device) const;
  [[nodiscard]] std::string update(std::string_view device) const;
  [[nodiscard]] std::string cmd(std::string_view device) const;
  [[nodiscard]] std::string cmd_result(std::string_view device) const;
  [[nodiscard]] std::string group_desired(std::string_view group) const;
  [[nodiscard]] std::string group_update(std::string_view group) const;

  // {root}/device/+/state: every device's retained state.
  [[nodiscard]] std::string all_states() const;
  // The device of a {root}/device/{device}/state topic; nullopt otherwise.
  [[nodiscard]] std::optional<std::string> device_of_state(std::string_view topic) const;

 private:
  explicit FleetTopics(std::string root) : root_(std::move(root)) {}
  std::string root_;
};

}  // namespace witryna::fleet
