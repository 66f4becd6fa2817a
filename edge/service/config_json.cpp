// config_to_json: the full document of a Config, the inverse of config_from_json.
#include "edge/service/config.hpp"

namespace witryna::service {

namespace {

using nlohmann::json;

json key_ring(const std::map<std::string, PublicKeySource>& ring) {
  json out = json::object();
  for (const auto& [kid, source] : ring) {
    out[kid] = source.raw_hex.empty() ? source.pem_file.string() : source.raw_hex;
  }
  return out;
}

}  // namespace

nlohmann::json config_to_json(const Config& c) {
  json doc = json::object();
  doc["device"] = {{"id", c.device.id},
                   {"brand", c.device.brand},
                   {"store", c.device.store},
                   {"group", c.device.group},
                   {"timezone", c.device.timezone}};
  doc["storage"] = {{"state_dir", c.storage.state_dir.string()},
                    {"db_path", c.storage.db_path.string()}};
  const ScreenApiTlsConfig tls = c.screen_api.tls.value_or(ScreenApiTlsConfig{});
  doc["screen_api"] = {{"socket", c.screen_api.socket.string()},
                       {"socket_group", c.screen_api.socket_group},
                       {"tls",
                        {{"enabled", c.screen_api.tls.has_value()},
                         {"address", tls.address},
                         {"port", tls.port},
                         {"cert", tls.cert.string()},
                         {"key", tls.key.string()},
                         {"client_ca", tls.client_ca.string()}}}};
  doc["mqtt"] = {{"broker", c.mqtt.broker},
                 {"allow_plain_loopback", c.mqtt.allow_plain_loopback},
                 {"keepalive_s", c.mqtt.keepalive_s},
                 {"tls",
                  {{"ca", c.mqtt.tls.ca.string()},
                   {"cert", c.mqtt.tls.cert.string()},
                   {"key", c.mqtt.tls.key.string()}}}};
  doc["cards"] = {{"prefixes", c.cards.prefixes}};
  doc["offers"] = {{"max_on_screen", c.offers.max_on_screen},
                   {"control_group_percent", c.offers.control_group_percent}};
  doc["redemption"] = {{"offline_max_value_minor", c.redemption.offline_max_value_minor},
                       {"offline_max_per_hour", c.redemption.offline_max_per_hour}};
  json screens = json::array();
  for (const auto& s : c.screens.list) {
    json entry = {{"id", s.id}, {"role", std::string(to_string(s.role))}};
    if (s.till) entry["till"] = *s.till;
    screens.push_back(std::move(entry));
  }
  doc["screens"] = {{"idle_after_s", c.screens.idle_after_s}, {"list", std::move(screens)}};
  doc["sync"] = {{"ack_timeout_s", c.sync.ack_timeout_s}};
  doc["outbox"] = {{"max_bytes", c.outbox.max_bytes}, {"max_age_s", c.outbox.max_age_s}};
  doc["log"] = {{"level", std::string(to_string(c.log.level))}};
  doc["keys"] = {{"app", key_ring(c.keys.app)}, {"fleet", key_ring(c.keys.fleet)}};
  doc["update"] = {{"window", c.update.window.to_string()}};
  doc["display"] = {{"language", std::string(to_string(c.display.language))},
                    {"colors",
                     {{"primary", c.display.colors.primary},
                      {"accent", c.display.colors.accent},
                      {"background", c.display.colors.background},
                      {"text", c.display.colors.text}}}};
  json scanners = json::object();
  for (const auto& s : c.scanners) {
    json entry = {
        {"kind", std::string(to_string(s.kind))}, {"path", s.path.string()}, {"screen", s.screen}};
    if (s.kind == ScannerKind::kSerial) entry["baud"] = s.baud;
    if (s.kind == ScannerKind::kHid) entry["layout"] = std::string(to_string(s.layout));
    scanners[s.id] = std::move(entry);
  }
  doc["scanners"] = std::move(scanners);
  doc["points"] = {{"currency", c.points.currency},
                   {"per_unit", c.points.per_unit},
                   {"tier_multipliers", c.points.tier_multipliers}};
  return doc;
}

}  // namespace witryna::service
