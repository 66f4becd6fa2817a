#include "tools/central/world_state.hpp"

#include <gtest/gtest.h>

#include "edge/core/codec/envelope_codec.hpp"

namespace witryna::central {
namespace world_state_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

Json stock(const std::string& sku, int on_hand, int ver) {
  return {{"sku", sku}, {"on_hand", on_hand}, {"reserved", 0}, {"ver", ver}};
}

TEST(EntityKeyTest, EveryStreamHasItsKey) {
  EXPECT_EQ(entity_key(Stream::kCatalog, {{"kind", "product"}, {"sku", "A"}}), "product:A");
  EXPECT_EQ(entity_key(Stream::kCatalog, {{"kind", "offer"}, {"offer", "OF-1"}}), "offer:OF-1");
  EXPECT_EQ(entity_key(Stream::kStock, {{"sku", "A"}}), "A");
  EXPECT_EQ(entity_key(Stream::kProfiles, {{"customer", "C-1"}}), "C-1");
  EXPECT_EQ(entity_key(Stream::kReservations, {{"reservation", "R-1"}}), "R-1");
  EXPECT_EQ(entity_key(Stream::kCodes, {{"code_hash", "ab"}}), "ab");
  EXPECT_EQ(entity_key(Stream::kNearby, {{"store", "S"}, {"sku", "A"}}), "S/A");
  EXPECT_EQ(entity_key(Stream::kCatalog, {{"sku", "A"}}), std::nullopt);  // no kind
  EXPECT_EQ(entity_key(Stream::kStock, {{"sku", 5}}), std::nullopt);
  EXPECT_EQ(entity_key(Stream::kNearby, {{"sku", "A"}}), std::nullopt);
}

TEST(WorldStateTest, SeqStartsAtOneAndGrowsByOnePerStream) {
  WorldState world;
  auto first = world.next_message(Stream::kStock, {stock("A", 1, 1)}, kNow);
  auto second = world.next_message(Stream::kStock, {stock("A", 2, 2)}, kNow);
  auto other = world.next_message(Stream::kProfiles, {{{"customer", "C-1"}, {"ver", 1}}}, kNow);
  ASSERT_TRUE(first && second && other);
  EXPECT_EQ((*first)["seq"], 1);
  EXPECT_EQ((*second)["seq"], 2);
  EXPECT_EQ((*other)["seq"], 1);
  EXPECT_EQ(world.seq(Stream::kStock), 2);
  EXPECT_EQ((*first)["sent"], "2026-11-18T11:06:40.000Z");
  // What the device's own parser makes of it.
  auto parsed = core::parse_envelope(*second);
  ASSERT_TRUE(parsed) << parsed.error().code;
  EXPECT_EQ(parsed->stream, Stream::kStock);
  EXPECT_EQ(parsed->seq, 2);
  EXPECT_EQ(parsed->items.size(), 1u);
}

TEST(WorldStateTest, KeylessItemIsRefusedAndTakesNoSeq) {
  WorldState world;
  auto bad = world.next_message(Stream::kStock, {stock("A", 1, 1), Json{{"on_hand", 1}}}, kNow);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::kInvalidValue);
  EXPECT_EQ(world.seq(Stream::kStock), 0);
  EXPECT_EQ(world.find(Stream::kStock, "A"), nullptr);
}

TEST(WorldStateTest, OlderVersionDoesNotReplaceNewer) {
  WorldState world;
  ASSERT_TRUE(*world.put(Stream::kStock, stock("A", 5, 7)));
  EXPECT_FALSE(*world.put(Stream::kStock, stock("A", 1, 6)));
  EXPECT_FALSE(*world.put(Stream::kStock, stock("A", 1, 7)));
  EXPECT_EQ((*world.find(Stream::kStock, "A"))["on_hand"], 5);
  EXPECT_EQ(world.next_ver(Stream::kStock, "A"), 8);
  EXPECT_EQ(world.next_ver(Stream::kStock, "B"), 1);
}

TEST(WorldStateTest, TombstonesAreHeldButNotLive) {
  WorldState world;
  ASSERT_TRUE(world.put(Stream::kProfiles, {{"customer", "C-1"}, {"ver", 1}}));
  ASSERT_TRUE(world.put(Stream::kProfiles, {{"customer", "C-2"}, {"ver", 1}}));
  ASSERT_TRUE(world.put(Stream::kProfiles, {{"customer", "C-1"}, {"ver", 2}, {"deleted", true}}));
  EXPECT_EQ(world.live_count(Stream::kProfiles), 1u);
  ASSERT_EQ(world.live_items(Stream::kProfiles).size(), 1u);
  EXPECT_EQ(world.live_items(Stream::kProfiles)[0]["customer"], "C-2");
  // An older upsert cannot resurrect it.
  EXPECT_FALSE(*world.put(Stream::kProfiles, {{"customer", "C-1"}, {"ver", 1}}));
}

TEST(WorldStateTest, RestoredSeqNeverGoesDown) {
  WorldState world;
  world.restore_seq(Stream::kCodes, 40);
  world.restore_seq(Stream::kCodes, 12);
  EXPECT_EQ(world.seq(Stream::kCodes), 40);
  auto next = world.next_message(Stream::kCodes, {}, kNow);
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["seq"], 41);
}

}  // namespace
}  // namespace world_state_test
}  // namespace witryna::central
