#include "tools/central/faults.hpp"

#include <gtest/gtest.h>

namespace witryna::central {
namespace faults_test {
namespace {

using std::chrono::milliseconds;

Outgoing stream_msg(const std::string& p) {
  return {OutKind::kStream, "t/stock", p};
}
Outgoing ack_msg(const std::string& p) {
  return {OutKind::kAck, "t/acks", p};
}

std::vector<std::string> payloads(const std::vector<Delivery>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    out.push_back(d.message.payload);
  return out;
}

TEST(FaultInjectorTest, NoFaultSendsEverythingOnce) {
  FaultInjector f;
  const auto out = f.route(stream_msg("a"));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].delay, milliseconds(0));
  EXPECT_EQ(out[0].message.payload, "a");
}

TEST(FaultInjectorTest, DropsTheNextCountOfItsTargetOnly) {
  FaultInjector f;
  f.arm({FaultKind::kDrop, 2, FaultTarget::kStreams, milliseconds(0)});
  EXPECT_EQ(payloads(f.route(ack_msg("ack"))), std::vector<std::string>{"ack"});
  EXPECT_TRUE(f.route(stream_msg("a")).empty());
  EXPECT_TRUE(f.route(stream_msg("b")).empty());
  EXPECT_EQ(payloads(f.route(stream_msg("c"))), std::vector<std::string>{"c"});
  EXPECT_EQ(f.armed().kind, FaultKind::kNone);
}

TEST(FaultInjectorTest, DuplicatesAndDelays) {
  FaultInjector f;
  f.arm({FaultKind::kDuplicate, 1, FaultTarget::kAll, milliseconds(0)});
  EXPECT_EQ(payloads(f.route(stream_msg("a"))), (std::vector<std::string>{"a", "a"}));
  EXPECT_EQ(payloads(f.route(stream_msg("b"))), std::vector<std::string>{"b"});
  f.arm({FaultKind::kDelay, 1, FaultTarget::kStreams, milliseconds(1500)});
  const auto delayed = f.route(stream_msg("c"));
  ASSERT_EQ(delayed.size(), 1u);
  EXPECT_EQ(delayed[0].delay, milliseconds(1500));
}

TEST(FaultInjectorTest, ReorderSwapsPairs) {
  FaultInjector f;
  f.arm({FaultKind::kReorder, 1, FaultTarget::kStreams, milliseconds(0)});
  EXPECT_TRUE(f.route(stream_msg("1")).empty());
  EXPECT_TRUE(f.holding());
  EXPECT_EQ(payloads(f.route(stream_msg("2"))), (std::vector<std::string>{"2", "1"}));
  EXPECT_FALSE(f.holding());
  EXPECT_EQ(payloads(f.route(stream_msg("3"))), std::vector<std::string>{"3"});
}

TEST(FaultInjectorTest, HeldMessageCanBeReleased) {
  FaultInjector f;
  f.arm({FaultKind::kReorder, 1, FaultTarget::kStreams, milliseconds(0)});
  EXPECT_TRUE(f.route(stream_msg("1")).empty());
  auto held = f.release_held();
  ASSERT_TRUE(held);
  EXPECT_EQ(held->payload, "1");
  EXPECT_FALSE(f.release_held());
}

TEST(FaultInjectorTest, WithheldAcksAndSilence) {
  FaultInjector f;
  f.set_withhold_acks(true);
  EXPECT_TRUE(f.route(ack_msg("ack")).empty());
  EXPECT_EQ(f.route(stream_msg("a")).size(), 1u);
  f.set_silent(true);
  EXPECT_TRUE(f.route(stream_msg("a")).empty());
  EXPECT_NE(f.describe().find("silent"), std::string::npos);
  f.clear();
  EXPECT_EQ(f.route(ack_msg("ack")).size(), 1u);
  EXPECT_EQ(f.describe(), "no fault armed");
}

}  // namespace
}  // namespace faults_test
}  // namespace witryna::central
