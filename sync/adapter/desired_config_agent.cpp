#include "sync/adapter/desired_config_agent.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "edge/service/desired_config.hpp"
#include "edge/service/log.hpp"

namespace witryna::sync {
namespace log = ::witryna::service::log;

DesiredConfigAgent::DesiredConfigAgent(Hooks hooks) : hooks_(std::move(hooks)) {
  const auto& loaded = hooks_.loaded();
  if (loaded.desired) applied_ver_ = loaded.desired->config_ver;
  if (hooks_.report) hooks_.report(applied_ver_, std::nullopt);
}

void DesiredConfigAgent::on_message(std::string_view payload, std::string_view group) {
  const bool from_group = !group.empty();
  if (from_group && device_level_seen_) return;
  auto doc = nlohmann::json::parse(payload, nullptr, false);
  if (doc.is_discarded()) {
    refuse(0, "desired configuration is not JSON");
    return;
  }
  auto desired = service::parse_desired(doc);
  if (!desired) {
    const auto ver =
        doc.is_object() && doc.contains("config_ver") && doc["config_ver"].is_number_integer()
            ? doc["config_ver"].get<std::int64_t>()
            : 0;
    refuse(ver, desired.error().context);
    return;
  }
  if (!from_group) device_level_seen_ = true;
  const bool overrides_group = !from_group && applied_from_group_;
  if (desired->config_ver <= applied_ver_ && !overrides_group) return;  // stale or already applied

  const auto& loaded = hooks_.loaded();
  auto merged = service::merge_desired(loaded.local, desired->config);
  if (!merged) {
    refuse(desired->config_ver, merged.error().context);
    return;
  }
  auto next = service::config_from_json(*merged, loaded.base_dir);
  if (!next) {
    refuse(desired->config_ver, next.error().context);
    return;
  }
  if (auto written = service::write_desired_config(service::desired_config_path(*next), *desired);
      !written) {
    refuse(desired->config_ver, "cannot persist it: " + written.error().context);
    return;
  }
  auto change = hooks_.apply(*next);
  if (!change) {
    refuse(desired->config_ver, change.error().context);
    return;
  }
  applied_ver_ = desired->config_ver;
  applied_from_group_ = from_group;
  log::info("sync: desired config_ver ", applied_ver_, " applied", from_group ? " (group)" : "");
  if (hooks_.report) hooks_.report(applied_ver_, std::nullopt);
  if (!change->restart.empty() && hooks_.request_restart) {
    hooks_.request_restart("desired config_ver " + std::to_string(applied_ver_) +
                           " changes restart-only keys");
  }
}

void DesiredConfigAgent::refuse(std::int64_t config_ver, std::string error) {
  log::warn("sync: desired config_ver ", config_ver, " refused: ", error);
  if (hooks_.report) hooks_.report(applied_ver_, core::ConfigError{config_ver, std::move(error)});
}

}  // namespace witryna::sync
