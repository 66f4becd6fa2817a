#include "edge/service/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <ostream>

#include "tests/support/temp_dir.hpp"

namespace witryna::service {
namespace config_test {
namespace {

using nlohmann::json;

constexpr const char* kDevice = R"(
[device]
id = "PL-WAW-001-edge1"
brand = "acme"
store = "PL-WAW-001"
)";

Result<Config> parse(const std::string& toml) {
  auto doc = toml_to_json(toml, "test.toml");
  if (!doc) return tl::make_unexpected(doc.error());
  return config_from_json(*doc);
}

std::filesystem::path source_dir() {
  const char* dir = std::getenv("WITRYNA_SOURCE_DIR");
  return std::filesystem::path(dir != nullptr ? dir : WITRYNA_TEST_SOURCE_DIR);
}

TEST(Config, OnlyTheDeviceGivesEveryDefault) {
  auto config = parse(kDevice);
  ASSERT_TRUE(config) << config.error().context;
  Config expected;
  expected.device.id = "PL-WAW-001-edge1";
  expected.device.brand = "acme";
  expected.device.store = "PL-WAW-001";
  EXPECT_EQ(*config, expected);
  EXPECT_EQ(config->offers.max_on_screen, 4);
  EXPECT_EQ(config->offers.control_group_percent, 10);
  EXPECT_EQ(config->redemption.offline_max_value_minor, 5000);
  EXPECT_EQ(config->redemption.offline_max_per_hour, 10);
  EXPECT_EQ(config->screens.idle_after(), std::chrono::seconds(45));
  EXPECT_EQ(config->sync.ack_timeout(), std::chrono::seconds(10));
  EXPECT_EQ(config->cards.prefixes, std::vector<std::string>{"29"});
  EXPECT_EQ(config->log.level, LogLevel::kInfo);
  EXPECT_EQ(config->update.window.to_string(), "22:00-06:00");
  EXPECT_FALSE(config->mqtt.plain());
  EXPECT_FALSE(config->screen_api.tls.has_value());
  EXPECT_EQ(config->storage.db_path, std::filesystem::path("/var/lib/witryna/witryna.db"));
}

TEST(Config, TheDeviceIdentityIsRequired) {
  auto config = parse("");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().code, errc::kConfig);
  EXPECT_EQ(config_problems(config.error()),
            (std::vector<std::string>{"device.id is required", "device.brand is required",
                                      "device.store is required"}));
}

TEST(Config, TheShippedFileIsValidAndRoundTrips) {
  const auto file = source_dir() / "firmware_config" / "witryna.toml";
  auto config = load_config_file(file);
  ASSERT_TRUE(config) << config.error().context;
  EXPECT_EQ(config->device.id, "PL-WAW-001-edge1");
  EXPECT_EQ(config->device.brand, "acme");
  EXPECT_EQ(config->device.store, "PL-WAW-001");
  EXPECT_EQ(config->mqtt.broker, "tcp://127.0.0.1:1883");
  EXPECT_TRUE(config->mqtt.plain());
  EXPECT_EQ(config->screens.list.size(), 2U);
  ASSERT_NE(config->screens.find("checkout-1"), nullptr);
  EXPECT_EQ(config->screens.find("checkout-1")->till, "T1");
  EXPECT_EQ(config->scanners.size(), 2U);
  EXPECT_EQ(config->keys.app.size(), 1U);
  EXPECT_DOUBLE_EQ(config->points.multiplier("gold"), 1.5);
  EXPECT_DOUBLE_EQ(config->points.multiplier("unknown-tier"), 1.0);

  auto again = config_from_json(config_to_json(*config));
  ASSERT_TRUE(again) << again.error().context;
  EXPECT_EQ(*again, *config);
}

struct BadValue {
  std::string toml;  // appended after [device]
  std::string message;
  friend void PrintTo(const BadValue& c, std::ostream* out) { *out << c.message; }
};

class ConfigBadValue : public ::testing::TestWithParam<BadValue> {};

TEST_P(ConfigBadValue, IsRefusedWithItsMessage) {
  auto config = parse(std::string(kDevice) + GetParam().toml);
  ASSERT_FALSE(config) << "accepted: " << GetParam().toml;
  EXPECT_EQ(config.error().code, errc::kConfig);
  EXPECT_EQ(config_problems(config.error()), std::vector<std::string>{GetParam().message});
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigBadValue,
    ::testing::Values(
        BadValue{"[redemption]\noffline_max_value_minor = -5",
                 "redemption.offline_max_value_minor must be ≥ 0, got -5"},
        BadValue{"[redemption]\noffline_max_per_hour = -1",
                 "redemption.offline_max_per_hour must be ≥ 0, got -1"},
        BadValue{"[redemption]\noffline_max_value_minor = \"5000\"",
                 "redemption.offline_max_value_minor must be a whole number ≥ 0, got \"5000\""},
        BadValue{"[offers]\nmax_on_screen = 0",
                 "offers.max_on_screen must be between 1 and 20, got 0"},
        BadValue{"[offers]\nmax_on_screen = 4.5",
                 "offers.max_on_screen must be a whole number between 1 and 20, got 4.5"},
        BadValue{"[offers]\ncontrol_group_percent = 101",
                 "offers.control_group_percent must be between 0 and 100, got 101"},
        BadValue{"[screens]\nidle_after_s = 2",
                 "screens.idle_after_s must be between 5 and 3600, got 2"},
        BadValue{"[sync]\nack_timeout_s = 0",
                 "sync.ack_timeout_s must be between 1 and 600, got 0"},
        BadValue{"[outbox]\nmax_bytes = 10",
                 "outbox.max_bytes must be between 1048576 and 17179869184, got 10"},
        BadValue{"[log]\nlevel = \"verbose\"",
                 "log.level must be error, warn, info or debug, got \"verbose\""},
        BadValue{"[cards]\nprefixes = []",
                 "cards.prefixes must list at least one prefix, e.g. [\"29\"]"},
        BadValue{"[cards]\nprefixes = [\"2a\"]",
                 "cards.prefixes[0] must be 1 to 12 digits, got \"2a\""},
        BadValue{"[cards]\nprefixes = \"29\"",
                 "cards.prefixes must be a list of texts like [\"a\", \"b\"], got \"29\""},
        BadValue{"[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n"
                 "[[screens.list]]\nid = \"k2\"\nrole = \"till\"",
                 "screens.list[1].role must be kiosk or checkout, got \"till\""},
        BadValue{"[[screens.list]]\nid = \"checkout-1\"\nrole = \"checkout\"",
                 "screens.list[0].till is required for a checkout screen"},
        BadValue{"[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\ntill = \"T1\"",
                 "screens.list[0].till is only for checkout screens"},
        BadValue{"[[screens.list]]\nrole = \"kiosk\"", "screens.list[0].id is required"},
        BadValue{
            "[[screens.list]]\nid = \"a\"\nrole = \"kiosk\"\n[[screens.list]]\nid = \"a\"\nrole = "
            "\"kiosk\"",
            "screens.list[1].id \"a\" is already used by screens.list[0]"},
        BadValue{
            "[[screens.list]]\nid = \"c1\"\nrole = \"checkout\"\ntill = \"T1\"\n[[screens.list]]\n"
            "id = \"c2\"\nrole = \"checkout\"\ntill = \"T1\"",
            "screens.list[1].till \"T1\" is already used by screens.list[0]"},
        BadValue{
            "[mqtt]\nbroker = \"tcp://10.0.0.5:1883\"\nallow_plain_loopback = true",
            "mqtt.broker uses plain TCP to 10.0.0.5: plain TCP is allowed only to this machine "
            "(127.0.0.1, ::1, localhost); use ssl:// for any other broker"},
        BadValue{"[mqtt]\nbroker = \"tcp://127.0.0.1:1883\"",
                 "mqtt.broker uses plain TCP: set mqtt.allow_plain_loopback = true to allow it for "
                 "a broker on this machine, or use ssl://"},
        BadValue{"[mqtt]\nbroker = \"broker.example:8883\"",
                 "mqtt.broker must look like ssl://host:8883 (or tcp://127.0.0.1:1883 for a broker "
                 "on this machine), got \"broker.example:8883\""},
        BadValue{"[mqtt]\nbroker = \"ssl://broker.example:99999\"",
                 "mqtt.broker must look like ssl://host:8883 (or tcp://127.0.0.1:1883 for a broker "
                 "on this machine), got \"ssl://broker.example:99999\""},
        BadValue{"[mqtt]\nallow_plain_loopback = \"yes\"",
                 "mqtt.allow_plain_loopback must be true or false, got \"yes\""},
        BadValue{"[update]\nwindow = \"22:00\"",
                 "update.window must look like \"22:00-06:00\" (HH:MM-HH:MM, store local time): no "
                 "'-' between start and end, got \"22:00\""},
        BadValue{"[update]\nwindow = \"06:00-06:00\"",
                 "update.window must look like \"22:00-06:00\" (HH:MM-HH:MM, store local time): "
                 "start and end must differ, got \"06:00-06:00\""},
        BadValue{"[display]\nlanguage = \"de\"", "display.language must be pl or en, got \"de\""},
        BadValue{"[display.colors]\nprimary = \"red\"",
                 "display.colors.primary must be a colour like \"#C8102E\", got \"red\""},
        BadValue{
            "[keys.app]\nk1 = \"abcd\"",
            "keys.app.k1 looks like a raw Ed25519 public key but has 4 hex digits; it needs 64"},
        BadValue{"[keys.fleet]\nk1 = \"not a key\"",
                 "keys.fleet.k1 must be 64 hex digits (a raw Ed25519 public key) or the path of a "
                 "PEM file, got \"not a key\""},
        BadValue{
            "[keys.app]\n\"bad.kid\" = \"/k.pem\"",
            "keys.app has a key id \"bad.kid\"; key ids hold 1 to 64 letters, digits, '-' or '_'"},
        BadValue{"[points]\ncurrency = \"zł\"",
                 "points.currency must be an ISO 4217 code like \"PLN\", got \"zł\""},
        BadValue{"[points.tier_multipliers]\ngold = 11",
                 "points.tier_multipliers.gold must be between 0 and 10, got 11"},
        BadValue{
            "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n[scanners.s1]\nkind = \"usb\"\n"
            "path = \"/dev/x\"\nscreen = \"kiosk-1\"",
            "scanners.s1.kind must be hid, serial or sim, got \"usb\""},
        BadValue{"[scanners.s1]\nkind = \"sim\"\npath = \"/run/s.sock\"\nscreen = \"kiosk-9\"",
                 "scanners.s1.screen \"kiosk-9\" is not a screen in screens.list"},
        BadValue{"[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n[scanners.s1]\nkind = "
                 "\"serial\"\n"
                 "path = \"/dev/ttyACM0\"\nbaud = 1000\nscreen = \"kiosk-1\"",
                 "scanners.s1.baud must be between 1200 and 230400, got 1000"},
        BadValue{
            "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n[scanners.s1]\nkind = \"sim\"\n"
            "path = \"/run/s.sock\"\nlayout = \"pl\"\nscreen = \"kiosk-1\"",
            "scanners.s1.layout is only for hid scanners"},
        BadValue{
            "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n[scanners.s1]\nkind = \"hid\"\n"
            "screen = \"kiosk-1\"",
            "scanners.s1.path is required (the /dev/input device)"},
        BadValue{"[storage]\nstate_dir = \"\"",
                 "storage.state_dir must be a file path, got an empty text"},
        BadValue{"[storage]\nstate_dir = 5", "storage.state_dir must be a text in quotes, got 5"}));

TEST(Config, ASectionThatIsNotATableIsNamed) {
  auto config = parse(std::string("offers = 4\n") + kDevice);
  ASSERT_FALSE(config);
  EXPECT_EQ(config_problems(config.error()),
            std::vector<std::string>{"offers must be a table ([offers]), got 4"});
}

TEST(Config, ATimeZoneMustLookLikeOne) {
  auto config = parse(std::string(kDevice) + "timezone = \"../etc\"\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config_problems(config.error()),
            std::vector<std::string>{"device.timezone must be an IANA time zone name like "
                                     "\"Europe/Warsaw\", got \"../etc\""});
}

TEST(Config, AnInvalidDeviceIdIsNamed) {
  auto config = parse("[device]\nid = \"edge/1\"\nbrand = \"acme\"\nstore = \"S\"\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config_problems(config.error()),
            std::vector<std::string>{
                "device.id must be 1 to 64 letters, digits, '-', '_' or '.', got \"edge/1\""});
}

struct UnknownKey {
  std::string toml;
  std::string message;
  friend void PrintTo(const UnknownKey& c, std::ostream* out) { *out << c.message; }
};

class ConfigUnknownKey : public ::testing::TestWithParam<UnknownKey> {};

TEST_P(ConfigUnknownKey, IsAnErrorNamingTheKey) {
  auto config = parse(std::string(kDevice) + GetParam().toml);
  ASSERT_FALSE(config);
  EXPECT_EQ(config_problems(config.error()), std::vector<std::string>{GetParam().message});
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigUnknownKey,
    ::testing::Values(UnknownKey{"[storage]\ndb_pth = \"/x.db\"",
                                 "unknown key storage.db_pth (did you mean storage.db_path?)"},
                      UnknownKey{
                          "[offers]\nmax_on_screens = 3",
                          "unknown key offers.max_on_screens (did you mean offers.max_on_screen?)"},
                      UnknownKey{"[redemptoin]\noffline_max_per_hour = 3",
                                 "unknown key redemptoin (did you mean redemption?)"},
                      UnknownKey{"[weather]\nsunny = true", "unknown key weather"},
                      UnknownKey{"[mqtt.tls]\npassword = \"x\"", "unknown key mqtt.tls.password"},
                      UnknownKey{"[[screens.list]]\nid = \"k\"\nrole = \"kiosk\"\ncolour = \"red\"",
                                 "unknown key screens.list[0].colour"}));

TEST(Config, EveryProblemIsReportedNotOnlyTheFirst) {
  auto config = parse(std::string(kDevice) +
                      "[offers]\nmax_on_screen = 0\n[redemption]\noffline_max_value_minor = -5\n");
  ASSERT_FALSE(config);
  EXPECT_EQ(config_problems(config.error()).size(), 2U);
}

TEST(Config, ATomlSyntaxErrorSaysLineAndColumn) {
  auto doc = toml_to_json("[device]\nid = \"x\"\nbrand = \n", "witryna.toml");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().code, errc::kConfig);
  EXPECT_EQ(doc.error().context.rfind("witryna.toml:3:", 0), 0U) << doc.error().context;

