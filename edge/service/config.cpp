// config_from_json: the one validation of a configuration document, used for
// the local file and for the fleet's desired configuration alike.
#include "edge/service/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <set>

#include "edge/service/config_reader.hpp"

namespace witryna::service {

namespace {

using detail::describe;
using detail::Problems;
using detail::TableReader;
using nlohmann::json;

constexpr auto kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr auto kIntMax = std::numeric_limits<int>::max();

bool is_identifier(std::string_view s, bool allow_dot) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [allow_dot](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '-' || c == '_' || (allow_dot && c == '.');
  });
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool all_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::string in_quotes(std::string_view s) {
  return describe(json(std::string(s)));
}

// An id used in MQTT topics or as a config key: letters, digits, '-', '_'
// (and '.' where `allow_dot`).
void read_identifier(TableReader& t, std::string_view key, std::string& out, bool required,
                     bool allow_dot) {
  if (!t.has(key)) {
    (void)t.get(key);
    if (required) t.add_problem(t.key_path(key) + " is required");
    return;
  }
  std::string value;
  if (!t.read(key, value)) return;
  if (!is_identifier(value, allow_dot)) {
    t.add_problem(t.key_path(key) + " must be 1 to 64 letters, digits, " +
                  (allow_dot ? "'-', '_' or '.'" : "'-' or '_'") + ", got " + in_quotes(value));
    return;
  }
  out = std::move(value);
}

template <typename Enum, std::size_t N>
void read_choice(TableReader& t, std::string_view key, Enum& out,
                 const std::array<std::pair<std::string_view, Enum>, N>& choices) {
  std::string value;
  if (!t.read(key, value)) return;
  for (const auto& [name, e] : choices) {
    if (name == value) {
      out = e;
      return;
    }
  }
  std::string names;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) names += (i + 1 == N) ? " or " : ", ";
    names += choices[i].first;
  }
  t.add_problem(t.key_path(key) + " must be " + names + ", got " + in_quotes(value));
}

constexpr std::array<std::pair<std::string_view, ScreenRole>, 2> kRoles = {
    {{"kiosk", ScreenRole::kKiosk}, {"checkout", ScreenRole::kCheckout}}};
constexpr std::array<std::pair<std::string_view, LogLevel>, 4> kLevels = {
    {{"error", LogLevel::kError},
     {"warn", LogLevel::kWarn},
     {"info", LogLevel::kInfo},
     {"debug", LogLevel::kDebug}}};
constexpr std::array<std::pair<std::string_view, Language>, 2> kLanguages = {
    {{"pl", Language::kPl}, {"en", Language::kEn}}};
constexpr std::array<std::pair<std::string_view, ScannerKind>, 3> kKinds = {
    {{"hid", ScannerKind::kHid}, {"serial", ScannerKind::kSerial}, {"sim", ScannerKind::kSim}}};
constexpr std::array<std::pair<std::string_view, KeyboardLayout>, 2> kLayouts = {
    {{"us", KeyboardLayout::kUs}, {"pl", KeyboardLayout::kPl}}};

void read_device(TableReader t, DeviceConfig& c) {
  read_identifier(t, "id", c.id, true, true);
  read_identifier(t, "brand", c.brand, true, true);
  read_identifier(t, "store", c.store, true, true);
  if (t.has("group")) {
    std::string group;
    if (t.read("group", group) && !group.empty() && !is_identifier(group, true)) {
      t.add_problem("device.group must be empty or 1 to 64 letters, digits, '-', '_' or '.', got " +
                    in_quotes(group));
    } else {
      c.group = group;
    }
  } else {
    (void)t.get("group");
  }
  std::string tz = c.timezone;
  if (t.read("timezone", tz)) {
    const bool ok =
        !tz.empty() && tz.size() <= 64 && tz.front() != '/' && tz.find("..") == std::string::npos &&
        std::all_of(tz.begin(), tz.end(), [](char ch) {
          const auto u = static_cast<unsigned char>(ch);
          return std::isalnum(u) != 0 || ch == '/' || ch == '_' || ch == '-' || ch == '+';
        });
    if (ok) {
      c.timezone = tz;
    } else {
      t.add_problem("device.timezone must be an IANA time zone name like \"Europe/Warsaw\", got " +
                    in_quotes(tz));
    }
  }
  t.finish();
}

