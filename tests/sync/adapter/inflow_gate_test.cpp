// Backpressure on received messages: the parsing thread waits while the
// owner holds too many bytes, and goes on as soon as holds are given back.
#include "sync/adapter/inflow_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/support/wait.hpp"

namespace witryna::sync {
namespace inflow_gate_test {
namespace {

TEST(InflowGate, HoldsCountUntilTheLastCopyIsGone) {
  auto gate = InflowGate::create(100);
  auto a = gate->enter(60);
  auto copy = a;
  EXPECT_EQ(gate->held(), 60U);
  a.reset();
  EXPECT_EQ(gate->held(), 60U);
  copy.reset();
  EXPECT_EQ(gate->held(), 0U);
  EXPECT_EQ(gate->waits(), 0U);
}

TEST(InflowGate, AMessageLargerThanTheLimitEntersAlone) {
  auto gate = InflowGate::create(10);
  auto big = gate->enter(1000);  // nothing held: never waits
  EXPECT_EQ(gate->held(), 1000U);
  EXPECT_EQ(gate->waits(), 0U);
}

TEST(InflowGate, TheReceiverWaitsWhileFullAndGoesOnWhenReleased) {
  auto gate = InflowGate::create(100);
  auto first = gate->enter(80);
  std::atomic<bool> entered{false};
  InflowGate::Hold second;
  std::thread receiver([&] {
    second = gate->enter(50);  // 80 + 50 > 100: waits
    entered = true;
  });
  ASSERT_TRUE(test::wait_until([&] { return gate->waits() == 1; }));
  EXPECT_FALSE(entered.load());
  first.reset();
  ASSERT_TRUE(test::wait_until([&] { return entered.load(); }));
  receiver.join();
  EXPECT_EQ(gate->held(), 50U);
}

TEST(InflowGate, CloseEndsEveryWait) {
  auto gate = InflowGate::create(10);
  auto held = gate->enter(10);
  std::vector<std::thread> receivers;
  std::atomic<int> entered{0};
  for (int i = 0; i < 3; ++i) {
    receivers.emplace_back([&] {
      auto hold = gate->enter(5);
      ++entered;
    });
  }
  ASSERT_TRUE(test::wait_until([&] { return gate->waits() == 3; }));
  gate->close();
  for (auto& t : receivers)
    t.join();
  EXPECT_EQ(entered.load(), 3);
  // Closed: never waits again.
  auto more = gate->enter(100);
  EXPECT_EQ(gate->waits(), 3U);
}

}  // namespace
}  // namespace inflow_gate_test
}  // namespace witryna::sync
