#include "tools/central/event_book.hpp"

#include <gtest/gtest.h>

namespace witryna::central {
namespace event_book_test {
namespace {

std::string batch(const std::string& device, std::initializer_list<int> ns) {
  Json events = Json::array();
  for (int n : ns)
    events.push_back({{"n", n}, {"type", "scan"}, {"at", "2026-11-22T10:00:00Z"}});
  return Json{{"device", device}, {"events", events}}.dump();
}

TEST(RangeSetTest, MergesNeighbours) {
  RangeSet set;
  EXPECT_TRUE(set.insert(1));
  EXPECT_TRUE(set.insert(3));
  EXPECT_TRUE(set.insert(2));
  EXPECT_FALSE(set.insert(2));
  EXPECT_EQ(set.ranges().size(), 1u);
  EXPECT_EQ(set.max(), 3);
  set.insert_range(10, 12);
  set.insert_range(5, 9);
  EXPECT_EQ(set.ranges().size(), 2u);  // 1-3, 5-12
  EXPECT_TRUE(set.contains(7));
  EXPECT_FALSE(set.contains(4));
}

TEST(EventBookTest, AcksCumulativelyAndDropsDuplicates) {
  EventBook book;
  auto first = book.receive(batch("D1", {1, 2, 3}));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->device, "D1");
  EXPECT_EQ(first->fresh.size(), 3u);
  EXPECT_TRUE(first->duplicates.empty());
  EXPECT_EQ(first->ack_upto, 3);

  // The device did not get the ack and sends 2..4 again.
  auto again = book.receive(batch("D1", {2, 3, 4}));
  ASSERT_TRUE(again);
  ASSERT_EQ(again->fresh.size(), 1u);
  EXPECT_EQ(again->fresh[0]["n"], 4);
  EXPECT_EQ(again->duplicates, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(again->ack_upto, 4);
  EXPECT_EQ(book.held("D1"), 4u);

  // Only duplicates: still answered with the ack.
  auto only_old = book.receive(batch("D1", {1}));
  ASSERT_TRUE(only_old);
  EXPECT_TRUE(only_old->fresh.empty());
  EXPECT_EQ(only_old->ack_upto, 4);
}

TEST(EventBookTest, DevicesAreApart) {
  EventBook book;
  ASSERT_TRUE(book.receive(batch("D1", {1, 2})));
  auto other = book.receive(batch("D2", {1}));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->fresh.size(), 1u);  // same n, another device: not a duplicate
  EXPECT_EQ(book.upto("D1"), 2);
  EXPECT_EQ(book.upto("D2"), 1);
}

TEST(EventBookTest, GapIsCountedNotWaitedFor) {
  EventBook book;
  ASSERT_TRUE(book.receive(batch("D1", {1, 2})));
  auto gap = book.receive(batch("D1", {5, 6}));  // 3, 4 dropped by the device's bound
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->gaps, 2);
  EXPECT_EQ(gap->ack_upto, 6);
}

TEST(EventBookTest, BadBatchChangesNothing) {
  EventBook book;
  struct Case {
    std::string payload;
    std::string_view code;
  };
  const Case cases[] = {
      {"{not json", errc::kInvalidJson},
      {R"({"events":[]})", errc::kMissingField},
      {R"({"device":"D1"})", errc::kMissingField},
      {R"({"device":"D1","events":{}})", errc::kWrongType},
      {R"({"device":"D1","events":[{"n":1},{"type":"scan"}]})", errc::kMissingField},
      {R"({"device":"D1","events":[{"n":"1"}]})", errc::kWrongType},
      {R"({"device":"D1","events":[{"n":0}]})", errc::kInvalidValue},
  };
  for (const auto& c : cases) {
    auto result = book.receive(c.payload);
    ASSERT_FALSE(result) << c.payload;
    EXPECT_EQ(result.error().code, c.code) << c.payload;
  }
  EXPECT_EQ(book.upto("D1"), 0);  // {"n":1} of the half-bad batch was not taken
}

}  // namespace
}  // namespace event_book_test
}  // namespace witryna::central
