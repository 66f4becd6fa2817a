// The outbox: numbering, same-transaction writes, acks, bounded drops.
#include <gtest/gtest.h>

#include "edge/store/outbox_usage.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace outbox_test {
namespace {

using nlohmann::json;
using test::at;
using test::must;

domain::Event event(const char* type, const char* when = "2026-11-22T10:00:00.123Z",
                    json fields = json::object()) {
  return domain::Event{type, at(when), std::move(fields)};
}

std::int64_t append(Database& db, const domain::Event& e) {
  auto tx = must(Transaction::begin(db));
  const auto stored = must(append_event(tx, e));
  must(tx.commit());
  return stored.n;
}

class OutboxTest : public test::StoreTest {};

TEST_F(OutboxTest, EventsAreSerializedOnceInContractForm) {
  auto db = open();
  auto tx = must(Transaction::begin(db));
  const auto stored =
      must(append_event(tx, event("code.redeemed", "2026-11-22T10:00:00.123Z",
                                  {{"till", "T2"}, {"customer", "C-000123"}, {"offline", false}})));
  must(tx.commit());
  EXPECT_EQ(stored.n, 1);
  EXPECT_EQ(stored.type, "code.redeemed");
  EXPECT_EQ(stored.json, R"({"n":1,"type":"code.redeemed","at":"2026-11-22T10:00:00.123Z",)"
                         R"("customer":"C-000123","offline":false,"till":"T2"})");
  const auto pending = must(pending_events(db, 0, 10));
  ASSERT_EQ(pending.size(), 1U);
  EXPECT_EQ(pending[0].json, stored.json);
  EXPECT_EQ(pending[0].n, 1);
}

// What a scan's transaction stores: its events in order, numbered as one
// append_event after another would number them, each with the same text.
TEST_F(OutboxTest, SeveralEventsAreNumberedInOrderAsSingleAppendsWouldBe) {
  const std::vector<domain::Event> events = {
      event("scan", "2026-11-22T10:00:00.001Z", {{"customer", "C-1"}, {"kind", "card"}}),
      event("offers.shown", "2026-11-22T10:00:00.002Z", {{"offers", {"OF-1", "OF-2"}}}),
      event("alternative.suggested", "2026-11-22T10:00:00.003Z", {{"sku", "S"}})};
  auto single = open();
  append(single, event("code.redeemed"));
  std::vector<std::string> expected;
  for (const auto& e : events) {
    auto tx = must(Transaction::begin(single));
    expected.push_back(must(append_event(tx, e)).json);
    must(tx.commit());
  }

  witryna::test::TempDir other_dir;
  auto db = must(open_store(other_dir.path() / "edge.db"));
  append(db, event("code.redeemed"));
  {
    auto tx = must(Transaction::begin(db));
    must(append_events(tx, events));
    must(append_events(tx, {}));
    must(tx.commit());
  }
  const auto pending = must(pending_events(db, 1, 10));
  ASSERT_EQ(pending.size(), 3U);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    EXPECT_EQ(pending[i].n, static_cast<std::int64_t>(i) + 2);
    EXPECT_EQ(pending[i].json, expected[i]);
  }
  EXPECT_EQ(must(outbox_stats(db)).last_n, 4);
  EXPECT_EQ(append(db, event("scan")), 5);

  // One bad event: refused before any is numbered.
  {
    auto tx = must(Transaction::begin(db));
    const std::vector<domain::Event> bad = {event("scan"),
                                            event("scan", "2026-11-22T10:00:00Z", {{"n", 1}})};
    const auto refused = append_events(tx, bad);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, errc::kInvalidValue);
    must(tx.commit());
  }
  EXPECT_EQ(must(outbox_stats(db)).last_n, 5);
  EXPECT_EQ(must(outbox_stats(db)).count, 5);
}

TEST_F(OutboxTest, FieldsMustNotShadowTheEnvelope) {
  auto db = open();
  auto tx = must(Transaction::begin(db));
  for (const char* key : {"n", "type", "at"}) {
    auto r = append_event(tx, event("scan", "2026-11-22T10:00:00Z", {{key, 1}}));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error(), (Error{std::string(errc::kInvalidValue), std::string("fields.") + key}));
  }
  EXPECT_FALSE(append_event(tx, event("scan", "2026-11-22T10:00:00Z", json::array())).has_value());
  EXPECT_FALSE(append_event(tx, event("")).has_value());
  const auto plain = must(append_event(tx, domain::Event{"scan", {}, nullptr}));
  EXPECT_EQ(plain.json, R"({"n":1,"type":"scan","at":"1970-01-01T00:00:00.000Z"})");
}

