#include "display/model/actions.hpp"

#include <gtest/gtest.h>

namespace witryna::display {
namespace actions_test {
namespace {

using nlohmann::json;

TEST(Hello, KioskAndCheckout) {
  EXPECT_EQ(
      hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}),
      json::parse(R"({"hello":{"screen":"kiosk-1","role":"kiosk","till":null,"protocol":1}})"));
  EXPECT_EQ(
      hello_message(Hello{"till-2", Role::kCheckout, "T2"}),
      json::parse(R"({"hello":{"screen":"till-2","role":"checkout","till":"T2","protocol":1}})"));
}

TEST(Actions, ShapesOfScreenApi) {
  struct Case {
    json got;
    const char* want;
  };
  const Case cases[] = {
      {action::scan("2900000123458"), R"({"action":"scan","payload":"2900000123458"})"},
      {action::code_enter("7K3M-9Q2D-J"), R"({"action":"code.enter","code":"7K3M-9Q2D-J"})"},
      {action::redeem_confirm("TK-1"), R"({"action":"redeem.confirm","ticket":"TK-1"})"},
      {action::redeem_cancel("TK-1"), R"({"action":"redeem.cancel","ticket":"TK-1"})"},
      {action::pickup_confirm("R-9001"), R"({"action":"pickup.confirm","reservation":"R-9001"})"},
      {action::offer_accept("OF-1"), R"({"action":"offer.accept","offer":"OF-1"})"},
      {action::consent_set({{"marketing", true}}),
       R"({"action":"consent.set","consents":{"marketing":true}})"},
      {action::preferences_set({{"sizes", {"M"}}}),
       R"({"action":"preferences.set","preferences":{"sizes":["M"]}})"},
      {action::purchase("RC-77", 24999, "PLN"),
       R"({"action":"purchase","receipt":"RC-77","amount_minor":24999,"currency":"PLN"})"},
      {action::session_end(), R"({"action":"session.end"})"},
      {action::screenshot_result("shot-1", "iVBO"),
       R"({"action":"screenshot.result","id":"shot-1","png_base64":"iVBO"})"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(c.got, json::parse(c.want)) << c.want;
}

TEST(Role, FromString) {
  EXPECT_EQ(role_from("kiosk"), Role::kKiosk);
  EXPECT_EQ(role_from("checkout"), Role::kCheckout);
  EXPECT_FALSE(role_from("till"));
}

}  // namespace
}  // namespace actions_test
}  // namespace witryna::display