  auto duplicate = toml_to_json("[a]\nx = 1\nx = 2\n", "f.toml");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().context.rfind("f.toml:3:", 0), 0U) << duplicate.error().context;
}

TEST(Config, TomlValuesBecomeJson) {
  auto doc =
      toml_to_json("a = 1\nb = 1.5\nc = \"t\"\nd = [1, 2]\ne = true\nf = 2026-11-22\n[g]\nh = 1\n");
  ASSERT_TRUE(doc) << doc.error().context;
  EXPECT_EQ(
      *doc,
      json::parse(R"({"a":1,"b":1.5,"c":"t","d":[1,2],"e":true,"f":"2026-11-22","g":{"h":1}})"));
}

TEST(Config, RelativePathsAreResolvedAgainstTheFileFolder) {
  test::TempDir dir;
  {
    std::ofstream out(dir / "witryna.toml");
    out << kDevice << "[storage]\nstate_dir = \"state\"\n[keys.app]\nk1 = \"keys/app.pem\"\n"
        << "k2 = \"D75A980182B10AB7D54BFED3C964073A0EE172F3DAA62325AF021A68F707511A\"\n";
  }
  auto config = load_config_file(dir / "witryna.toml");
  ASSERT_TRUE(config) << config.error().context;
  EXPECT_EQ(config->storage.state_dir, dir.path() / "state");
  EXPECT_EQ(config->storage.db_path, dir.path() / "state" / "witryna.db");
  EXPECT_EQ(config->keys.app.at("k1").pem_file, dir.path() / "keys" / "app.pem");
  EXPECT_EQ(config->keys.app.at("k2").raw_hex,
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
}

TEST(Config, AMissingFileIsNamed) {
  auto config = load_config_file("/nonexistent/witryna.toml");
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().context.rfind("cannot read /nonexistent/witryna.toml", 0), 0U);
}