void read_storage(TableReader t, StorageConfig& c, const std::filesystem::path& base) {
  t.read("state_dir", c.state_dir, base);
  // Without an explicit db_path the database lives in the state folder.
  if (!t.read("db_path", c.db_path, base)) c.db_path = c.state_dir / "witryna.db";
  t.finish();
}

void read_screen_api(TableReader t, ScreenApiConfig& c, const std::filesystem::path& base) {
  t.read("socket", c.socket, base);
  t.read("socket_group", c.socket_group);
  auto tls_table = t.child("tls");
  bool enabled = false;
  tls_table.read("enabled", enabled);
  ScreenApiTlsConfig tls;
  if (tls_table.read("address", tls.address) && tls.address.empty()) {
    tls_table.add_problem("screen_api.tls.address must be an IP address to listen on, got \"\"");
  }
  int port = tls.port;
  if (tls_table.read("port", port, 1, 65535)) tls.port = static_cast<std::uint16_t>(port);
  tls_table.read("cert", tls.cert, base);
  tls_table.read("key", tls.key, base);
  tls_table.read("client_ca", tls.client_ca, base);
  tls_table.finish();
  if (enabled) c.tls = tls;
  t.finish();
}

struct BrokerUri {
  std::string scheme;
  std::string host;
};

std::optional<BrokerUri> parse_broker(std::string_view uri) {
  const auto sep = uri.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  BrokerUri b{std::string(uri.substr(0, sep)), {}};
  std::string_view rest = uri.substr(sep + 3);
  if (rest.empty()) return std::nullopt;
  std::string_view port;
  if (rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    b.host = std::string(rest.substr(1, close - 1));
    rest = rest.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else {
    const auto colon = rest.find(':');
    b.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port = rest.substr(colon + 1);
  }
  if (b.host.empty() || b.host.find('/') != std::string::npos) return std::nullopt;
  if (uri.substr(sep + 3).find(':') != std::string_view::npos || !port.empty()) {
    int p = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc{} || end != port.data() + port.size() || p < 1 || p > 65535) {
      return std::nullopt;
    }
  }
  return b;
}

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

bool plain_scheme(std::string_view scheme) {
  return scheme == "tcp" || scheme == "mqtt";
}

void read_mqtt(TableReader t, MqttConfig& c, const std::filesystem::path& base) {
  t.read("broker", c.broker);
  t.read("allow_plain_loopback", c.allow_plain_loopback);
  t.read("keepalive_s", c.keepalive_s, 5, 3600);
  auto tls = t.child("tls");
  tls.read("ca", c.tls.ca, base);
  tls.read("cert", c.tls.cert, base);
  tls.read("key", c.tls.key, base);
  tls.finish();

  const auto uri = parse_broker(c.broker);
  if (!uri || !(plain_scheme(uri->scheme) || uri->scheme == "ssl" || uri->scheme == "mqtts")) {
    t.add_problem(
        "mqtt.broker must look like ssl://host:8883 (or tcp://127.0.0.1:1883 for a broker on this "
        "machine), got " +
        in_quotes(c.broker));
  } else if (plain_scheme(uri->scheme)) {
    if (!is_loopback(uri->host)) {
      t.add_problem("mqtt.broker uses plain TCP to " + uri->host +
                    ": plain TCP is allowed only to this machine (127.0.0.1, ::1, localhost); "
                    "use ssl:// for any other broker");
    } else if (!c.allow_plain_loopback) {
      t.add_problem(
          "mqtt.broker uses plain TCP: set mqtt.allow_plain_loopback = true to allow it for a "
          "broker on this machine, or use ssl://");
    }
  }
  t.finish();
}

void read_cards(TableReader t, CardsConfig& c) {
  std::vector<std::string> prefixes;
  if (t.read("prefixes", prefixes)) {
    bool ok = true;
    if (prefixes.empty()) {
      t.add_problem("cards.prefixes must list at least one prefix, e.g. [\"29\"]");
      ok = false;
    }
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
      if (prefixes[i].empty() || prefixes[i].size() > 12 || !all_digits(prefixes[i])) {
        t.add_problem("cards.prefixes[" + std::to_string(i) + "] must be 1 to 12 digits, got " +
                      in_quotes(prefixes[i]));
        ok = false;
      }
    }
    if (ok) c.prefixes = std::move(prefixes);
  }
  t.finish();
}

