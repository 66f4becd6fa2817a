// Right-to-erasure: after a profiles tombstone nothing personal is left.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <vector>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace erasure_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::at;
using test::must;

struct Hit {
  std::string table;
  std::string column;
  std::string value;
};

// Every text cell of every table that contains `needle`.
std::vector<Hit> find_everywhere(Database& db, const std::string& needle) {
  std::vector<std::string> tables;
  {
    auto q = must(query(db, "SELECT name FROM sqlite_master WHERE type = 'table'"));
    while (must(q->step()))
      tables.push_back(q->column_text(0));
  }
  std::vector<Hit> hits;
  for (const auto& t : tables) {
    auto q = must(db.prepare("SELECT * FROM \"" + t + "\""));
    const int columns = sqlite3_column_count(q.handle());
    while (must(q.step())) {
      for (int c = 0; c < columns; ++c) {
        const auto cell = q.column_text(c);
        if (cell.find(needle) != std::string::npos) {
          hits.push_back({t, sqlite3_column_name(q.handle(), c), cell});
        }
      }
    }
  }
  return hits;
}

class ErasureTest : public test::StoreTest {
 protected:
  // Anna with everything the device can hold about her.
  void seed(Database& db) {
    live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));
    auto tx = must(Transaction::begin(db));
    must(increment_shown(tx, "C-000123", "OF-1", at("2026-11-22T10:00:00Z")));
    must(increment_shown(tx, "C-000123", "OF-2", at("2026-11-21T10:00:00Z")));
    must(set_pending_consents(tx, "C-000123", domain::Consents{false, true, true, false}, 5,
                              at("2026-11-22T10:01:00Z")));
    domain::Preferences prefs;
    prefs.sizes = {"L"};
    prefs.pickup_store = "Anna's favourite";
    must(set_pending_preferences(tx, "C-000123", prefs, 5, at("2026-11-22T10:01:00Z")));
    must(record_points_receipt(tx, {"RCPT-1", "C-000123", 120, 88, at("2026-11-22T10:02:00Z")}));
    must(tx.commit());
    // Someone else, who must stay.
    const json other = {
        {"customer", "C-000999"}, {"ver", 1}, {"name", "Basia"}, {"cards", {"2900000000018"}}};
    live(db, Stream::kProfiles, 2, json::array({other}));
  }
};

TEST_F(ErasureTest, AProfileTombstoneLeavesOnlyKeyAndVer) {
  auto db = open();
  seed(db);
  ASSERT_FALSE(find_everywhere(db, "Anna").empty());  // the scan can see her before

  const auto c = live(db, Stream::kProfiles, 3,
                      json::array({{{"customer", "C-000123"}, {"ver", 6}, {"deleted", true}}}));
  EXPECT_EQ(c.tombstoned, 1);

  for (const std::string needle :
       {"Anna", "2900000123458", "linen care", "PL-WAW-001", "dresses"}) {
    for (const auto& hit : find_everywhere(db, needle)) {
      ADD_FAILURE() << "'" << needle << "' left in " << hit.table << "." << hit.column;
    }
  }
  // The customer id survives only as the key of the tombstone.
  for (const auto& hit : find_everywhere(db, "C-000123")) {
    EXPECT_EQ(hit.table + "." + hit.column, "profiles.customer") << hit.value;
  }
  auto row = must(query(db,
                        "SELECT ver, deleted, points_ver, body FROM profiles "
                        "WHERE customer = 'C-000123'"));
  ASSERT_TRUE(must(row->step()));
  EXPECT_EQ(row->column_int(0), 6);
  EXPECT_EQ(row->column_int(1), 1);
  EXPECT_TRUE(row->column_is_null(2));
  EXPECT_TRUE(row->column_is_null(3));

  EXPECT_FALSE(must(load_profile_merged(db, "C-000123")).has_value());
  EXPECT_FALSE(must(customer_for_card(db, "2900000123458")).has_value());
  EXPECT_EQ(must(pending_points(db, "C-000123")), 0);
  EXPECT_EQ(must(shown_count(db, "C-000123", "OF-1", at("2026-11-22T10:00:00Z"))), 0);
  // The receipt id stays: a replayed receipt is still refused.
  EXPECT_TRUE(must(points_receipt_seen(db, "RCPT-1")));
  // Nothing of the other customer was touched.
  EXPECT_EQ(must(customer_for_card(db, "2900000000018")), "C-000999");
  EXPECT_EQ(must(load_profile(db, "C-000999"))->name, "Basia");
}