TEST(Config, ScreenTlsIsOnlyThereWhenEnabled) {
  auto config = parse(std::string(kDevice) + "[screen_api.tls]\nenabled = true\nport = 8443\n");
  ASSERT_TRUE(config) << config.error().context;
  ASSERT_TRUE(config->screen_api.tls.has_value());
  EXPECT_EQ(config->screen_api.tls->port, 8443);
}

TEST(ConfigOverride, ValuesAreTomlOrText) {
  EXPECT_EQ(parse_override("offers.max_on_screen=6").value(),
            json::parse(R"({"offers":{"max_on_screen":6}})"));
  EXPECT_EQ(parse_override("log.level=\"debug\"").value(),
            json::parse(R"({"log":{"level":"debug"}})"));
  EXPECT_EQ(parse_override("storage.state_dir=/tmp/demo").value(),
            json::parse(R"({"storage":{"state_dir":"/tmp/demo"}})"));
  EXPECT_EQ(parse_override("cards.prefixes=[\"29\", \"28\"]").value(),
            json::parse(R"({"cards":{"prefixes":["29","28"]}})"));
  EXPECT_FALSE(parse_override("no-equals-sign"));
  EXPECT_FALSE(parse_override("=5"));
}

TEST(TimeWindow, ParsesAndWrapsMidnight) {
  auto window = parse_time_window("22:00-06:00");
  ASSERT_TRUE(window);
  EXPECT_TRUE(window->contains(23 * 60));
  EXPECT_TRUE(window->contains(0));
  EXPECT_TRUE(window->contains(5 * 60 + 59));
  EXPECT_FALSE(window->contains(6 * 60));
  EXPECT_FALSE(window->contains(12 * 60));
  EXPECT_TRUE(window->contains(22 * 60));

  auto day = parse_time_window("09:30-17:00");
  ASSERT_TRUE(day);
  EXPECT_TRUE(day->contains(9 * 60 + 30));
  EXPECT_FALSE(day->contains(17 * 60));
  EXPECT_EQ(day->to_string(), "09:30-17:00");

  for (const char* bad : {"24:00-06:00", "2200-0600", "22:00-6:00", "aa:bb-cc:dd", ""}) {
    EXPECT_FALSE(parse_time_window(bad)) << bad;
  }
}

}  // namespace
}  // namespace config_test
}  // namespace witryna::service