void read_offers(TableReader t, OffersConfig& c) {
  t.read("max_on_screen", c.max_on_screen, 1, 20);
  t.read("control_group_percent", c.control_group_percent, 0, 100);
  t.finish();
}

void read_redemption(TableReader t, RedemptionConfig& c) {
  t.read("offline_max_value_minor", c.offline_max_value_minor, 0, kInt64Max);
  t.read("offline_max_per_hour", c.offline_max_per_hour, 0, kIntMax);
  t.finish();
}

void read_screen_list(TableReader& t, std::vector<ScreenConfig>& out) {
  const json* list = t.get("list");
  if (list == nullptr) return;
  if (!list->is_array()) {
    t.add_problem("screens.list must be a list of tables ([[screens.list]] blocks), got " +
                  describe(*list));
    return;
  }
  std::vector<ScreenConfig> screens;
  std::map<std::string, std::size_t> ids;
  std::map<std::string, std::size_t> tills;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = "screens.list[" + std::to_string(i) + "]";
    const json& entry = (*list)[i];
    if (!entry.is_object()) {
      t.add_problem(path + " must be a table with id, role and (for checkout) till, got " +
                    describe(entry));
      continue;
    }
    TableReader e(entry, path, t.problems());
    ScreenConfig screen;
    read_identifier(e, "id", screen.id, true, false);
    if (!e.has("role")) {
      (void)e.get("role");
      e.add_problem(path + ".role is required (kiosk or checkout)");
    } else {
      read_choice(e, "role", screen.role, kRoles);
    }
    std::string till;
    if (e.read("till", till)) {
      if (!is_identifier(till, false)) {
        e.add_problem(path + ".till must be 1 to 64 letters, digits, '-' or '_', got " +
                      in_quotes(till));
      } else {
        screen.till = till;
      }
    }
    if (screen.role == ScreenRole::kCheckout && !e.has("till")) {
      e.add_problem(path + ".till is required for a checkout screen");
    }
    if (screen.role == ScreenRole::kKiosk && e.has("till") && e.has("role")) {
      e.add_problem(path + ".till is only for checkout screens");
    }
    e.finish();
    if (!screen.id.empty()) {
      const auto [it, inserted] = ids.emplace(screen.id, i);
      if (!inserted) {
        t.add_problem(path + ".id " + in_quotes(screen.id) + " is already used by screens.list[" +
                      std::to_string(it->second) + "]");
      }
    }
    if (screen.till && screen.role == ScreenRole::kCheckout) {
      const auto [it, inserted] = tills.emplace(*screen.till, i);
      if (!inserted) {
        t.add_problem(path + ".till " + in_quotes(*screen.till) +
                      " is already used by screens.list[" + std::to_string(it->second) + "]");
      }
    }
    screens.push_back(std::move(screen));
  }
  out = std::move(screens);
}

void read_screens(TableReader t, ScreensConfig& c) {
  t.read("idle_after_s", c.idle_after_s, 5, 3600);
  read_screen_list(t, c.list);
  t.finish();
}

void read_sync(TableReader t, SyncConfig& c) {
  t.read("ack_timeout_s", c.ack_timeout_s, 1, 600);
  t.finish();
}

void read_outbox(TableReader t, OutboxConfig& c) {
  t.read("max_bytes", c.max_bytes, 1024LL * 1024, 16LL * 1024 * 1024 * 1024);
  t.read("max_age_s", c.max_age_s, 3600, 90LL * 24 * 3600);
  t.finish();
}

void read_log(TableReader t, LogConfig& c) {
  read_choice(t, "level", c.level, kLevels);
  t.finish();
}

