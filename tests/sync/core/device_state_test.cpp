// Device state JSON, the Last Will, and the once-a-second rate limit.
#include "sync/core/device_state.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "sync/core/state_rate_limit.hpp"
#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace device_state_test {
namespace {

using nlohmann::json;
using test::at_ms;

DeviceState example() {
  DeviceState s;
  s.device = "PL-WAW-001-edge1";
  s.store = "PL-WAW-001";
  s.version = "1.4.2";
  s.config_ver = 7;
  s.since = *parse_rfc3339("2026-11-22T10:00:00.123Z");
  s.outbox = 0;
  s.streams = {{Stream::kStock, 1042}, {Stream::kProfiles, 77}, {Stream::kCatalog, 12}};
  s.update = UpdateStatus{"upd-42", "committed", ""};
  return s;
}

TEST(DeviceState, ContractFieldsAsInTheExample) {
  const auto j = json::parse(state_payload(example()));
  const auto contract = json::parse(R"({"device":"PL-WAW-001-edge1","store":"PL-WAW-001",
    "status":"online","version":"1.4.2","config_ver":7,"since":"2026-11-22T10:00:00.123Z",
    "outbox":0,"streams":{"stock":1042,"profiles":77,"catalog":12},
    "update":{"id":"upd-42","state":"committed","detail":""}})");
  for (const auto& [key, value] : contract.items())
    EXPECT_EQ(j.at(key), value) << key;
  EXPECT_EQ(j.at("rejected_messages"), 0);
  EXPECT_EQ(j.at("dropped_events"), 0);
  EXPECT_EQ(j.at("redemptions_paused"), false);
  EXPECT_FALSE(j.contains("config_error"));
}

TEST(DeviceState, OptionalFieldsAppearOnlyWhenSet) {
  auto s = example();
  s.update.reset();
  s.config_error = ConfigError{8, "offers.max_on_screen: must be 1..8"};
  s.dropped_events = 12;
  s.rejected_messages = 3;
  s.redemptions_paused = true;
  const auto j = json::parse(state_payload(s));
  EXPECT_FALSE(j.contains("update"));
  EXPECT_EQ(j.at("config_error"),
            json::parse(R"({"config_ver":8,"error":"offers.max_on_screen: must be 1..8"})"));
  EXPECT_EQ(j.at("dropped_events"), 12);
  EXPECT_EQ(j.at("rejected_messages"), 3);
  EXPECT_EQ(j.at("redemptions_paused"), true);
}

TEST(DeviceState, EqualStatesGiveEqualPayloads) {
  EXPECT_EQ(state_payload(example()), state_payload(example()));
  auto other = example();
  other.outbox = 1;
  EXPECT_NE(state_payload(example()), state_payload(other));
}

TEST(DeviceState, LastWill) {
  EXPECT_EQ(
      json::parse(offline_payload("PL-WAW-001-edge1", "PL-WAW-001")),
      json::parse(R"({"device":"PL-WAW-001-edge1","store":"PL-WAW-001","status":"offline"})"));
}

TEST(StateRateLimit, Table) {
  using K = StatePublishDecision::Kind;
  const PublishedState last{"A", at_ms(1000)};
  struct Case {
    const char* name;
    std::optional<PublishedState> last;
    const char* payload;
    long long now;
    StatePublishDecision expected;
  };
  const std::vector<Case> cases = {
      {"birth after connect", std::nullopt, "A", 0, {K::kPublishNow, at_ms(0)}},
      {"unchanged", last, "A", 5000, {K::kNothing, {}}},
      {"changed after a second", last, "B", 2000, {K::kPublishNow, at_ms(2000)}},
      {"changed too soon", last, "B", 1500, {K::kScheduleAt, at_ms(2000)}},
      {"changed at once", last, "B", 1000, {K::kScheduleAt, at_ms(2000)}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(decide_state_publish(c.last, c.payload, at_ms(c.now)), c.expected);
  }
}

}  // namespace
}  // namespace device_state_test
}  // namespace witryna::sync::core