TEST_F(OutboxTest, CounterIsMonotonicAcrossCloseAndReopen) {
  std::int64_t last = 0;
  for (int run = 0; run < 3; ++run) {
    auto db = open();
    for (int i = 0; i < 4; ++i) {
      const auto n = append(db, event("scan"));
      EXPECT_EQ(n, last + 1);
      last = n;
    }
  }
  EXPECT_EQ(last, 12);
}

TEST_F(OutboxTest, CounterSurvivesDeletingEveryRow) {
  auto db = open();
  for (int i = 0; i < 5; ++i)
    append(db, event("scan"));
  EXPECT_EQ(must(ack_upto(db, 5)), 5);
  EXPECT_EQ(must(outbox_stats(db)).count, 0);
  EXPECT_EQ(append(db, event("scan")), 6);
  must(ack_upto(db, 100));
  auto reopened = open();
  EXPECT_EQ(append(reopened, event("scan")), 7);
  EXPECT_EQ(must(outbox_stats(reopened)).last_n, 7);
}

TEST_F(OutboxTest, ARolledBackChangeLeavesNoEvent) {
  auto db = open();
  {
    auto tx = must(Transaction::begin(db));
    must(record_points_receipt(tx, {"R-1", "C-1", 10, 0, at("2026-11-22T10:00:00Z")}));
    must(append_event(tx, event("points.accrued")));
    // no commit: the change and its event go together
  }
  EXPECT_TRUE(must(pending_events(db, 0, 10)).empty());
  EXPECT_FALSE(must(points_receipt_seen(db, "R-1")));
  // The unpublished number was never used: the next event may take it.
  EXPECT_EQ(append(db, event("scan")), 1);
}

TEST_F(OutboxTest, PendingEventsPageInOrderAndAcksAreCumulative) {
  auto db = open();
  for (int i = 0; i < 10; ++i)
    append(db, event("scan"));
  const auto first = must(pending_events(db, 0, 3));
  ASSERT_EQ(first.size(), 3U);
  EXPECT_EQ(first[0].n, 1);
  EXPECT_EQ(first[2].n, 3);
  const auto next = must(pending_events(db, 3, 100));
  ASSERT_EQ(next.size(), 7U);
  EXPECT_EQ(next.front().n, 4);
  EXPECT_EQ(must(ack_upto(db, 4)), 4);
  EXPECT_EQ(must(ack_upto(db, 4)), 0);
  const auto left = must(pending_events(db, 0, 100));
  ASSERT_EQ(left.size(), 6U);
  EXPECT_EQ(left.front().n, 5);
}

TEST_F(OutboxTest, StatsReportCountBytesAndOldest) {
  auto db = open();
  EXPECT_EQ(must(outbox_stats(db)).count, 0);
  EXPECT_FALSE(must(outbox_stats(db)).oldest_at.has_value());
  append(db, event("scan", "2026-11-22T10:00:05.000Z"));
  append(db, event("scan", "2026-11-22T10:00:01.000Z"));
  const auto stats = must(outbox_stats(db));
  EXPECT_EQ(stats.count, 2);
  std::int64_t bytes = 0;
  for (const auto& e : must(pending_events(db, 0, 10))) {
    bytes += static_cast<std::int64_t>(e.json.size());
  }
  EXPECT_EQ(stats.bytes, bytes);
  ASSERT_TRUE(stats.oldest_at.has_value());
  EXPECT_EQ(format_rfc3339(*stats.oldest_at), "2026-11-22T10:00:01.000Z");
}

TEST_F(OutboxTest, OldestIsTheOlderOfTheDroppableAndTheKeptEvents) {
  auto db = open();
  append(db, event("scan", "2026-11-22T10:00:05.000Z"));  // n 1, droppable
  EXPECT_EQ(format_rfc3339(*must(outbox_stats(db)).oldest_at), "2026-11-22T10:00:05.000Z");
  append(db, event("code.redeemed", "2026-11-22T10:00:03.000Z"));  // n 2, kept
  EXPECT_EQ(format_rfc3339(*must(outbox_stats(db)).oldest_at), "2026-11-22T10:00:03.000Z");
  append(db, event("scan", "2026-11-22T10:00:01.000Z"));  // n 3: the clock stepped back
  EXPECT_EQ(format_rfc3339(*must(outbox_stats(db)).oldest_at), "2026-11-22T10:00:01.000Z");
  must(execute(db, "DELETE FROM outbox WHERE droppable = 1"));
  EXPECT_EQ(format_rfc3339(*must(outbox_stats(db)).oldest_at), "2026-11-22T10:00:03.000Z");
  must(ack_upto(db, 3));
  EXPECT_FALSE(must(outbox_stats(db)).oldest_at.has_value());
  append(db, event("scan", "2026-11-22T10:00:09.000Z"));  // only droppable left
  EXPECT_EQ(format_rfc3339(*must(outbox_stats(db)).oldest_at), "2026-11-22T10:00:09.000Z");
}

