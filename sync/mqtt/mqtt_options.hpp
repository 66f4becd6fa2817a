#pragma once
// Options of the MQTT transport: a value type with defaults, checked once by
// validate() before any connection is attempted.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::sync {

enum class MqttVersion { kV3_1_1, kV5 };

// Mutual TLS (mqtt.md): the broker's certificate is checked against `ca_file`,
// and the device proves itself with its own certificate and key.
struct MqttTls {
  std::filesystem::path ca_file;    // PEM trust anchor(s) for the broker certificate
  std::filesystem::path cert_file;  // PEM client certificate; empty: none is offered
  std::filesystem::path key_file;   // PEM private key of cert_file
  // Check the broker's chain and that its certificate names the host of the
  // URI. Turning it off is for diagnosis only, never for production.
  bool verify = true;
};

// Registered at connect; the broker publishes it when the connection dies
// without a DISCONNECT (crash, power loss, network loss).
struct MqttWill {
  std::string topic;
  std::string payload;
  int qos = 1;
  bool retained = true;
};

struct MqttOptions {
  // "ssl://host:8883" or "mqtts://host:8883" (TLS 1.2+, needs `tls`);
  // "tcp://" / "mqtt://" only to a loopback host (development and tests).
  std::string server_uri;
  std::string client_id;  // the device id (mqtt.md)
  // false: persistent session, QoS 1 messages sent while away arrive on return.
  bool clean_session = false;
  std::chrono::seconds keep_alive{30};
  std::chrono::seconds connect_timeout{10};
  // MQTT 5 only: how long the broker keeps the session after a disconnect
  // (MQTT 3.1.1 sessions last until the broker expires them).
  std::chrono::seconds session_expiry{std::chrono::hours(24 * 7)};
  std::optional<MqttTls> tls;
  std::optional<MqttWill> will;
  // QoS 1/2 publishes waiting for their acknowledgement at once.
  int max_inflight = 1024;
  // Publishes queued inside Paho before they reach the socket. Paho's default
  // of 100 fails a burst with "No more messages can be buffered" (debian12.md).
  int max_buffered_messages = 65535;
  MqttVersion version = MqttVersion::kV3_1_1;
};

// Where server_uri points, in the form Paho accepts ("tcp://" or "ssl://").
struct ServerAddress {
  std::string host;  // without brackets for IPv6
  std::uint16_t port = 0;
  bool tls = false;
  std::string paho_uri;
};

// Parses "scheme://host:port" (IPv6 as "[::1]:1883"). Errors: errc::kConfig.
[[nodiscard]] Result<ServerAddress> parse_server_uri(const std::string& uri);

// localhost, 127.0.0.0/8 and ::1.
[[nodiscard]] bool is_loopback_host(const std::string& host);

// Checks the options as a whole: URI, loopback rule for plain TCP
// (mqtt_errc::kInsecureTransport), TLS files present, QoS and limits in range
// (errc::kConfig). Returns the parsed address.
[[nodiscard]] Result<ServerAddress> validate(const MqttOptions& options);

}  // namespace witryna::sync
