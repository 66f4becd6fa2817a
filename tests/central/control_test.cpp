#include "tools/central/control.hpp"

#include <gtest/gtest.h>

namespace witryna::central {
namespace control_test {
namespace {

TEST(ControlTest, ParsesWordsAndIgnoresCommentsAndBlanks) {
  auto c = parse_control_line("  stock DRS-0042-M-RED 4 1\r\n");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->op, "stock");
  EXPECT_EQ(c->args, (std::vector<std::string>{"DRS-0042-M-RED", "4", "1"}));
  for (const char* nothing : {"", "   ", "# a comment", "  # indented"}) {
    auto n = parse_control_line(nothing);
    ASSERT_TRUE(n) << nothing;
    EXPECT_EQ(n->op, "") << nothing;
  }
}

TEST(ControlTest, PublishKeepsTheJsonWhole) {
  auto c = parse_control_line(R"(publish stock {"sku": "A B", "on_hand": 1, "ver": 9})");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->op, "publish");
  ASSERT_EQ(c->args.size(), 2u);
  EXPECT_EQ(c->args[0], "stock");
  EXPECT_EQ(c->args[1], R"({"sku": "A B", "on_hand": 1, "ver": 9})");
}

TEST(ControlTest, FaultForms) {
  for (const char* ok : {"fault drop", "fault drop 3", "fault drop 3 acks", "fault duplicate all",
                         "fault reorder 2 streams", "fault delay 1500", "fault delay 1500 2 claims",
                         "fault withhold-acks on", "fault silent off", "fault garbage",
                         "fault garbage acks", "fault clear"}) {
    EXPECT_TRUE(parse_control_line(ok)) << ok;
  }
  for (const char* bad : {"fault", "fault explode", "fault drop x", "fault delay", "fault delay x",
                          "fault silent maybe", "fault drop 1 streams extra", "fault clear now"}) {
    auto r = parse_control_line(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, errc::kInvalidValue);
    EXPECT_NE(r.error().context.find("usage"), std::string::npos) << bad;
  }
}

TEST(ControlTest, ArgumentCountsAndNumbersAreChecked) {
  EXPECT_FALSE(parse_control_line("stock A"));
  EXPECT_FALSE(parse_control_line("stock A four"));
  EXPECT_FALSE(parse_control_line("sleep soon"));
  EXPECT_FALSE(parse_control_line("rate stock fast"));
  EXPECT_FALSE(parse_control_line("erase"));
  EXPECT_TRUE(parse_control_line("rate stock 30"));
  EXPECT_TRUE(parse_control_line("reservation"));
  EXPECT_TRUE(parse_control_line("reservation C-000123 DRS-0001-M-RED held"));
  auto unknown = parse_control_line("explode now");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().context.find("unknown command"), std::string::npos);
}

TEST(ControlTest, HelpListsEveryCommand) {
  const std::string help = control_help();
  for (const char* op : {"status", "stock", "reservation", "code", "consent", "erase", "use-code",
                         "rate", "fault", "snapshot", "publish", "sleep", "quit"}) {
    EXPECT_NE(help.find(op), std::string::npos) << op;
  }
}

}  // namespace
}  // namespace control_test
}  // namespace witryna::central
