#include <gtest/gtest.h>

#include <ostream>

#include "edge/service/config.hpp"

namespace witryna::service {
namespace config_change_test {
namespace {

using nlohmann::json;

json local_document() {
  return json::parse(R"({
    "device": {"id": "PL-WAW-001-edge1", "brand": "acme", "store": "PL-WAW-001"},
    "mqtt": {"broker": "tcp://127.0.0.1:1883", "allow_plain_loopback": true},
    "offers": {"max_on_screen": 4},
    "screens": {"idle_after_s": 45, "list": [{"id": "kiosk-1", "role": "kiosk"}]},
    "keys": {"app": {"demo": "/etc/witryna/keys/app.pem"}}
  })");
}

struct KeyCase {
  std::string key;
  ApplyMode apply;
  RemotePolicy remote;
  friend void PrintTo(const KeyCase& c, std::ostream* out) { *out << c.key; }
};

class ConfigKeyRules : public ::testing::TestWithParam<KeyCase> {};

TEST_P(ConfigKeyRules, SayHowAndByWhomAKeyChanges) {
  EXPECT_EQ(apply_mode(GetParam().key), GetParam().apply) << GetParam().key;
  EXPECT_EQ(remote_policy(GetParam().key), GetParam().remote) << GetParam().key;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigKeyRules,
    ::testing::Values(
        // The keys fleet.md says the fleet must be able to set, all live.
        KeyCase{"redemption.offline_max_value_minor", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"redemption.offline_max_per_hour", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"offers.max_on_screen", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"screens.idle_after_s", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"sync.ack_timeout_s", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"log.level", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"cards.prefixes", ApplyMode::kLive, RemotePolicy::kAllowed},
        KeyCase{"screens.list", ApplyMode::kRestart, RemotePolicy::kAllowed},
        KeyCase{"screens", ApplyMode::kRestart, RemotePolicy::kAllowed},
        KeyCase{"display.colors.primary", ApplyMode::kRestart, RemotePolicy::kAllowed},
        KeyCase{"device.id", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
        KeyCase{"storage.db_path", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
        KeyCase{"mqtt.broker", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
        KeyCase{"mqtt.allow_plain_loopback", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
        KeyCase{"scanners.kiosk-1-sim.path", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
        // Secrets and trust anchors, also through a parent.
        KeyCase{"mqtt.tls.key", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"mqtt.tls", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"mqtt", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"screen_api.tls.key", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"screen_api", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"keys.fleet.fleet-1", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"keys", ApplyMode::kRestart, RemotePolicy::kSecret},
        KeyCase{"offers.password", ApplyMode::kLive, RemotePolicy::kSecret},
        // Unknown: restart (safe); config_from_json refuses it anyway.
        KeyCase{"weather.sunny", ApplyMode::kRestart, RemotePolicy::kAllowed}));

TEST(MergeDesired, TheFleetMdExampleMergesAndValidates) {
  const auto desired = json::parse(
      R"({"offers":{"max_on_screen":3},"redemption":{"offline_max_value_minor":2000}})");
  auto merged = merge_desired(local_document(), desired);
  ASSERT_TRUE(merged) << merged.error().context;
  auto config = config_from_json(*merged);
  ASSERT_TRUE(config) << config.error().context;
  EXPECT_EQ(config->offers.max_on_screen, 3);
  EXPECT_EQ(config->redemption.offline_max_value_minor, 2000);
  EXPECT_EQ(config->device.id, "PL-WAW-001-edge1");  // untouched keys stay
  EXPECT_EQ(config->screens.list.size(), 1U);
}

TEST(MergeDesired, NullRemovesAKeySoItsDefaultReturns) {
  auto merged =
      merge_desired(local_document(), json::parse(R"({"offers":{"max_on_screen":null}})"));
  ASSERT_TRUE(merged);
  EXPECT_FALSE((*merged)["offers"].contains("max_on_screen"));
  EXPECT_EQ(config_from_json(*merged)->offers.max_on_screen, 4);
}

TEST(MergeDesired, ArraysAreReplacedWhole) {
  auto merged = merge_desired(local_document(), json::parse(R"({"cards":{"prefixes":["28"]}})"));
  ASSERT_TRUE(merged);
  EXPECT_EQ(config_from_json(*merged)->cards.prefixes, std::vector<std::string>{"28"});
}

TEST(MergeDesired, AnInvalidResultIsCaughtByTheSameValidation) {
  auto merged = merge_desired(local_document(),
                              json::parse(R"({"redemption":{"offline_max_value_minor":-5}})"));
  ASSERT_TRUE(merged);
  auto config = config_from_json(*merged);
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().context, "redemption.offline_max_value_minor must be ≥ 0, got -5");
}

struct Refused {
  std::string desired;
  std::string message;
  friend void PrintTo(const Refused& c, std::ostream* out) { *out << c.desired; }
};

class MergeDesiredRefuses : public ::testing::TestWithParam<Refused> {};

TEST_P(MergeDesiredRefuses, SecretsAndLocalKeys) {
  auto merged = merge_desired(local_document(), json::parse(GetParam().desired));
  ASSERT_FALSE(merged) << GetParam().desired;
  EXPECT_EQ(merged.error().code, errc::kConfig);
  EXPECT_EQ(merged.error().context, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MergeDesiredRefuses,
    ::testing::Values(
        Refused{
            R"({"keys":{"fleet":{"evil":"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"}}})",
            "keys.fleet.evil is a secret or a trust anchor (keys, key paths, passwords): it is "
            "never accepted from the fleet"},
        Refused{R"({"keys":null})",
                "keys is a secret or a trust anchor (keys, key paths, passwords): it is never "
                "accepted from the fleet"},
        Refused{R"({"mqtt":{"tls":{"key":"/tmp/k.pem"}}})",
                "mqtt.tls.key is a secret or a trust anchor (keys, key paths, passwords): it is "
                "never accepted from the fleet"},
        Refused{R"({"mqtt":null})",
                "mqtt is a secret or a trust anchor (keys, key paths, passwords): it is never "
                "accepted from the fleet"},
        Refused{R"({"mqtt":{"broker":"tcp://127.0.0.1:1884"}})",
                "mqtt.broker can be set only in the configuration file on the device"},
        Refused{R"({"device":{"id":"other"}})",
                "device.id can be set only in the configuration file on the device"},
        Refused{R"({"offers":{"max_on_screen":3},"storage":{"state_dir":"/tmp"}})",
                "storage.state_dir can be set only in the configuration file on the device"},
        Refused{R"([1,2])", "the desired config must be a JSON object of sections, got a list"}));

TEST(MergeDesired, EveryRefusedKeyIsListed) {
  auto merged = merge_desired(local_document(),
                              json::parse(R"({"device":{"id":"x"},"keys":{"app":{"k":"x"}}})"));
  ASSERT_FALSE(merged);
  EXPECT_EQ(config_problems(merged.error()).size(), 2U);
}

TEST(ChangedKeys, AreTheDifferingLeaves) {
  const auto before = json::parse(R"({"a":{"x":1,"y":[1,2]},"b":{"z":true},"c":{"k":1}})");
  const auto after = json::parse(R"({"a":{"x":2,"y":[1,2]},"b":{"z":true},"c":{"j":1},"d":5})");
  EXPECT_EQ(changed_keys(before, after), (std::vector<std::string>{"a.x", "c.j", "c.k", "d"}));
  EXPECT_TRUE(changed_keys(before, before).empty());
}

TEST(PlanConfigChange, LiveKeysApplyRestartKeysWait) {
  auto running = config_from_json(local_document());
  ASSERT_TRUE(running);
  auto next_doc = local_document();
  next_doc["offers"]["max_on_screen"] = 2;
  next_doc["log"] = {{"level", "debug"}};
  next_doc["mqtt"]["keepalive_s"] = 60;
  next_doc["screens"]["list"].push_back({{"id", "kiosk-2"}, {"role", "kiosk"}});
  auto next = config_from_json(next_doc);
  ASSERT_TRUE(next);

  auto change = plan_config_change(*running, *next);
  ASSERT_TRUE(change) << change.error().context;
  EXPECT_EQ(change->live, (std::vector<std::string>{"log.level", "offers.max_on_screen"}));
  EXPECT_EQ(change->restart, (std::vector<std::string>{"mqtt.keepalive_s", "screens.list"}));
  EXPECT_EQ(change->effective.offers.max_on_screen, 2);
  EXPECT_EQ(change->effective.log.level, LogLevel::kDebug);
  EXPECT_EQ(change->effective.mqtt.keepalive_s, 30);
  EXPECT_EQ(change->effective.screens.list.size(), 1U);
}

TEST(PlanConfigChange, NothingChangedIsEmpty) {
  auto running = config_from_json(local_document());
  ASSERT_TRUE(running);
  auto change = plan_config_change(*running, *running);
  ASSERT_TRUE(change);
  EXPECT_TRUE(change->live.empty());
  EXPECT_TRUE(change->restart.empty());
  EXPECT_EQ(change->effective, *running);
}

}  // namespace
}  // namespace config_change_test
}  // namespace witryna::service
