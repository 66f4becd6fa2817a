#pragma once
// The service configuration: one typed, validated value read once from the
// local TOML file (firmware_config/witryna.toml, reference: firmware_config/
// schema.md), optionally with the fleet's desired configuration merged over it.
//
// The path is always TOML → JSON → Config: the fleet's desired config is a
// partial JSON document of the same keys (fleet.md), merged as an RFC 7386
// merge-patch and validated by the same code as the local file.
//
// Nothing here throws. Failures are Result errors with code errc::kConfig and a
// context holding one message per line, each naming the key, e.g.
//   redemption.offline_max_value_minor must be ≥ 0, got -5
//   unknown key storage.db_pth (did you mean storage.db_path?)
// Use config_problems(error) to get them as a list.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/service/log.hpp"

namespace witryna::service {

struct DeviceConfig {
  std::string id;                          // required: MQTT client id and `device` in topics
  std::string brand;                       // required: `brand` in witryna/v1/{brand}
  std::string store;                       // required: `store` in topics
  std::string group;                       // fleet group (…/group/{group}/desired); empty: none
  std::string timezone = "Europe/Warsaw";  // IANA name: store-local time (update window, "today")

  friend bool operator==(const DeviceConfig&, const DeviceConfig&) = default;
};

struct StorageConfig {
  std::filesystem::path state_dir = "/var/lib/witryna";
  std::filesystem::path db_path = "/var/lib/witryna/witryna.db";

  friend bool operator==(const StorageConfig&, const StorageConfig&) = default;
};

struct ScreenApiTlsConfig {
  std::string address = "0.0.0.0";
  std::uint16_t port = 7443;
  std::filesystem::path cert = "/etc/witryna/tls/screen-server.crt";
  std::filesystem::path key = "/etc/witryna/tls/screen-server.key";
  std::filesystem::path client_ca = "/etc/witryna/tls/screen-ca.crt";

  friend bool operator==(const ScreenApiTlsConfig&, const ScreenApiTlsConfig&) = default;
};

struct ScreenApiConfig {
  std::filesystem::path socket = "/run/witryna/screen.sock";
  std::string socket_group = "witryna";
  // Screens elsewhere on the LAN (TCP + mutual TLS); nullopt when
  // screen_api.tls.enabled is false.
  std::optional<ScreenApiTlsConfig> tls;

  friend bool operator==(const ScreenApiConfig&, const ScreenApiConfig&) = default;
};

struct MqttTlsConfig {
  std::filesystem::path ca = "/etc/witryna/tls/ca.crt";
  std::filesystem::path cert = "/etc/witryna/tls/device.crt";
  std::filesystem::path key = "/etc/witryna/tls/device.key";

  friend bool operator==(const MqttTlsConfig&, const MqttTlsConfig&) = default;
};

struct MqttConfig {
  // ssl:// or mqtts:// (mutual TLS, `tls` used); tcp:// or mqtt:// only to a
  // loopback host and only with allow_plain_loopback (mqtt.md).
  std::string broker = "ssl://127.0.0.1:8883";
  bool allow_plain_loopback = false;
  MqttTlsConfig tls;
  int keepalive_s = 30;

  // True when `broker` is a plain (non-TLS) URI: the caller must not use `tls`.
  [[nodiscard]] bool plain() const;

  friend bool operator==(const MqttConfig&, const MqttConfig&) = default;
};

struct CardsConfig {
  std::vector<std::string> prefixes = {"29"};  // each 1–12 digits

  friend bool operator==(const CardsConfig&, const CardsConfig&) = default;
};

struct OffersConfig {
  int max_on_screen = 4;           // 1..20
  int control_group_percent = 10;  // 0..100

  friend bool operator==(const OffersConfig&, const OffersConfig&) = default;
};

struct RedemptionConfig {
  std::int64_t offline_max_value_minor = 5000;  // ≥ 0; 0: brand codes never offline
  int offline_max_per_hour = 10;                // ≥ 0

  friend bool operator==(const RedemptionConfig&, const RedemptionConfig&) = default;
};

enum class ScreenRole { kKiosk, kCheckout };
[[nodiscard]] std::string_view to_string(ScreenRole role);

struct ScreenConfig {
  std::string id;  // e.g. "kiosk-1", unique
  ScreenRole role = ScreenRole::kKiosk;
  std::optional<std::string> till;  // checkout only (required there), unique

  friend bool operator==(const ScreenConfig&, const ScreenConfig&) = default;
};

struct ScreensConfig {
  int idle_after_s = 45;  // 5..3600
  std::vector<ScreenConfig> list;

