#pragma once
// Error codes of the MQTT transport (Error::code). The contract names none of
// these: they are transport states the sync service reacts to.

#include <string_view>

namespace witryna::sync::mqtt_errc {

// tcp:// (no TLS) to a host that is not loopback: refused before connecting.
inline constexpr std::string_view kInsecureTransport = "mqtt_insecure_transport";
// The operation needs a connection and there is none.
inline constexpr std::string_view kNotConnected = "mqtt_not_connected";
// connect()/disconnect() while another connect or disconnect is under way.
inline constexpr std::string_view kBusy = "mqtt_busy";
// A connect attempt failed (refused, TLS handshake failed, unreachable, timed out).
inline constexpr std::string_view kConnectFailed = "mqtt_connect_failed";
// An established connection went down without being asked to.
inline constexpr std::string_view kConnectionLost = "mqtt_connection_lost";
inline constexpr std::string_view kPublishFailed = "mqtt_publish_failed";
inline constexpr std::string_view kSubscribeFailed = "mqtt_subscribe_failed";
inline constexpr std::string_view kDisconnectFailed = "mqtt_disconnect_failed";

}  // namespace witryna::sync::mqtt_errc
