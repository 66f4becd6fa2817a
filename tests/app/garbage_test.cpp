// Garbage on the real socket, end to end: errors, no crash, other screens unaffected.
#include <gtest/gtest.h>

#include "tests/app/app_world.hpp"

namespace witryna::app::test {
namespace garbage_test {
namespace {

TEST(GarbageTest, JunkBeforeAndAfterHelloGetsErrorsAndOtherScreensGoOn) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");

  // Before hello: an action is refused, the connection is not a screen.
  Screen early(world.socket());
  ASSERT_TRUE(early.client().send_line(R"({"action":"scan","id":1,"payload":"2900000123458"})"));
  auto first = early.client().read_line();
  ASSERT_TRUE(first);
  EXPECT_NE(first->find("error"), std::string::npos) << *first;

  // A checkout that says hello, then sends junk of every kind.
  Screen till(world.socket());
  ASSERT_TRUE(till.hello("checkout-1", "checkout", "T1"));
  ASSERT_TRUE(till.client().send_line("{not json"));
  auto e1 = till.client().read_line();
  ASSERT_TRUE(e1);
  EXPECT_NE(e1->find("invalid_json"), std::string::npos) << *e1;
  auto unknown = till.act("teleport", {});
  EXPECT_EQ(unknown["error"], "unknown_action");
  auto missing = till.act("code.enter", {});  // no `code`
  EXPECT_EQ(missing["error"], "missing_field");
  auto wrong_type = till.act("scan", {{"payload", 42}});
  EXPECT_EQ(wrong_type["error"], "missing_field");
  auto bad_ticket = till.act("redeem.confirm", {{"ticket", "TK-nope"}});
  EXPECT_EQ(bad_ticket["error"], "unknown_ticket");

  // A line over 1 MiB.
  Screen huge(world.socket());
  ASSERT_TRUE(huge.hello("kiosk-2", "kiosk"));
  huge.client().send_raw(std::string(1100 * 1024, 'x') + "\n");

  // The kiosk still works, and so does the checkout.
  ASSERT_EQ(kiosk->act("scan", {{"payload", kAnnaCard}})["ok"], true);
  EXPECT_TRUE(kiosk->view_mode("customer"));
  ASSERT_EQ(till.act("code.enter", {{"code", "7K3M-9Q2D-J"}})["ok"], true);
  // Nothing was recorded for the junk: only the kiosk's scan and its offers.
  EXPECT_EQ(world.events_of("scan").size(), 1u);
  EXPECT_TRUE(world.events_of("code.redeemed").empty());
}

TEST(GarbageTest, ThreeProtocolErrorsInARowCloseThatConnectionOnly) {
  AppWorld world;
  auto kiosk = world.screen("kiosk-1", "kiosk");
  Screen bad(world.socket());
  ASSERT_TRUE(bad.hello("kiosk-2", "kiosk"));
  for (int i = 0; i < 3; ++i)
    bad.client().send_line("][");
  EXPECT_TRUE(bad.client().wait_closed());
  ASSERT_EQ(kiosk->act("scan", {{"payload", kBobCard}})["ok"], true);
  EXPECT_TRUE(kiosk->view_mode("customer"));
}

}  // namespace
}  // namespace garbage_test
}  // namespace witryna::app::test
