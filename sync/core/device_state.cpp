#include "sync/core/device_state.hpp"

namespace witryna::sync::core {

nlohmann::json to_json(const DeviceState& s) {
  nlohmann::json streams = nlohmann::json::object();
  for (const auto& [stream, seq] : s.streams)
    streams[::witryna::core::to_string(stream)] = seq;
  nlohmann::json j = {
      {"device", s.device},
      {"store", s.store},
      {"status", s.status},
      {"version", s.version},
      {"config_ver", s.config_ver},
      {"since", format_rfc3339(s.since)},
      {"outbox", s.outbox},
      {"streams", std::move(streams)},
      {"rejected_messages", s.rejected_messages},
      {"dropped_events", s.dropped_events},
      {"redemptions_paused", s.redemptions_paused},
  };
  if (s.update) {
    j["update"] = {{"id", s.update->id}, {"state", s.update->state}, {"detail", s.update->detail}};
  }
  if (s.config_error) {
    j["config_error"] = {{"config_ver", s.config_error->config_ver},
                         {"error", s.config_error->error}};
  }
  return j;
}

std::string state_payload(const DeviceState& state) {
  // nlohmann::json objects are ordered maps: dump() is deterministic.
  return to_json(state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string offline_payload(std::string_view device, std::string_view store) {
  const nlohmann::json j = {
      {"device", std::string(device)}, {"store", std::string(store)}, {"status", "offline"}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace witryna::sync::core
