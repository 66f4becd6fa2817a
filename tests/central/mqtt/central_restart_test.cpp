// A restarted simulator with the same --state-dir continues its seqs, its
// event bookkeeping and its live changes (no broker needed: messages made
// while disconnected wait in the node).

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"
#include "tests/support/test_event_loop.hpp"
#include "tools/central/central_node.hpp"

namespace witryna::central {
namespace central_restart_test {
namespace {

std::unique_ptr<CentralNode> make_node(test::TestEventLoop& loop, const test::TempDir& dir) {
  auto restored = restore_world(dir / "brand", dir / "state");
  EXPECT_TRUE(restored) << restored.error().context;
  NodeOptions options;
  options.state_dir = dir / "state";
  options.mqtt.server_uri = "tcp://127.0.0.1:1";
  options.mqtt.client_id = "central-acme";
  options.log = [](const std::string&) {};
  options.sha256_hex = [](std::string_view text) { return "sha-" + std::string(text); };
  auto topics = central_topics("acme", "PL-WAW-001");
  EXPECT_TRUE(topics);
  return std::make_unique<CentralNode>(loop.io(), options, std::move(*topics),
                                       std::move(restored->world), std::move(restored->claims),
                                       std::move(restored->events), restored->counters);
}

Reply run(CentralNode& node, const std::string& line) {
  auto parsed = parse_control_line(line);
  EXPECT_TRUE(parsed);
  return node.execute(*parsed);
}

TEST(CentralRestartTest, SeqsAndLiveChangesSurviveARestart) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "brand");
  std::filesystem::create_directories(dir / "state");
  {
    std::ofstream catalog(dir / "brand" / "catalog.jsonl");
    catalog << R"({"kind":"product","sku":"A","ver":1})"
            << "\n";
    std::ofstream stock(dir / "brand" / "stock.jsonl");
    stock << R"({"sku":"A","on_hand":1,"reserved":0,"ver":1})"
          << "\n";
  }
  test::TestEventLoop loop;
  {
    auto node = make_node(loop, dir);
    ASSERT_TRUE(run(*node, "stock A 5").ok);
    const Reply second = run(*node, "stock A 6");
    ASSERT_TRUE(second.ok) << second.text;
    EXPECT_NE(second.text.find("stock seq 2"), std::string::npos) << second.text;
  }
  auto node = make_node(loop, dir);
  EXPECT_EQ(node->world().seq(Stream::kStock), 2);
  EXPECT_EQ((*node->world().find(Stream::kStock, "A"))["on_hand"], 6);
  const Reply third = run(*node, "stock A 7");
  ASSERT_TRUE(third.ok) << third.text;
  EXPECT_NE(third.text.find("stock seq 3"), std::string::npos) << third.text;
  EXPECT_EQ((*node->world().find(Stream::kStock, "A"))["ver"], 4);
}

}  // namespace
}  // namespace central_restart_test
}  // namespace witryna::central
