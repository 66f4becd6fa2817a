#pragma once
// How the adapter parts publish: QoS 1 through the service's MqttClient.
// `done` runs exactly once on the io_context thread, never inline; a publish
// while offline completes with mqtt_errc::kNotConnected.

#include <functional>
#include <string>

#include "sync/mqtt/mqtt_client.hpp"

namespace witryna::sync {

using PublishFn =
    std::function<void(std::string topic, std::string payload, bool retained, MqttCompletion done)>;

}  // namespace witryna::sync