TEST_F(OutboxTest, TotalsKeptByTriggersEqualARecountThroughAppendsAcksAndDrops) {
  auto db = open();
  auto recount = [&db] {
    OutboxUsage u;
    u.events = must(query_int(db, "SELECT count(*) FROM outbox")).value_or(0);
    u.bytes = must(query_int(db, "SELECT coalesce(sum(bytes), 0) FROM outbox")).value_or(0);
    u.droppable_events =
        must(query_int(db, "SELECT count(*) FROM outbox WHERE droppable = 1")).value_or(0);
    u.droppable_bytes =
        must(query_int(db, "SELECT coalesce(sum(bytes), 0) FROM outbox WHERE droppable = 1"))
            .value_or(0);
    return u;
  };
  auto expect_consistent = [&](const char* when) {
    const auto kept = must(outbox_usage(db));
    const auto counted = recount();
    EXPECT_EQ(kept.events, counted.events) << when;
    EXPECT_EQ(kept.bytes, counted.bytes) << when;
    EXPECT_EQ(kept.droppable_events, counted.droppable_events) << when;
    EXPECT_EQ(kept.droppable_bytes, counted.droppable_bytes) << when;
    EXPECT_EQ(must(outbox_stats(db)).count, counted.events) << when;
  };
  expect_consistent("empty");
  for (int i = 0; i < 30; ++i) {
    append(db, event(i % 3 == 0   ? "code.redeemed"
                     : i % 3 == 1 ? "scan"
                                  : "offers.shown",
                     "2026-11-22T10:00:00.000Z", {{"i", i}}));
  }
  expect_consistent("after appends");
  {
    auto tx = must(Transaction::begin(db));
    must(append_event(tx, event("scan")));
  }  // rolled back: the totals too
  expect_consistent("after a rollback");
  must(ack_upto(db, 10));
  expect_consistent("after an ack");
  {
    auto tx = must(Transaction::begin(db));
    must(drop_oldest_droppable(tx, 200));
    must(tx.commit());
  }
  expect_consistent("after a drop");
  const auto usage = must(outbox_usage(db));
  EXPECT_GT(usage.events, 0);
  EXPECT_TRUE(usage.oldest_kept.has_value());
}

TEST_F(OutboxTest, OnlyOffersShownAndScanAreDroppedOldestFirst) {
  auto db = open();
  const std::vector<const char*> types = {"code.redeemed",   "scan", "offers.shown",
                                          "consent.changed", "scan", "points.accrued",
                                          "offers.shown"};
  for (const auto* t : types)
    append(db, event(t));
  const auto one = must(pending_events(db, 1, 1)).front();  // n = 2, a scan
  const auto bytes_of_one = static_cast<std::int64_t>(one.json.size());
  {
    auto tx = must(Transaction::begin(db));
    const auto r = must(drop_oldest_droppable(tx, bytes_of_one + 1));  // needs two
    must(tx.commit());
    EXPECT_EQ(r.dropped, 2);
    EXPECT_GE(r.bytes_freed, bytes_of_one + 1);
    EXPECT_EQ(r.dropped_total, 2);
  }
  std::vector<std::int64_t> left;
  for (const auto& e : must(pending_events(db, 0, 100)))
    left.push_back(e.n);
  EXPECT_EQ(left, (std::vector<std::int64_t>{1, 4, 5, 6, 7}));
  {
    auto tx = must(Transaction::begin(db));
    const auto r = must(drop_oldest_droppable(tx, 1'000'000));
    must(tx.commit());
    EXPECT_EQ(r.dropped, 2);
    EXPECT_EQ(r.dropped_total, 4);
  }
  std::vector<std::string> kept;
  for (const auto& e : must(pending_events(db, 0, 100)))
    kept.push_back(e.type);
  EXPECT_EQ(kept, (std::vector<std::string>{"code.redeemed", "consent.changed", "points.accrued"}));
  auto reopened = open();
  EXPECT_EQ(must(outbox_stats(reopened)).dropped_total, 4);
}

}  // namespace
}  // namespace outbox_test
}  // namespace witryna::store