  [[nodiscard]] std::chrono::seconds idle_after() const {
    return std::chrono::seconds(idle_after_s);
  }
  [[nodiscard]] const ScreenConfig* find(std::string_view id) const;

  friend bool operator==(const ScreensConfig&, const ScreensConfig&) = default;
};

struct SyncConfig {
  int ack_timeout_s = 10;  // 1..600

  [[nodiscard]] std::chrono::seconds ack_timeout() const {
    return std::chrono::seconds(ack_timeout_s);
  }

  friend bool operator==(const SyncConfig&, const SyncConfig&) = default;
};

struct OutboxConfig {
  std::int64_t max_bytes = 64LL * 1024 * 1024;  // 1 MiB..16 GiB
  std::int64_t max_age_s = 7LL * 24 * 3600;     // 1 h..90 days

  friend bool operator==(const OutboxConfig&, const OutboxConfig&) = default;
};

struct LogConfig {
  LogLevel level = LogLevel::kInfo;

  friend bool operator==(const LogConfig&, const LogConfig&) = default;
};

// A trusted Ed25519 public key: exactly one of `raw_hex` (64 hex digits, the
// 32-byte raw key) or `pem_file` (a PEM "PUBLIC KEY" file; not read here, the
// key ring loads it and reports a missing or bad file).
struct PublicKeySource {
  std::string raw_hex;
  std::filesystem::path pem_file;

  friend bool operator==(const PublicKeySource&, const PublicKeySource&) = default;
};

struct KeysConfig {
  std::map<std::string, PublicKeySource> app;    // kid → key: app tokens (codes.md §2)
  std::map<std::string, PublicKeySource> fleet;  // kid → key: update manifests (fleet.md)

  friend bool operator==(const KeysConfig&, const KeysConfig&) = default;
};

// A daily window in store-local time; may wrap midnight ("22:00-06:00").
struct TimeWindow {
  int start_minute = 22 * 60;  // minutes since local midnight, 0..1439
  int end_minute = 6 * 60;

  // True when `minute_of_day` (0..1439) is inside [start, end).
  [[nodiscard]] bool contains(int minute_of_day) const;
  [[nodiscard]] std::string to_string() const;  // "22:00-06:00"
  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

// Parses "HH:MM-HH:MM" (start ≠ end). The error context says what is wrong.
[[nodiscard]] Result<TimeWindow> parse_time_window(std::string_view text);

struct UpdateConfig {
  TimeWindow window;  // update.window, default "22:00-06:00"

  friend bool operator==(const UpdateConfig&, const UpdateConfig&) = default;
};

enum class Language { kPl, kEn };
[[nodiscard]] std::string_view to_string(Language language);

struct DisplayColors {
  std::string primary = "#C8102E";  // "#RRGGBB"
  std::string accent = "#1F2A44";
  std::string background = "#FFFFFF";
  std::string text = "#111111";

  friend bool operator==(const DisplayColors&, const DisplayColors&) = default;
};

struct DisplayConfig {
  Language language = Language::kPl;
  DisplayColors colors;

  friend bool operator==(const DisplayConfig&, const DisplayConfig&) = default;
};

enum class ScannerKind { kHid, kSerial, kSim };
enum class KeyboardLayout { kUs, kPl };
[[nodiscard]] std::string_view to_string(ScannerKind kind);
[[nodiscard]] std::string_view to_string(KeyboardLayout layout);

// One scanner. hid: `path` is the evdev device (/dev/input/by-id/…), `layout`
// the keyboard layout the scanner types in; serial: `path` the tty, `baud`;
// sim: `path` a Unix socket the scan injector (tools) writes lines to.
struct ScannerConfig {
  std::string id;  // the key in [scanners.<id>]
  ScannerKind kind = ScannerKind::kSim;
  std::filesystem::path path;
  int baud = 9600;                              // serial only
  KeyboardLayout layout = KeyboardLayout::kUs;  // hid only
  std::string screen;                           // id of a screen in screens.list: scans go to it

  friend bool operator==(const ScannerConfig&, const ScannerConfig&) = default;
};

struct PointsConfig {
  std::string currency = "PLN";  // purchases in another currency earn no points
  std::int64_t per_unit = 1;     // base points per whole currency unit (100 minor)
  // tier → multiplier (0..10). A tier not listed gets 1.0.
  std::map<std::string, double> tier_multipliers = {
      {"standard", 1.0}, {"silver", 1.25}, {"gold", 1.5}, {"platinum", 2.0}};

