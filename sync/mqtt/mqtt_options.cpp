#include "sync/mqtt/mqtt_options.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

#include "sync/mqtt/mqtt_errors.hpp"

namespace witryna::sync {

namespace {

constexpr std::uint16_t kDefaultPlainPort = 1883;
constexpr std::uint16_t kDefaultTlsPort = 8883;

Unexpected config_error(std::string context) {
  return fail(std::string(errc::kConfig), std::move(context));
}

// "a.b.c.d" with every part 0..255; returns the first octet.
std::optional<int> ipv4_first_octet(std::string_view host) {
  int first = -1;
  int parts = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    const std::size_t dot = std::min(host.find('.', start), host.size());
    const std::string_view part = host.substr(start, dot - start);
    int value = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || part.size() > 3 || ec != std::errc() || end != part.data() + part.size() ||
        value > 255) {
      return std::nullopt;
    }
    if (parts == 0) first = value;
    ++parts;
    start = dot + 1;
  }
  if (parts != 4) return std::nullopt;
  return first;
}

bool readable_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  const auto first = ipv4_first_octet(host);
  return first.has_value() && *first == 127;
}

Result<ServerAddress> parse_server_uri(const std::string& uri) {
  const auto sep = uri.find("://");
  if (sep == std::string::npos) {
    return config_error("server uri '" + uri + "' has no scheme (use ssl://host:8883)");
  }
  const std::string scheme = uri.substr(0, sep);
  ServerAddress address;
  if (scheme == "ssl" || scheme == "mqtts") {
    address.tls = true;
  } else if (scheme != "tcp" && scheme != "mqtt") {
    return config_error("server uri '" + uri + "': scheme '" + scheme +
                        "' is not supported (use ssl:// or, on loopback, tcp://)");
  }

  std::string_view rest = std::string_view(uri).substr(sep + 3);
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    if (slash + 1 != rest.size()) {
      return config_error("server uri '" + uri + "' must not have a path");
    }
    rest = rest.substr(0, slash);
  }
  std::string_view port_text;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return config_error("server uri '" + uri + "': unterminated IPv6 address");
    }
    address.host = std::string(rest.substr(1, close - 1));
    const std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return config_error("server uri '" + uri + "': bad port");
      port_text = after.substr(1);
    }
  } else {
    const auto colon = rest.rfind(':');
    if (colon != std::string_view::npos) {
      address.host = std::string(rest.substr(0, colon));
      port_text = rest.substr(colon + 1);
      if (address.host.find(':') != std::string::npos) {
        return config_error("server uri '" + uri + "': write an IPv6 host in brackets ([::1])");
      }
    } else {
      address.host = std::string(rest);
    }
  }
  if (address.host.empty()) return config_error("server uri '" + uri + "' has no host");

  address.port = address.tls ? kDefaultTlsPort : kDefaultPlainPort;
  if (!port_text.empty() || (rest.size() > 0 && rest.back() == ':')) {
    unsigned value = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
    if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
        value == 0 || value > 65535) {
      return config_error("server uri '" + uri + "': port must be 1..65535");
    }
    address.port = static_cast<std::uint16_t>(value);
  }

  const bool ipv6 = address.host.find(':') != std::string::npos;
  address.paho_uri = std::string(address.tls ? "ssl://" : "tcp://") +
                     (ipv6 ? "[" + address.host + "]" : address.host) + ":" +
                     std::to_string(address.port);
  return address;
}

Result<ServerAddress> validate(const MqttOptions& options) {
  auto address = parse_server_uri(options.server_uri);
  if (!address) return address;

  if (!address->tls && !is_loopback_host(address->host)) {
    return fail(std::string(mqtt_errc::kInsecureTransport),
                "plain " + options.server_uri +
                    " is allowed only to a loopback host; use ssl:// with the device "
                    "certificate");
  }
  if (address->tls && !options.tls) {
    return config_error("server uri '" + options.server_uri + "' needs TLS options (ca file)");
  }
  if (!address->tls && options.tls) {
    return config_error("TLS options given but server uri '" + options.server_uri +
                        "' is plain tcp://");
  }
  if (options.tls) {
    const MqttTls& tls = *options.tls;
    if (tls.ca_file.empty() || !readable_file(tls.ca_file)) {
      return config_error("TLS ca file '" + tls.ca_file.string() + "' does not exist");
    }
    if (tls.cert_file.empty() != tls.key_file.empty()) {
      return config_error("TLS client certificate and key must be given together");
    }
    if (!tls.cert_file.empty() && !readable_file(tls.cert_file)) {
      return config_error("TLS certificate file '" + tls.cert_file.string() + "' does not exist");
    }
    if (!tls.key_file.empty() && !readable_file(tls.key_file)) {
      return config_error("TLS key file '" + tls.key_file.string() + "' does not exist");
    }
  }
  if (options.client_id.empty()) return config_error("client id (device) is empty");
  if (options.will) {
    if (options.will->topic.empty()) return config_error("last will topic is empty");
    if (options.will->qos < 0 || options.will->qos > 2) {
      return config_error("last will qos must be 0, 1 or 2");
    }
  }
  if (options.keep_alive.count() < 0 || options.keep_alive.count() > 65535) {
    return config_error("keep alive must be 0..65535 s");
  }
  if (options.connect_timeout.count() <= 0) return config_error("connect timeout must be > 0");
  if (options.session_expiry.count() < 0 || options.session_expiry.count() > 0xFFFFFFFFLL) {
    return config_error("session expiry must be 0..4294967295 s");
  }
  if (options.max_inflight < 1 || options.max_inflight > 65535) {
    return config_error("max in-flight must be 1..65535");
  }
  if (options.max_buffered_messages < 1) return config_error("max buffered messages must be > 0");
  return address;
}

}  // namespace witryna::sync