void read_key_ring(TableReader t, std::map<std::string, PublicKeySource>& out,
                   const std::filesystem::path& base) {
  std::map<std::string, PublicKeySource> ring;
  for (const auto& [kid, value] : t.raw().items()) {
    (void)t.get(kid);
    const std::string path = t.key_path(kid);
    if (!is_identifier(kid, false)) {
      t.add_problem(t.path() + " has a key id " + in_quotes(kid) +
                    "; key ids hold 1 to 64 letters, digits, '-' or '_'");
      continue;
    }
    if (!value.is_string()) {
      t.add_problem(path + " must be 64 hex digits or the path of a PEM file, got " +
                    describe(value));
      continue;
    }
    const auto text = value.get<std::string>();
    PublicKeySource source;
    if (all_hex(text)) {
      if (text.size() != 64) {
        t.add_problem(path + " looks like a raw Ed25519 public key but has " +
                      std::to_string(text.size()) + " hex digits; it needs 64");
        continue;
      }
      source.raw_hex = text;
      std::transform(
          source.raw_hex.begin(), source.raw_hex.end(), source.raw_hex.begin(),
          [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    } else if (text.find('/') != std::string::npos || text.ends_with(".pem")) {
      std::filesystem::path p(text);
      if (p.is_relative() && !base.empty()) p = (base / p).lexically_normal();
      source.pem_file = std::move(p);
    } else {
      t.add_problem(path +
                    " must be 64 hex digits (a raw Ed25519 public key) or the path of a "
                    "PEM file, got " +
                    in_quotes(text));
      continue;
    }
    ring.emplace(kid, std::move(source));
  }
  out = std::move(ring);
}

void read_keys(TableReader t, KeysConfig& c, const std::filesystem::path& base) {
  read_key_ring(t.child("app"), c.app, base);
  read_key_ring(t.child("fleet"), c.fleet, base);
  t.finish();
}

void read_update(TableReader t, UpdateConfig& c) {
  std::string window;
  if (t.read("window", window)) {
    auto parsed = parse_time_window(window);
    if (parsed) {
      c.window = *parsed;
    } else {
      t.add_problem(
          "update.window must look like \"22:00-06:00\" (HH:MM-HH:MM, store local "
          "time): " +
          parsed.error().context + ", got " + in_quotes(window));
    }
  }
  t.finish();
}

bool is_colour(std::string_view s) {
  return s.size() == 7 && s.front() == '#' && all_hex(s.substr(1));
}

void read_display(TableReader t, DisplayConfig& c) {
  read_choice(t, "language", c.language, kLanguages);
  auto colors = t.child("colors");
  for (auto [key, field] : {std::pair<std::string_view, std::string*>{"primary", &c.colors.primary},
                            {"accent", &c.colors.accent},
                            {"background", &c.colors.background},
                            {"text", &c.colors.text}}) {
    std::string value;
    if (!colors.read(key, value)) continue;
    if (is_colour(value)) {
      *field = value;
    } else {
      colors.add_problem(colors.key_path(key) + " must be a colour like \"#C8102E\", got " +
                         in_quotes(value));
    }
  }
  colors.finish();
  t.finish();
}

constexpr std::array<int, 9> kBaudRates = {1200,  2400,  4800,   9600,  19200,
                                           38400, 57600, 115200, 230400};

void read_scanners(TableReader t, std::vector<ScannerConfig>& out,
                   const std::filesystem::path& base) {
  std::vector<ScannerConfig> scanners;
  for (const auto& [id, value] : t.raw().items()) {
    (void)t.get(id);
    const std::string path = t.key_path(id);
    if (!is_identifier(id, false)) {
      t.add_problem("scanners has a scanner id " + in_quotes(id) +
                    "; scanner ids hold 1 to 64 letters, digits, '-' or '_'");
      continue;
    }
    if (!value.is_object()) {
      t.add_problem(path + " must be a table ([" + path + "]) with kind, path and screen, got " +
                    describe(value));
      continue;
    }
    TableReader s(value, path, t.problems());
    ScannerConfig scanner;
    scanner.id = id;
    if (!s.has("kind")) {
      (void)s.get("kind");
      s.add_problem(path + ".kind is required (hid, serial or sim)");
    } else {
      read_choice(s, "kind", scanner.kind, kKinds);
    }
    if (!s.has("path")) {
      (void)s.get("path");
      s.add_problem(path + ".path is required (" +
                    std::string(scanner.kind == ScannerKind::kHid      ? "the /dev/input device"
                                : scanner.kind == ScannerKind::kSerial ? "the serial port"
                                                                       : "the simulator socket") +
                    ")");
    } else {
      s.read("path", scanner.path, base);
    }
    if (s.has("baud")) {
      if (scanner.kind != ScannerKind::kSerial) {
        (void)s.get("baud");
        s.add_problem(path + ".baud is only for serial scanners");
      } else if (int baud = 0; s.read("baud", baud, 1200, 230400)) {
        if (std::find(kBaudRates.begin(), kBaudRates.end(), baud) == kBaudRates.end()) {
          s.add_problem(path + ".baud must be a standard rate (1200 … 230400, e.g. 9600), got " +
                        std::to_string(baud));
        } else {
          scanner.baud = baud;
        }
      }
    }
    if (s.has("layout") && scanner.kind != ScannerKind::kHid) {
      (void)s.get("layout");
      s.add_problem(path + ".layout is only for hid scanners");
    } else {
      read_choice(s, "layout", scanner.layout, kLayouts);
    }
    if (!s.has("screen")) {
      (void)s.get("screen");
      s.add_problem(path + ".screen is required (the id of a screen in screens.list)");
    } else {
      read_identifier(s, "screen", scanner.screen, true, false);
    }
    s.finish();
    scanners.push_back(std::move(scanner));
  }
  out = std::move(scanners);
}

void read_points(TableReader t, PointsConfig& c) {
  std::string currency;
  if (t.read("currency", currency)) {
    const bool ok =
        currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                            [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (ok) {
      c.currency = currency;
    } else {
      t.add_problem("points.currency must be an ISO 4217 code like \"PLN\", got " +
                    in_quotes(currency));
    }
  }
  t.read("per_unit", c.per_unit, 0, 1000);
  if (t.has("tier_multipliers")) {
    auto tiers = t.child("tier_multipliers");
    std::map<std::string, double> multipliers;
    for (const auto& [tier, value] : tiers.raw().items()) {
      if (!is_identifier(tier, false)) {
        (void)tiers.get(tier);
        tiers.add_problem("points.tier_multipliers has a tier " + in_quotes(tier) +
                          "; tier names hold letters, digits, '-' or '_'");
        continue;
      }
      double m = 1.0;
      if (tiers.read(tier, m, 0.0, 10.0)) multipliers.emplace(tier, m);
    }
    c.tier_multipliers = std::move(multipliers);
  }
  t.finish();
}

// Rules between sections, once each section is read.
void cross_check(const Config& c, Problems& problems) {
  std::map<std::filesystem::path, std::string> paths;
  for (const auto& scanner : c.scanners) {
    const std::string path = "scanners." + scanner.id;
    if (!scanner.screen.empty() && c.screens.find(scanner.screen) == nullptr) {
      problems.push_back(path + ".screen " + in_quotes(scanner.screen) +
                         " is not a screen in screens.list");
    }
    if (!scanner.path.empty()) {
      const auto [it, inserted] = paths.emplace(scanner.path, scanner.id);
      if (!inserted) {
        problems.push_back(path + ".path " + in_quotes(scanner.path.string()) +
                           " is already used by scanners." + it->second);
      }
    }
  }
}

}  // namespace

Result<Config> config_from_json(const nlohmann::json& document,
                                const std::filesystem::path& base_dir) {
  if (!document.is_object()) {
    return fail(std::string(errc::kConfig),
                "the configuration must be a table of sections, got " + describe(document));
  }
  Problems problems;
  Config c;
  TableReader root(document, "", problems);
  read_device(root.child("device"), c.device);
  read_storage(root.child("storage"), c.storage, base_dir);
  read_screen_api(root.child("screen_api"), c.screen_api, base_dir);
  read_mqtt(root.child("mqtt"), c.mqtt, base_dir);
  read_cards(root.child("cards"), c.cards);
  read_offers(root.child("offers"), c.offers);
  read_redemption(root.child("redemption"), c.redemption);
  read_screens(root.child("screens"), c.screens);
  read_sync(root.child("sync"), c.sync);
  read_outbox(root.child("outbox"), c.outbox);
  read_log(root.child("log"), c.log);
  read_keys(root.child("keys"), c.keys, base_dir);
  read_update(root.child("update"), c.update);
  read_display(root.child("display"), c.display);
  read_scanners(root.child("scanners"), c.scanners, base_dir);
  read_points(root.child("points"), c.points);
  root.finish();
  cross_check(c, problems);
  if (!problems.empty()) {
    std::string context;
    for (const auto& p : problems) {
      if (!context.empty()) context += '\n';
      context += p;
    }
    return fail(std::string(errc::kConfig), std::move(context));
  }
  return c;
}

std::vector<std::string> config_problems(const Error& error) {
  std::vector<std::string> out;
  std::size_t start = 0;
  const std::string& text = error.context;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const auto line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) out.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace witryna::service
