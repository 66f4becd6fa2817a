// Items parsed beforehand (core::ParsedItems) applied in ranges: the body is
// the item's text as received, and what the store reads back is the item.
#include <gtest/gtest.h>

#include <string>

#include "edge/core/codec/message_codec.hpp"
#include "edge/core/codec/profile_codec.hpp"
#include "edge/store/db/sql.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store::test {
namespace received_apply_test {
namespace {

using nlohmann::json;

class ReceivedApplyTest : public StoreTest {
 protected:
  core::ParsedItems parsed(const std::string& payload) {
    auto message = core::parse_message_text(payload);
    if (!message) throw std::runtime_error("parse: " + message.error().code);
    return std::move(message->items);
  }
  std::string body_of(Database& db, const std::string& customer) {
    auto q = must(query(db, "SELECT body FROM profiles WHERE customer = ?1", customer));
    EXPECT_TRUE(must(q->step()));
    return std::string(q->column_text(0));
  }
};

TEST_F(ReceivedApplyTest, TheBodyIsTheTextAsReceivedAndReadsBackAsTheItem) {
  auto db = open();
  // Spaces, key order and a field this device does not know: kept as sent.
  const std::string text =
      R"({ "ver": 4, "customer": "C-000123", "name": "Anna", "future_field": [1, 2],)"
      R"( "cards": ["2900000123458"], "points": {"balance": 5, "ver": 9}})";
  const auto items = parsed(R"({"stream":"profiles","seq":1,"items":[)" + text + "]}");
  {
    auto tx = must(Transaction::begin(db));
    const auto range = must(apply_received(tx, core::Stream::kProfiles,
                                           ApplyContext::live(1, at("2026-11-22T10:00:00Z")), items,
                                           0, items.size()));
    EXPECT_EQ(range.next, 1U);
    EXPECT_EQ(range.counts.applied, 1);
    must(tx.commit());
  }
  EXPECT_EQ(body_of(db, "C-000123"), text);
  const auto stored = must(load_profile(db, "C-000123"));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, core::parse_profile_item(json::parse(text)).value().value);
  EXPECT_EQ(stored->points.ver, 9);
  // The card index comes from the parsed item, as before.
  EXPECT_EQ(must(customer_for_card(db, "2900000123458")), std::optional<std::string>("C-000123"));
}

TEST_F(ReceivedApplyTest, ARangeStopsWhenAskedAndGoesOnFromWhereItStopped) {
  auto db = open();
  std::string payload = R"({"stream":"stock","seq":1,"items":[)";
  for (int i = 0; i < 10; ++i) {
    if (i > 0) payload += ",";
    payload += json{{"sku", numbered("S", i)}, {"on_hand", i}, {"reserved", 0}, {"ver", 1}}.dump();
  }
  payload += "]}";
  const auto items = parsed(payload);
  const auto ctx = ApplyContext::live(1, at("2026-11-22T10:00:00Z"));
  std::size_t next = 0;
  int calls = 0;
  while (next < items.size()) {
    auto tx = must(Transaction::begin(db));
    int asked = 0;
    // Asked after every item: stops after 3, as a time slice would.
    const auto range = must(apply_received(tx, core::Stream::kStock, ctx, items, next, items.size(),
                                           [&asked] { return ++asked == 3; }));
    EXPECT_EQ(range.next, std::min<std::size_t>(next + 3, items.size()));
    next = range.next;
    must(tx.commit());
    ++calls;
  }
  EXPECT_EQ(calls, 4);
  for (int i = 0; i < 10; ++i) {
    const auto s = must(load_stock(db, numbered("S", i)));
    ASSERT_TRUE(s.has_value()) << i;
    EXPECT_EQ(s->on_hand, i);
  }
}

TEST_F(ReceivedApplyTest, ATombstoneKeepsNoBodyAndAnOlderUpsertStaysOut) {
  auto db = open();
  live(db, core::Stream::kProfiles, 1, json::array({anna(5)}));
  const auto items = parsed(
      R"({"stream":"profiles","seq":2,"items":[{"customer":"C-000123","ver":6,"deleted":true},)" +
      anna(4).dump() + "]}");
  auto tx = must(Transaction::begin(db));
  const auto range = must(apply_received(tx, core::Stream::kProfiles,
                                         ApplyContext::live(2, at("2026-11-22T10:00:00Z")), items,
                                         0, items.size()));
  must(tx.commit());
  EXPECT_EQ(range.counts.tombstoned, 1);
  EXPECT_EQ(range.counts.ignored, 1);
  auto q = must(query(db, "SELECT ver, deleted, body IS NULL FROM profiles WHERE customer = ?1",
                      std::string("C-000123")));
  ASSERT_TRUE(must(q->step()));
  EXPECT_EQ(q->column_int(0), 6);
  EXPECT_EQ(q->column_int(1), 1);
  EXPECT_EQ(q->column_int(2), 1);
  EXPECT_FALSE(must(load_profile(db, "C-000123")).has_value());
}

}  // namespace
}  // namespace received_apply_test
}  // namespace witryna::store::test
