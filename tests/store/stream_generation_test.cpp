// Stream generations: move on every change a stream makes, and only then.
#include "edge/store/stream_generation.hpp"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace stream_generation_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::must;

json stock(const char* sku, int ver, int on_hand) {
  return {{"sku", sku}, {"on_hand", on_hand}, {"reserved", 0}, {"ver", ver}};
}

class StreamGenerationTest : public test::StoreTest {};

TEST_F(StreamGenerationTest, MovesWhenAStreamChangesItsRowsAndOnlyThen) {
  auto db = open();
  EXPECT_EQ(must(stream_generation(db, Stream::kStock)), 0);
  live(db, Stream::kStock, 1, json::array({stock("S-1", 1, 3)}));
  const auto after_first = must(stream_generation(db, Stream::kStock));
  EXPECT_GT(after_first, 0);

  // Not newer: nothing written, nothing moves.
  live(db, Stream::kStock, 2, json::array({stock("S-1", 1, 9)}));
  EXPECT_EQ(must(stream_generation(db, Stream::kStock)), after_first);

  // Another stream's change leaves this one alone.
  live(db, Stream::kProfiles, 1, json::array({test::anna(1)}));
  EXPECT_EQ(must(stream_generation(db, Stream::kStock)), after_first);
  EXPECT_EQ(must(stream_generation(db, Stream::kCatalog)), 0);

  // A tombstone is a change.
  live(db, Stream::kStock, 3, json::array({{{"sku", "S-1"}, {"ver", 2}, {"deleted", true}}}));
  EXPECT_GT(must(stream_generation(db, Stream::kStock)), after_first);
}

TEST_F(StreamGenerationTest, SeenFromAnotherConnectionAndCombinedForTheCatalog) {
  auto writer = open();
  auto reader = open();
  const auto before = must(catalog_and_stock_generation(reader));
  live(writer, Stream::kCatalog, 1,
       json::array({{{"kind", "product"},
                     {"sku", "P-1"},
                     {"name", "Dress"},
                     {"category", "dresses"},
                     {"size", "M"},
                     {"price_minor", 100},
                     {"currency", "PLN"},
                     {"ver", 1}}}));
  const auto after_catalog = must(catalog_and_stock_generation(reader));
  EXPECT_GT(after_catalog, before);
  live(writer, Stream::kStock, 1, json::array({stock("P-1", 1, 2)}));
  EXPECT_GT(must(catalog_and_stock_generation(reader)), after_catalog);
}

TEST_F(StreamGenerationTest, SnapshotCompletionThatDeletesMovesIt) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({stock("S-1", 1, 3), stock("S-2", 1, 3)}));
  snapshot(db, Stream::kStock, "snap-1", json::array({stock("S-1", 1, 3)}));
  const auto before = must(stream_generation(db, Stream::kStock));
  // S-2 was not listed and was not written after seq 0: completion deletes it.
  for (;;) {
    auto progress = must(finish_snapshot_step(db, Stream::kStock, "snap-1", 1, 100));
    if (!progress.more) break;
  }
  EXPECT_GT(must(stream_generation(db, Stream::kStock)), before);
}

}  // namespace
}  // namespace stream_generation_test
}  // namespace witryna::store
