#include "tools/fleet/core/device_report.hpp"

#include <gtest/gtest.h>

#include "sync/core/device_state.hpp"

namespace witryna::fleet {
namespace device_report_test {
namespace {

TEST(DeviceReport, ReadsWhatTheDevicesWrite) {
  sync::core::DeviceState s;
  s.device = "PL-WAW-001-edge1";
  s.store = "PL-WAW-001";
  s.version = "1.4.2";
  s.config_ver = 7;
  s.outbox = 3;
  s.update = sync::core::UpdateStatus{"upd-42", "downloading", "42%"};
  s.config_error = sync::core::ConfigError{8, "offers.max_on_screen: must be 1..12"};
  const auto r = parse_device_report(sync::core::state_payload(s));
  ASSERT_TRUE(r) << r.error().code << " " << r.error().context;
  EXPECT_EQ(r->state.device, s.device);
  EXPECT_EQ(r->state.store, s.store);
  EXPECT_EQ(r->state.version, "1.4.2");
  EXPECT_EQ(r->state.config_ver, 7);
  EXPECT_EQ(r->state.outbox, 3);
  EXPECT_EQ(r->state.update, s.update);
  EXPECT_EQ(r->state.config_error, s.config_error);
  EXPECT_EQ(r->percent, 42);
  EXPECT_TRUE(r->online());
}

TEST(DeviceReport, ReadsTheLastWill) {
  const auto r = parse_device_report(sync::core::offline_payload("d1", "s1"));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->online());
  EXPECT_FALSE(r->state.update);
}

TEST(DeviceReport, PercentFromAFieldOrTheDetail) {
  struct Case {
    const char* payload;
    std::optional<int> percent;
  };
  const Case cases[] = {
      {R"({"device":"d","update":{"id":"u","state":"downloading","detail":"7%"}})", 7},
      {R"({"device":"d","update":{"id":"u","state":"downloading","percent":55}})", 55},
      {R"({"device":"d","update":{"id":"u","state":"downloading","detail":"resuming"}})",
       std::nullopt},
      {R"({"device":"d","update":{"id":"u","state":"downloading","detail":"170%"}})", std::nullopt},
      {R"({"device":"d","update":{"id":"u","state":"verifying","detail":"7%"}})", std::nullopt},
  };
  for (const auto& c : cases) {
    const auto r = parse_device_report(c.payload);
    ASSERT_TRUE(r) << c.payload;
    EXPECT_EQ(r->percent, c.percent) << c.payload;
  }
}

TEST(DeviceReport, RefusesWhatIsNotAState) {
  const char* cases[] = {
      "",
      "not json",
      "[1,2]",
      R"({"store":"s"})",
      R"({"device":""})",
      R"({"device":7})",
      R"({"device":"d","config_ver":"7"})",
      R"({"device":"d","update":"committed"})",
      R"({"device":"d","update":{"state":3}})",
  };
  for (const char* c : cases)
    EXPECT_FALSE(parse_device_report(c)) << c;
  EXPECT_FALSE(parse_device_report(std::string(70 * 1024, ' ')));
}

TEST(DeviceReport, IgnoresUnknownFieldsAndABadClock) {
  const auto r =
      parse_device_report(R"({"device":"d","since":"yesterday","future_field":{"x":1}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state.device, "d");
}

}  // namespace
}  // namespace device_report_test
}  // namespace witryna::fleet
