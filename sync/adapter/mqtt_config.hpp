#pragma once
// The service Config (config.mqtt, config.device) as MqttOptions (mqtt.md:
// client id = device, clean session false, mutual TLS, Last Will = the
// retained offline state).

#include "edge/core/result.hpp"
#include "edge/service/config.hpp"
#include "sync/core/topics.hpp"
#include "sync/mqtt/mqtt_options.hpp"

namespace witryna::sync {

// The device's identity for topic names (brand, store, device, group).
[[nodiscard]] core::Identity identity_of(const service::Config& config);

// Errors: errc::kConfig for a plain broker URI without
// mqtt.allow_plain_loopback, then whatever validate() refuses.
[[nodiscard]] Result<MqttOptions> mqtt_options_from(const service::Config& config,
                                                    const core::Topics& topics);

}  // namespace witryna::sync
