#pragma once
// Many simulated devices behind ONE MQTT connection (one in-process Paho
// client: a second one in the same process connects slowly), for the fleet
// CLI's tests. Each device speaks the device side of the contract: a
// retained state on …/device/{d}/state (built with sync/core's
// state_payload), and on a manifest on …/device/{d}/update it walks
// downloading (50%) → verifying → installing → trial → committed, or
// rolled_back when the manifest's version is marked bad. It answers
// commands on …/cmd (a screenshot with a small PNG) and desired
// configuration on …/desired (config_ver, or config_error when
// offers.max_on_screen is above 12).
//
// Runs on the test thread's TestEventLoop: run the loop (e.g. while waiting
// for the CLI child to exit) for it to answer.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sync/core/device_state.hpp"
#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"
#include "sync/mqtt/mqtt_client.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"
#include "tools/fleet/core/manifest_token.hpp"

namespace witryna::fleet::test {

// 1×1 RGBA PNG.
inline constexpr const char* kTinyPngBase64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
    "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

class SimulatedFleet {
 public:
  struct Event {
    std::string device;
    std::string
        what;  // "update" (a manifest arrived), "committed", "rolled_back", "cmd", "desired"
  };

  SimulatedFleet(witryna::test::TestEventLoop& loop, std::vector<std::string> devices,
                 std::string brand = "acme")
      : loop_(loop), brand_(std::move(brand)), root_("witryna/v1/" + brand_) {
    for (auto& d : devices) {
      sync::core::DeviceState s;
      s.device = d;
      s.store = "S-" + d;
      s.version = "1.4.0";
      s.config_ver = 1;
      states_[d] = s;
    }
  }

  std::set<std::string> bad_versions;  // a manifest of this version rolls back
  std::set<std::string> mute;          // these devices receive but never answer (a dead link)
  std::vector<Event> events;

  // Connects, subscribes and publishes every device's birth state. False on failure.
  [[nodiscard]] bool start(const witryna::test::Mosquitto& broker) {
    sync::MqttOptions options;
    options.server_uri = broker.plain_uri();
    options.client_id = "simulated-fleet";
    options.clean_session = true;
    sync::MqttEvents ev;
    ev.on_connected = [this](bool) { connected_ = true; };
    ev.on_disconnected = [this](const Error&) { failed_ = true; };
    ev.on_message = [this](const sync::MqttMessage& m) { on_message(m); };
    auto client = sync::MqttClient::create(loop_.io(), options, std::move(ev));
    if (!client) return false;
    client_.emplace(std::move(*client));
    if (!client_->connect()) return false;
    if (!loop_.run_until([&] { return connected_ || failed_; }) || !connected_) return false;
    bool granted = false;
    client_->subscribe({{root_ + "/device/+/update", 1},
                        {root_ + "/device/+/cmd", 1},
                        {root_ + "/device/+/desired", 1}},
                       [&](Result<void> r) { granted = r.has_value(); });
    if (!loop_.run_until([&] { return granted; })) return false;
    for (const auto& [d, s] : states_)
      publish_state(d);
    return loop_.run_until([&] { return pending_ == 0; });
  }

  [[nodiscard]] std::size_t count(const std::string& device, const std::string& what) const {
    std::size_t n = 0;
    for (const auto& e : events)
      n += e.device == device && e.what == what ? 1 : 0;
    return n;
  }
  [[nodiscard]] const sync::core::DeviceState& state(const std::string& device) const {
    return states_.at(device);
  }
  [[nodiscard]] std::size_t unacknowledged() const { return pending_; }

 private:
  // "…/device/{d}/{leaf}" → d, when leaf matches.
  std::optional<std::string> device_of(const std::string& topic, const std::string& leaf) const {
    const std::string prefix = root_ + "/device/";
    const std::string suffix = "/" + leaf;
    if (!topic.starts_with(prefix) || !topic.ends_with(suffix)) return std::nullopt;
    auto d = topic.substr(prefix.size(), topic.size() - prefix.size() - suffix.size());
    if (!states_.contains(d)) return std::nullopt;
    return d;
  }

  void publish_state(const std::string& device) {
    ++pending_;
    client_->publish(root_ + "/device/" + device + "/state",
                     sync::core::state_payload(states_.at(device)), 1, true,
                     [this](Result<void>) { --pending_; });
  }

  void set_update(const std::string& device, const std::string& id, const std::string& state,
                  const std::string& detail = "") {
    states_[device].update = sync::core::UpdateStatus{id, state, detail};
    publish_state(device);
  }

  void on_message(const sync::MqttMessage& m) {
    if (auto d = device_of(m.topic, "update")) return on_update(*d, m.payload);
    if (auto d = device_of(m.topic, "cmd")) return on_cmd(*d, m.payload);
    if (auto d = device_of(m.topic, "desired")) return on_desired(*d, m.payload);
  }

  void on_update(const std::string& d, const std::string& payload) {
    if (payload.empty()) return;  // withdrawn
    auto manifest = read_manifest_token(payload);
    ASSERT_TRUE(manifest) << "the fleet published a manifest the device cannot read";
    auto& s = states_[d];
    if (s.update && s.update->id == manifest->id) return;  // the retained copy again
    events.push_back({d, "update"});
    if (mute.contains(d)) return;
    const std::string version = manifest->version.to_string();
    set_update(d, manifest->id, "downloading", "50%");
    set_update(d, manifest->id, "verifying");
    set_update(d, manifest->id, "installing");
    s.version = version;
    set_update(d, manifest->id, "trial");
    if (bad_versions.contains(version)) {
      s.version = "1.4.0";
      set_update(d, manifest->id, "rolled_back", "unhealthy");
      events.push_back({d, "rolled_back"});
    } else {
      set_update(d, manifest->id, "committed");
      events.push_back({d, "committed"});
    }
  }

  void on_cmd(const std::string& d, const std::string& payload) {
    auto cmd = sync::core::parse_command(payload);
    if (!cmd) return;
    events.push_back({d, "cmd"});
    sync::core::CommandResult result{cmd->id, true, "", std::nullopt};
    if (cmd->kind == sync::core::Command::Kind::kScreenshot) {
      if (cmd->screen == "kiosk-1") {
        result.png_base64 = kTinyPngBase64;
      } else {
        result.ok = false;
        result.detail = "no screen " + cmd->screen;
      }
    }
    ++pending_;
    client_->publish(root_ + "/device/" + d + "/cmd/result",
                     sync::core::command_result_payload(result), 1, false,
                     [this](Result<void>) { --pending_; });
  }

  void on_desired(const std::string& d, const std::string& payload) {
    const auto j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded() || !j.contains("config_ver")) return;
    events.push_back({d, "desired"});
    auto& s = states_[d];
    const auto ver = j["config_ver"].get<std::int64_t>();
    if (ver <= s.config_ver) return;
    const auto max = j["config"].value(nlohmann::json::json_pointer("/offers/max_on_screen"), 4);
    if (max > 12) {
      s.config_error = sync::core::ConfigError{ver, "offers.max_on_screen: at most 12"};
    } else {
      s.config_ver = ver;
      s.config_error.reset();
    }
    publish_state(d);
  }

  witryna::test::TestEventLoop& loop_;
  std::string brand_;
  std::string root_;
  std::map<std::string, sync::core::DeviceState> states_;
  std::optional<sync::MqttClient> client_;
  bool connected_ = false;
  bool failed_ = false;
  std::size_t pending_ = 0;
};

}  // namespace witryna::fleet::test
