#include "sync/adapter/mqtt_config.hpp"

#include "sync/core/device_state.hpp"

namespace witryna::sync {

core::Identity identity_of(const service::Config& config) {
  core::Identity id;
  id.brand = config.device.brand;
  id.store = config.device.store;
  id.device = config.device.id;
  if (!config.device.group.empty()) id.groups.push_back(config.device.group);
  return id;
}

Result<MqttOptions> mqtt_options_from(const service::Config& config, const core::Topics& topics) {
  const auto& mqtt = config.mqtt;
  MqttOptions options;
  options.server_uri = mqtt.broker;
  options.client_id = config.device.id;
  options.clean_session = false;
  options.keep_alive = std::chrono::seconds(mqtt.keepalive_s);
  if (mqtt.plain()) {
    if (!mqtt.allow_plain_loopback) {
      return fail(std::string(errc::kConfig),
                  "mqtt.broker is plain TCP but mqtt.allow_plain_loopback is false");
    }
  } else {
    options.tls = MqttTls{mqtt.tls.ca, mqtt.tls.cert, mqtt.tls.key, true};
  }
  options.will = MqttWill{topics.state(),
                          core::offline_payload(config.device.id, config.device.store), 1, true};
  if (auto checked = validate(options); !checked) return Unexpected(checked.error());
  return options;
}

}  // namespace witryna::sync