// The file's bytes, WAL included: what a disk image would show.
std::string raw_bytes(const std::filesystem::path& db_path) {
  std::string all;
  for (const auto* suffix : {"", "-wal"}) {
    std::FILE* f = std::fopen((db_path.string() + suffix).c_str(), "rb");
    if (f == nullptr) continue;
    char buf[65536];
    for (std::size_t got = 0; (got = std::fread(buf, 1, sizeof buf, f)) > 0;)
      all.append(buf, got);
    std::fclose(f);
  }
  return all;
}

TEST_F(ErasureTest, AfterACheckpointTheErasedDataIsGoneFromTheDisk) {
  auto db = open();
  seed(db);
  // A large history spills into overflow pages: those must be wiped too.
  auto big = test::anna(6);
  for (int i = 0; i < 50; ++i) {
    big["history"].push_back(
        {{"at", "2026-11-19T12:30:00.000Z"}, {"note", "asked about linen care"}});
  }
  ASSERT_EQ(live(db, Stream::kProfiles, 3, json::array({big})).applied, 1);
  ASSERT_TRUE(must(db.checkpoint_truncate()));
  ASSERT_NE(raw_bytes(path()).find("linen care"), std::string::npos);  // the probe works

  live(db, Stream::kProfiles, 4,
       json::array({{{"customer", "C-000123"}, {"ver", 7}, {"deleted", true}}}));
  ASSERT_TRUE(must(db.checkpoint_truncate()));
  const auto bytes = raw_bytes(path());
  for (const std::string needle : {"Anna", "2900000123458", "linen care"}) {
    EXPECT_EQ(bytes.find(needle), std::string::npos) << needle;
  }
  EXPECT_NE(bytes.find("Basia"), std::string::npos);
}

TEST_F(ErasureTest, AnOlderUpsertCannotResurrectAnErasedCustomer) {
  auto db = open();
  seed(db);
  live(db, Stream::kProfiles, 3,
       json::array({{{"customer", "C-000123"}, {"ver", 6}, {"deleted", true}}}));
  const auto c = live(db, Stream::kProfiles, 4, json::array({test::anna(5)}));
  EXPECT_EQ(c.ignored, 1);
  EXPECT_TRUE(find_everywhere(db, "Anna").empty());
  EXPECT_FALSE(must(customer_for_card(db, "2900000123458")).has_value());
  // And no local change can be parked for an erased customer.
  auto tx = must(Transaction::begin(db));
  auto refused = set_pending_consents(tx, "C-000123", {}, 6, at("2026-11-22T11:00:00Z"));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, errc::kNotFound);
}

TEST_F(ErasureTest, AnOlderErasureDoesNotEraseANewerProfile) {
  auto db = open();
  seed(db);
  const auto c = live(db, Stream::kProfiles, 3,
                      json::array({{{"customer", "C-000123"}, {"ver", 4}, {"deleted", true}}}));
  EXPECT_EQ(c.ignored, 1);
  EXPECT_EQ(must(customer_for_card(db, "2900000123458")), "C-000123");
  EXPECT_EQ(must(pending_points(db, "C-000123")), 120);
}

TEST_F(ErasureTest, OtherStreamsAndTheOutboxAreLeftToCentral) {
  // Documented choice: reservations/codes refer to the customer by key only
  // and go with their own tombstones; outbox events are never dropped.
  auto db = open();
  seed(db);
  live(db, Stream::kReservations, 1, json::array({json::parse(R"({"reservation":"R-1",
    "customer":"C-000123","store":"PL-WAW-001","sku":"S","qty":1,"status":"held",
    "hold_until":"2026-11-23T18:00:00.000Z","ver":1})")}));
  {
    auto tx = must(Transaction::begin(db));
    must(append_event(tx, {"consent.changed",
                           at("2026-11-22T10:01:00Z"),
                           {{"customer", "C-000123"}, {"consents", {{"marketing", true}}}}}));
    must(tx.commit());
  }
  live(db, Stream::kProfiles, 3,
       json::array({{{"customer", "C-000123"}, {"ver", 6}, {"deleted", true}}}));
  EXPECT_TRUE(must(load_reservation(db, "R-1")).has_value());
  EXPECT_EQ(must(outbox_stats(db)).count, 1);
  EXPECT_TRUE(find_everywhere(db, "Anna").empty());
}

}  // namespace
}  // namespace erasure_test
}  // namespace witryna::store