  [[nodiscard]] double multiplier(std::string_view tier) const;

  friend bool operator==(const PointsConfig&, const PointsConfig&) = default;
};

struct Config {
  DeviceConfig device;
  StorageConfig storage;
  ScreenApiConfig screen_api;
  MqttConfig mqtt;
  CardsConfig cards;
  OffersConfig offers;
  RedemptionConfig redemption;
  ScreensConfig screens;
  SyncConfig sync;
  OutboxConfig outbox;
  LogConfig log;
  KeysConfig keys;
  UpdateConfig update;
  DisplayConfig display;
  std::vector<ScannerConfig> scanners;  // sorted by id
  PointsConfig points;

  friend bool operator==(const Config&, const Config&) = default;
};

// ---------------------------------------------------------------------------
// Reading

// TOML text → JSON (tables → objects, arrays → arrays, dates/times → strings).
// A syntax error fails with errc::kConfig and "<source>:<line>:<column>: <what>".
[[nodiscard]] Result<nlohmann::json> toml_to_json(std::string_view toml_text,
                                                  std::string_view source_name = "config");

// Validates a whole configuration document and builds the typed value. Every
// problem is reported (one per line), not only the first. Unknown keys are
// errors. When `base_dir` is not empty, relative paths are resolved against it
// (the folder of the configuration file).
[[nodiscard]] Result<Config> config_from_json(const nlohmann::json& document,
                                              const std::filesystem::path& base_dir = {});

// The full document of `config` (every key, defaults included);
// config_from_json(config_to_json(c)) gives back c.
[[nodiscard]] nlohmann::json config_to_json(const Config& config);

// Reads the file, parses and validates it. Relative paths inside are resolved
// against the file's folder. Errors name the file.
[[nodiscard]] Result<nlohmann::json> read_config_document(const std::filesystem::path& file);
[[nodiscard]] Result<Config> load_config_file(const std::filesystem::path& file);

// One `--set key=value` override from the command line, as a partial document
// to merge over the file (RFC 7386). `value` is TOML (`offers.max_on_screen=6`,
// `log.level="debug"`); a value that is not valid TOML is taken as a text
// (`storage.state_dir=/tmp/demo`).
[[nodiscard]] Result<nlohmann::json> parse_override(std::string_view assignment);

// Splits Error::context of a config error into its messages.
[[nodiscard]] std::vector<std::string> config_problems(const Error& error);

// ---------------------------------------------------------------------------
// Changing it (SIGHUP reload, fleet desired configuration)

// How a changed key takes effect.
enum class ApplyMode { kLive, kRestart };
// Who may set a key: anyone; only the local file (identity, broker, paths);
// or only the local file because it is a secret or a trust anchor (keys, TLS
// key paths, passwords) — never the fleet (fleet.md).
enum class RemotePolicy { kAllowed, kLocalOnly, kSecret };

// For a dotted key path ("offers.max_on_screen", "keys.app.test-2026",
// "screens.list"). A path that is a parent of stricter keys ("mqtt") gets the
// strictest answer of its children. Unknown keys answer kRestart and
// kAllowed (config_from_json rejects them anyway).
[[nodiscard]] ApplyMode apply_mode(std::string_view key_path);
[[nodiscard]] RemotePolicy remote_policy(std::string_view key_path);

// RFC 7386 merge-patch of the fleet's partial `desired` over `local`. Refuses
// (errc::kConfig, the key named) a desired document that is not an object or
// that sets, replaces or removes any key that is kSecret or kLocalOnly,
// including through a parent ({"keys": null}). Does not validate the result:
// pass it to config_from_json.
[[nodiscard]] Result<nlohmann::json> merge_desired(nlohmann::json local,
                                                   const nlohmann::json& desired_partial);

// Dotted paths of the leaves that differ between two documents (an array is
// one leaf; a key present in only one of them counts). Sorted.
[[nodiscard]] std::vector<std::string> changed_keys(const nlohmann::json& before,
                                                    const nlohmann::json& after);

struct ConfigChange {
  std::vector<std::string> live;     // changed keys applied now
  std::vector<std::string> restart;  // changed keys that wait for a restart
  Config effective;                  // `running` with the live changes of `next`
};

// What switching from `running` to `next` (both valid) does: live keys take
// `next`'s values at once, restart-only keys keep `running`'s until the
// service restarts.
[[nodiscard]] Result<ConfigChange> plan_config_change(const Config& running, const Config& next);

}  // namespace witryna::service
