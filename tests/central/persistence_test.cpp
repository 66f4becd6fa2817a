#include "tools/central/persistence.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace witryna::central {
namespace persistence_test {
namespace {

const TimePoint kNow = from_unix_seconds(1795000000);

TEST(PersistenceTest, BrandJournalAndStateRoundTrip) {
  test::TempDir dir;
  {
    std::ofstream stock(dir / "stock.jsonl");
    stock << R"({"sku":"A","on_hand":1,"reserved":0,"ver":1})"
          << "\n"
          << R"({"sku":"B","on_hand":2,"reserved":0,"ver":1})"
          << "\n";
    std::ofstream codes(dir / "codes.jsonl");
    codes
        << R"({"code_hash":"h1","valid_to":"2027-01-01T00:00:00Z","max_uses":1,"scope":"brand","ver":1})"
        << "\n";
  }
  WorldState world;
  ClaimBook claims;
  EventBook events;
  auto loaded = load_brand(dir.path(), world, claims);
  ASSERT_TRUE(loaded) << loaded.error().context;
  EXPECT_EQ(*loaded, 3u);
  EXPECT_TRUE(claims.knows("h1"));

  // Live changes go to the journal; seqs, acks and uses to state.json.
  ASSERT_TRUE(append_journal(dir / "journal.jsonl", Stream::kStock,
                             {Json{{"sku", "A"}, {"on_hand", 9}, {"reserved", 0}, {"ver", 2}}}));
  ASSERT_TRUE(world.next_message(Stream::kStock, {}, kNow));
  ASSERT_TRUE(world.next_message(Stream::kStock, {}, kNow));
  ASSERT_TRUE(events.receive(R"({"device":"D1","events":[{"n":1},{"n":2},{"n":4}]})"));
  ASSERT_TRUE(claims.use_elsewhere("h1"));
  SavedCounters counters{5};
  ASSERT_TRUE(write_file_atomic(dir / "state.json",
                                state_document(world, events, claims, counters).dump()));

  WorldState world2;
  ClaimBook claims2;
  EventBook events2;
  SavedCounters counters2;
  ASSERT_TRUE(load_brand(dir.path(), world2, claims2));
  auto replayed = replay_journal(dir / "journal.jsonl", world2, claims2);
  ASSERT_TRUE(replayed);
  EXPECT_EQ(*replayed, 1u);
  auto text = read_text_file(dir / "state.json");
  ASSERT_TRUE(text);
  ASSERT_TRUE(restore_state(Json::parse(*text), world2, events2, claims2, counters2));
  EXPECT_EQ(world2.seq(Stream::kStock), 2);
  EXPECT_EQ((*world2.find(Stream::kStock, "A"))["on_hand"], 9);
  EXPECT_EQ(events2.upto("D1"), 4);
  auto dup = events2.receive(R"({"device":"D1","events":[{"n":2},{"n":3}]})");
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->duplicates, std::vector<std::int64_t>{2});
  EXPECT_EQ(claims2.uses("h1"), 1);
  EXPECT_EQ(counters2.snapshots, 5);
}

TEST(PersistenceTest, TornJournalLineIsSkippedAndBadBrandLineNamed) {
  test::TempDir dir;
  {
    std::ofstream journal(dir / "journal.jsonl");
    journal << R"({"stream":"stock","item":{"sku":"A","ver":3}})"
            << "\n"
            << R"({"stream":"sto)";
    std::ofstream stock(dir / "stock.jsonl");
    stock << R"({"sku":"A","ver":1})"
          << "\n"
          << "oops\n";
  }
  WorldState world;
  ClaimBook claims;
  auto replayed = replay_journal(dir / "journal.jsonl", world, claims);
  ASSERT_TRUE(replayed);
  EXPECT_EQ(*replayed, 1u);
  auto loaded = load_brand(dir.path(), world, claims);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, errc::kInvalidJson);
  EXPECT_NE(loaded.error().context.find("stock.jsonl:2"), std::string::npos);
  EXPECT_FALSE(load_brand(dir / "missing", world, claims));
}

}  // namespace
}  // namespace persistence_test
}  // namespace witryna::central
