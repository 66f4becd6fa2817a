#pragma once

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "edge/core/result.hpp"
#include "sync/mqtt/mqtt_client.hpp"

namespace witryna::bench {

// The other end of the device's MQTT link, for a benchmark: one
// sync::MqttClient (the product's transport) on its own io_context thread.
// on_message and everything given to post() run on that thread; client() may
// only be used there.
class MqttPeer {
 public:
  // Connects (clean session) and subscribes to `filters` (QoS 1), waiting up
  // to 10 s for both.
  [[nodiscard]] static Result<std::unique_ptr<MqttPeer>> start(
      const std::string& uri, const std::string& client_id, std::vector<std::string> filters,
      std::function<void(const sync::MqttMessage&)> on_message);
  MqttPeer(const MqttPeer&) = delete;
  MqttPeer& operator=(const MqttPeer&) = delete;
  // Disconnects and joins the thread.
  ~MqttPeer();

  void post(std::function<void()> work);
  [[nodiscard]] sync::MqttClient& client() { return *client_; }

 private:
  MqttPeer() = default;

  boost::asio::io_context io_;
  std::optional<sync::MqttClient> client_;
  std::thread thread_;
};

}  // namespace witryna::bench
