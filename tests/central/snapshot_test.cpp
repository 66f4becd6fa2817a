#include "tools/central/snapshot.hpp"

#include <gtest/gtest.h>

#include "edge/core/codec/envelope_codec.hpp"

namespace witryna::central {
namespace snapshot_test {
namespace {

std::vector<Json> items(int n) {
  std::vector<Json> out;
  for (int i = 0; i < n; ++i)
    out.push_back({{"sku", "S" + std::to_string(i)}, {"ver", 1}});
  return out;
}

TEST(SnapshotTest, CutsIntoNumberedPartsThatTheDeviceParses) {
  const SnapshotSpec spec{Stream::kStock, "s-7", 1042, 4};
  const auto parts = cut_snapshot(spec, items(10));
  ASSERT_EQ(parts.size(), 3u);
  std::size_t total = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    auto parsed = core::parse_envelope(parts[p]);
    ASSERT_TRUE(parsed) << parsed.error().code << " " << parsed.error().context;
    ASSERT_TRUE(parsed->snapshot);
    EXPECT_EQ(parsed->snapshot->id, "s-7");
    EXPECT_EQ(parsed->snapshot->part, static_cast<std::int64_t>(p + 1));
    EXPECT_EQ(parsed->snapshot->parts, 3);
    EXPECT_EQ(parsed->snapshot->upto_seq, 1042);
    EXPECT_FALSE(parts[p].contains("seq"));
    total += parsed->items.size();
  }
  EXPECT_EQ(total, 10u);
  EXPECT_EQ(parts[2]["items"].size(), 2u);
  EXPECT_EQ(parts[0]["items"][0]["sku"], "S0");
  EXPECT_EQ(parts[2]["items"][1]["sku"], "S9");
}

TEST(SnapshotTest, ExactMultipleHasNoEmptyTail) {
  const auto parts = cut_snapshot({Stream::kStock, "s-1", 3, 5}, items(10));
  EXPECT_EQ(parts.size(), 2u);
}

TEST(SnapshotTest, EmptySetIsStillOnePart) {
  const auto parts = cut_snapshot({Stream::kReservations, "s-2", 0, 500}, {});
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0]["snapshot"]["parts"], 1);
  EXPECT_TRUE(parts[0]["items"].empty());
  EXPECT_EQ(parts[0]["stream"], "reservations");
}

}  // namespace
}  // namespace snapshot_test
}  // namespace witryna::central
