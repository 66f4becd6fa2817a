#include "tools/fleet/core/fleet_payloads.hpp"

#include <gtest/gtest.h>

#include "edge/core/encoding/base64url.hpp"
#include "edge/core/update/manifest.hpp"
#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"
#include "tools/fleet/core/fleet_topics.hpp"
#include "tools/fleet/core/manifest_token.hpp"

namespace witryna::fleet {
namespace fleet_payloads_test {
namespace {

TEST(FleetTopics, TheContractsTopics) {
  auto t = FleetTopics::make("acme");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->state("d1"), "witryna/v1/acme/device/d1/state");
  EXPECT_EQ(t->desired("d1"), "witryna/v1/acme/device/d1/desired");
  EXPECT_EQ(t->update("d1"), "witryna/v1/acme/device/d1/update");
  EXPECT_EQ(t->cmd("d1"), "witryna/v1/acme/device/d1/cmd");
  EXPECT_EQ(t->cmd_result("d1"), "witryna/v1/acme/device/d1/cmd/result");
  EXPECT_EQ(t->group_desired("pl"), "witryna/v1/acme/group/pl/desired");
  EXPECT_EQ(t->group_update("pl"), "witryna/v1/acme/group/pl/update");
  EXPECT_EQ(t->all_states(), "witryna/v1/acme/device/+/state");
  EXPECT_EQ(t->device_of_state("witryna/v1/acme/device/d1/state"), "d1");
  EXPECT_EQ(t->device_of_state("witryna/v1/acme/device/d1/cmd/result"), std::nullopt);
  EXPECT_EQ(t->device_of_state("witryna/v1/other/device/d1/state"), std::nullopt);
  EXPECT_EQ(t->device_of_state("witryna/v1/acme/device//state"), std::nullopt);
  EXPECT_EQ(t->device_of_state("witryna/v1/acme/device/a/b/state"), std::nullopt);
  EXPECT_FALSE(FleetTopics::make("ac/me"));
  EXPECT_FALSE(FleetTopics::make(""));
}

TEST(Payloads, DesiredConfiguration) {
  const auto j = nlohmann::json::parse(R"({"offers":{"max_on_screen":4}})");
  EXPECT_EQ(*desired_payload(8, j), R"({"config":{"offers":{"max_on_screen":4}},"config_ver":8})");
  EXPECT_FALSE(desired_payload(0, j));
  EXPECT_FALSE(desired_payload(1, nlohmann::json::array()));
}

TEST(Payloads, CommandsTheDeviceParses) {
  const auto shot = command_payload("screenshot", "id-1", "kiosk-1");
  ASSERT_TRUE(shot);
  const auto parsed = sync::core::parse_command(*shot);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->kind, sync::core::Command::Kind::kScreenshot);
  EXPECT_EQ(parsed->id, "id-1");
  EXPECT_EQ(parsed->screen, "kiosk-1");
  EXPECT_EQ(sync::core::parse_command(*command_payload("restart", "id-2"))->kind,
            sync::core::Command::Kind::kRestart);
  EXPECT_FALSE(command_payload("format-disk", "id"));
  EXPECT_FALSE(command_payload("resync", ""));
  EXPECT_FALSE(command_payload("screenshot", "id"));
}

TEST(Payloads, CommandResultsTheDeviceWrites) {
  sync::core::CommandResult sent{"id-1", true, "", std::string("iVBORw0KGgo=")};
  const auto got = parse_command_result(sync::core::command_result_payload(sent));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, "id-1");
  EXPECT_TRUE(got->ok);
  EXPECT_EQ(got->png_base64, sent.png_base64);
  const auto no = parse_command_result(R"({"id":"x","ok":false,"detail":"no such screen"})");
  ASSERT_TRUE(no);
  EXPECT_FALSE(no->ok);
  EXPECT_EQ(no->detail, "no such screen");
  EXPECT_FALSE(parse_command_result(R"({"ok":true})"));
  EXPECT_FALSE(parse_command_result(R"({"id":"x"})"));
  EXPECT_FALSE(parse_command_result(R"({"id":"x","ok":"yes"})"));
  EXPECT_FALSE(parse_command_result("nope"));
}

TEST(Base64, DecodesStandardPaddedText) {
  struct Case {
    const char* text;
    bool ok;
    const char* bytes;
  };
  const Case cases[] = {{"", true, ""},
                        {"Zg==", true, "f"},
                        {"Zm8=", true, "fo"},
                        {"Zm9v", true, "foo"},
                        {"Zm9v\nYmFy", true, "foobar"},
                        {"Zm9", false, ""},
                        {"Zm9v=", false, ""},
                        {"Z===", false, ""},
                        {"Zm-v", false, ""},
                        {"Zg==Zg==", false, ""}};
  for (const auto& c : cases) {
    const auto r = base64_decode(c.text);
    EXPECT_EQ(r.has_value(), c.ok) << c.text;
    if (r && c.ok) {
      EXPECT_EQ(*r, c.bytes) << c.text;
    }
  }
}

TEST(Png, RecognisesTheSignature) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  EXPECT_TRUE(looks_like_png(png + "rest"));
  EXPECT_FALSE(looks_like_png(png.substr(0, 12)));
  EXPECT_FALSE(looks_like_png("GIF89a.........."));
}

TEST(ManifestToken, ReadsTheClaimsAndRefusesBrokenTokens) {
  const std::string claims = R"({"typ":"update","id":"upd-7","version":"1.5.0","iat":1795000000,)"
                             R"("artifact":{"url":"https://u/a.tar","sha256":")" +
                             std::string(64, 'a') + R"(","size":10},"health_timeout_s":60})";
  const std::string token = core::base64url_encode(core::eddsa_header_json("fleet-1")) + "." +
                            core::base64url_encode(claims) + "." +
                            core::base64url_encode(std::string(64, 'x'));
  const auto m = read_manifest_token(token + "\n");
  ASSERT_TRUE(m) << m.error().code << " " << m.error().context;
  EXPECT_EQ(m->id, "upd-7");
  EXPECT_EQ(m->version.to_string(), "1.5.0");
  EXPECT_EQ(m->kid, "fleet-1");
  EXPECT_EQ(m->health_timeout_s, 60);
  EXPECT_EQ(read_manifest_token("a.b").error().code, "bad_signature");
  const std::string bad_claims = core::base64url_encode(core::eddsa_header_json("k")) + "." +
                                 core::base64url_encode(R"({"typ":"update"})") + ".AA";
  EXPECT_EQ(read_manifest_token(bad_claims).error().code, "malformed");
}

}  // namespace
}  // namespace fleet_payloads_test
}  // namespace witryna::fleet
