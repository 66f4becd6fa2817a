// Topic names of mqtt.md "Names", built and parsed back.
#include "sync/core/topics.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace witryna::sync::core {
namespace topics_test {
namespace {

Topics make_topics() {
  auto t = Topics::make({"acme", "PL-WAW-001", "PL-WAW-001-edge1", {"canary"}});
  EXPECT_TRUE(t.has_value());
  return *t;
}

TEST(Topics, EveryNameOfTheTable) {
  const auto t = make_topics();
  const std::string root = "witryna/v1/acme";
  struct Case {
    std::string built;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {t.stream(Stream::kCatalog), root + "/catalog"},
      {t.stream(Stream::kStock), root + "/store/PL-WAW-001/stock"},
      {t.stream(Stream::kProfiles), root + "/store/PL-WAW-001/profiles"},
      {t.stream(Stream::kReservations), root + "/store/PL-WAW-001/reservations"},
      {t.stream(Stream::kCodes), root + "/store/PL-WAW-001/codes"},
      {t.stream(Stream::kNearby), root + "/nearby/PL-WAW-001"},
      {t.acks(), root + "/store/PL-WAW-001/acks"},
      {t.claims_result(), root + "/store/PL-WAW-001/claims/result"},
      {t.events(), root + "/store/PL-WAW-001/events"},
      {t.resync(), root + "/store/PL-WAW-001/resync"},
      {t.claims(), root + "/store/PL-WAW-001/claims"},
      {t.state(), root + "/device/PL-WAW-001-edge1/state"},
      {t.desired(), root + "/device/PL-WAW-001-edge1/desired"},
      {t.update(), root + "/device/PL-WAW-001-edge1/update"},
      {t.group_desired("canary"), root + "/group/canary/desired"},
      {t.group_update("canary"), root + "/group/canary/update"},
      {t.cmd(), root + "/device/PL-WAW-001-edge1/cmd"},
      {t.cmd_result(), root + "/device/PL-WAW-001-edge1/cmd/result"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(c.built, c.expected);
  EXPECT_EQ(t.root(), root);
}

TEST(Topics, ParsesEveryTopicItBuilds) {
  const auto t = make_topics();
  struct Case {
    std::string topic;
    TopicRef expected;
  };
  std::vector<Case> cases;
  for (const auto s : kAllStreams)
    cases.push_back({t.stream(s), {TopicKind::kStream, s, ""}});
  cases.push_back({t.acks(), {TopicKind::kAcks, std::nullopt, ""}});
  cases.push_back({t.claims_result(), {TopicKind::kClaimsResult, std::nullopt, ""}});
  cases.push_back({t.events(), {TopicKind::kEvents, std::nullopt, ""}});
  cases.push_back({t.resync(), {TopicKind::kResync, std::nullopt, ""}});
  cases.push_back({t.claims(), {TopicKind::kClaims, std::nullopt, ""}});
  cases.push_back({t.state(), {TopicKind::kState, std::nullopt, ""}});
  cases.push_back({t.desired(), {TopicKind::kDesired, std::nullopt, ""}});
  cases.push_back({t.update(), {TopicKind::kUpdate, std::nullopt, ""}});
  cases.push_back({t.group_desired("canary"), {TopicKind::kDesired, std::nullopt, "canary"}});
  cases.push_back({t.group_update("canary"), {TopicKind::kUpdate, std::nullopt, "canary"}});
  cases.push_back({t.cmd(), {TopicKind::kCmd, std::nullopt, ""}});
  cases.push_back({t.cmd_result(), {TopicKind::kCmdResult, std::nullopt, ""}});
  for (const auto& c : cases) {
    SCOPED_TRACE(c.topic);
    const auto parsed = t.parse(c.topic);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, c.expected);
  }
}

TEST(Topics, RejectsTopicsThatAreNotOurs) {
  const auto t = make_topics();
  const std::vector<std::string> foreign = {
      "",
      "witryna",
      "witryna/v1/acme",
      "witryna/v1/acme/",
      "witryna/v2/acme/catalog",
      "witryna/v1/other/catalog",
      "other/v1/acme/catalog",
      "witryna/v1/acme/catalog/",
      "witryna/v1/acme/catalog/x",
      "witryna/v1/acme/store/PL-WAW-002/stock",
      "witryna/v1/acme/store/PL-WAW-001/stock/x",
      "witryna/v1/acme/store/PL-WAW-001/catalog",
      "witryna/v1/acme/store/PL-WAW-001/nearby",
      "witryna/v1/acme/store/PL-WAW-001/unknown",
      "witryna/v1/acme/store/PL-WAW-001/claims/other",
      "witryna/v1/acme/store/PL-WAW-001",
      "witryna/v1/acme/store//stock",
      "witryna/v1/acme/nearby/PL-WAW-002",
      "witryna/v1/acme/nearby",
      "witryna/v1/acme/device/PL-WAW-001-edge2/state",
      "witryna/v1/acme/device/PL-WAW-001-edge1/cmd/other",
      "witryna/v1/acme/device/PL-WAW-001-edge1/other",
      "witryna/v1/acme/group/other/desired",
      "witryna/v1/acme/group/canary/state",
      "witryna/v1/acme/store/+/stock",
      "witryna/v1/acme/#",
      "/witryna/v1/acme/catalog",
  };
  for (const auto& topic : foreign) {
    EXPECT_FALSE(t.parse(topic).has_value()) << topic;
  }
}

TEST(Topics, SubscriptionsAreTheInboundTopics) {
  const auto t = make_topics();
  const auto subs = t.subscriptions();
  EXPECT_EQ(subs.size(), 6U + 2U + 3U + 2U);
  for (const auto& s : subs) {
    const auto parsed = t.parse(s);
    ASSERT_TRUE(parsed.has_value()) << s;
    EXPECT_TRUE(is_inbound(parsed->kind)) << s;
  }
  EXPECT_FALSE(is_inbound(TopicKind::kEvents));
  EXPECT_FALSE(is_inbound(TopicKind::kState));
}

TEST(Topics, InvalidNamesAreConfigErrors) {
  struct Case {
    Identity id;
    const char* field;
  };
  const std::vector<Case> cases = {
      {{"", "S", "D", {}}, "brand"},
      {{"a/b", "S", "D", {}}, "brand"},
      {{"acme", "S+", "D", {}}, "store"},
      {{"acme", "S", "#", {}}, "device"},
      {{"acme", "S", std::string("D\0x", 3), {}}, "device"},
      {{"acme", "S", "D", {"ok", ""}}, "groups"},
  };
  for (const auto& c : cases) {
    const auto t = Topics::make(c.id);
    ASSERT_FALSE(t.has_value()) << c.field;
    EXPECT_EQ(t.error().code, errc::kConfig);
    EXPECT_EQ(t.error().context, c.field);
  }
}

}  // namespace
}  // namespace topics_test
}  // namespace witryna::sync::core
