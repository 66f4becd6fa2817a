// What the device records about customers: shown-counters, points, pending changes.
#include <gtest/gtest.h>

#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace local_state_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::at;
using test::must;

class LocalStateTest : public test::StoreTest {};

// Profiles are read at every scan through the plain reader; a body outside
// its shape (here an escape and a field this version does not know) is read
// by the full parser, to the same profile; a damaged one stays a failure.
TEST_F(LocalStateTest, AProfileBodyOutsideThePlainShapeReadsAsTheFullParserGivesIt) {
  auto db = open();
  live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));
  const auto plain = must(load_profile(db, "C-000123"));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->name, "Anna");
  auto other = test::anna(5);
  other["name"] = "Anna \"Ania\"";
  other["future"] = json::array({1});
  must(execute(db, "UPDATE profiles SET body = ?1 WHERE customer = 'C-000123'", other.dump()));
  const auto full = must(load_profile(db, "C-000123"));
  ASSERT_TRUE(full.has_value());
  auto expected = *plain;
  expected.name = "Anna \"Ania\"";
  EXPECT_EQ(*full, expected);
  must(execute(db, "UPDATE profiles SET body = '{\"customer\":' WHERE customer = 'C-000123'"));
  const auto damaged = load_profile(db, "C-000123");
  ASSERT_FALSE(damaged.has_value());
  EXPECT_EQ(damaged.error().code, errc::kStorage);
}

TEST_F(LocalStateTest, ShownCountersArePerCustomerOfferAndUtcDay) {
  auto db = open();
  {
    auto tx = must(Transaction::begin(db));
    EXPECT_EQ(must(increment_shown(tx, "C-1", "OF-1", at("2026-11-22T00:00:00Z"))), 1);
    EXPECT_EQ(must(increment_shown(tx, "C-1", "OF-1", at("2026-11-22T23:59:59.999Z"))), 2);
    EXPECT_EQ(must(increment_shown(tx, "C-1", "OF-1", at("2026-11-23T00:00:00Z"))), 1);
    EXPECT_EQ(must(increment_shown(tx, "C-1", "OF-2", at("2026-11-22T12:00:00Z"))), 1);
    EXPECT_EQ(must(increment_shown(tx, "C-2", "OF-1", at("2026-11-22T12:00:00Z"))), 1);
    must(tx.commit());
  }
  EXPECT_EQ(must(shown_count(db, "C-1", "OF-1", at("2026-11-22T08:00:00Z"))), 2);
  EXPECT_EQ(must(shown_count(db, "C-1", "OF-3", at("2026-11-22T08:00:00Z"))), 0);
  const auto day = must(shown_counts(db, "C-1", at("2026-11-22T08:00:00Z")));
  EXPECT_EQ(day, (std::map<std::string, std::int64_t>{{"OF-1", 2}, {"OF-2", 1}}));
  EXPECT_EQ(must(purge_shown_before(db, at("2026-11-23T05:00:00Z"))), 3);
  EXPECT_EQ(must(shown_count(db, "C-1", "OF-1", at("2026-11-23T08:00:00Z"))), 1);
}

TEST_F(LocalStateTest, AllOffersOfAViewAreCountedInOneStatement) {
  auto db = open();
  const auto noon = at("2026-11-22T12:00:00Z");
  {
    auto tx = must(Transaction::begin(db));
    EXPECT_EQ(must(increment_shown(tx, "C-1", "OF-1", noon)), 1);
    must(increment_shown_all(tx, "C-1", {"OF-1", "OF-2", "OF-3"}, noon));
    must(increment_shown_all(tx, "C-1", {"OF-3"}, noon));
    must(increment_shown_all(tx, "C-1", {}, noon));  // nothing shown: nothing counted
    must(increment_shown_all(tx, "C-2", {"OF-2"}, at("2026-11-23T00:00:00Z")));
    must(tx.commit());
  }
  EXPECT_EQ(must(shown_counts(db, "C-1", noon)),
            (std::map<std::string, std::int64_t>{{"OF-1", 2}, {"OF-2", 1}, {"OF-3", 2}}));
  EXPECT_TRUE(must(shown_counts(db, "C-2", noon)).empty());
  EXPECT_EQ(must(shown_count(db, "C-2", "OF-2", at("2026-11-23T08:00:00Z"))), 1);
}

TEST_F(LocalStateTest, AReceiptAccruesOnceAndStaysPendingUntilCentralCatchesUp) {
  auto db = open();
  live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));  // points.ver 88
  {
    auto tx = must(Transaction::begin(db));
    EXPECT_TRUE(must(record_points_receipt(tx, {"R-1", "C-000123", 100, 88, {}})));
    EXPECT_FALSE(must(record_points_receipt(tx, {"R-1", "C-000123", 100, 88, {}})));
    EXPECT_TRUE(must(record_points_receipt(tx, {"R-2", "C-000123", 20, 88, {}})));
    must(tx.commit());
  }
  EXPECT_EQ(must(pending_points(db, "C-000123")), 120);
  // A newer profile whose points.ver did not move: still pending.
  live(db, Stream::kProfiles, 2, json::array({test::anna(6)}));
  EXPECT_EQ(must(pending_points(db, "C-000123")), 120);
  auto caught_up = test::anna(7);
  caught_up["points"] = {{"balance", 1370}, {"ver", 89}};
  live(db, Stream::kProfiles, 3, json::array({caught_up}));
  EXPECT_EQ(must(pending_points(db, "C-000123")), 0);
  EXPECT_TRUE(must(points_receipt_seen(db, "R-1")));
}

TEST_F(LocalStateTest, APendingChangeWinsUntilCentralSendsANewerVer) {
  auto db = open();
  live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));
  const domain::Consents local{false, true, false, false};
  domain::Preferences prefs;
  prefs.sizes = {"L"};
  {
    auto tx = must(Transaction::begin(db));
    must(set_pending_consents(tx, "C-000123", local, 5, at("2026-11-22T10:00:00Z")));
    must(set_pending_preferences(tx, "C-000123", prefs, 5, at("2026-11-22T10:00:00Z")));
    must(tx.commit());
  }
  auto merged = must(load_profile_merged(db, "C-000123"));
  ASSERT_TRUE(merged.has_value());
  EXPECT_EQ(merged->consents, local);
  EXPECT_EQ(merged->preferences, prefs);
  EXPECT_TRUE(must(load_profile(db, "C-000123"))->consents.personalization);  // central's

  // Central re-sends the same ver (or older): ignored, the local change still wins.
  live(db, Stream::kProfiles, 2, json::array({test::anna(5), test::anna(4)}));
  EXPECT_EQ(must(load_profile_merged(db, "C-000123"))->consents, local);
  EXPECT_EQ(must(load_pending_changes(db, "C-000123")), (PendingProfileChanges{local, prefs}));

  // A newer ver from central clears the pending changes: central's truth.
  live(db, Stream::kProfiles, 3, json::array({test::anna(6)}));
  EXPECT_EQ(must(load_pending_changes(db, "C-000123")), PendingProfileChanges{});
  EXPECT_TRUE(must(load_profile_merged(db, "C-000123"))->consents.personalization);
}

TEST_F(LocalStateTest, APendingChangeNeedsALiveProfile) {
  auto db = open();
  auto tx = must(Transaction::begin(db));
  auto r = set_pending_consents(tx, "C-404", {}, 1, {});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::kNotFound);
}

}  // namespace
}  // namespace local_state_test
}  // namespace witryna::store
