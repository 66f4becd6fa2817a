// Version guard and tombstones for every stream, batch counts, read-back.
#include <gtest/gtest.h>

#include <vector>

#include "edge/store/db/sql.hpp"
#include "tests/store/store_fixture.hpp"

namespace witryna::store {
namespace apply_test {
namespace {

using core::Stream;
using nlohmann::json;
using test::must;

// One item of `stream` for `key` at `ver` (`deleted` → its tombstone). The
// body changes with ver so the test can see which version is stored.
json item(Stream stream, const std::string& key, std::int64_t ver, bool deleted = false) {
  json j;
  switch (stream) {
    case Stream::kCatalog:
      j = {{"kind", "product"}, {"sku", key}, {"ver", ver}};
      if (!deleted) {
        j.update({{"name", test::numbered("v", ver)},
                  {"category", "dresses"},
                  {"size", "M"},
                  {"price_minor", ver},
                  {"currency", "PLN"}});
      }
      break;
    case Stream::kStock:
      j = {{"sku", key}, {"ver", ver}};
      if (!deleted) j.update({{"on_hand", ver}, {"reserved", 0}});
      break;
    case Stream::kProfiles:
      j = {{"customer", key}, {"ver", ver}};
      if (!deleted)
        j.update(
            {{"name", test::numbered("v", ver)}, {"cards", {std::string("card-").append(key)}}});
      break;
    case Stream::kReservations:
      j = {{"reservation", key}, {"ver", ver}};
      if (!deleted) {
        j.update({{"customer", "C-1"},
                  {"store", "PL-WAW-001"},
                  {"sku", "S"},
                  {"qty", ver},
                  {"status", "held"},
                  {"hold_until", "2026-11-23T18:00:00.000Z"}});
      }
      break;
    case Stream::kCodes:
      j = {{"code_hash", key}, {"ver", ver}};
      if (!deleted) {
        j.update({{"benefit", {{"type", "amount"}, {"value", ver}}},
                  {"valid_to", "2026-12-31T00:00:00.000Z"},
                  {"max_uses", 1},
                  {"scope", "store"}});
      }
      break;
    case Stream::kNearby:
      j = {{"store", "PL-WAW-002"}, {"sku", key}, {"ver", ver}};
      if (!deleted) j.update({{"name", "Arkadia"}, {"distance_m", ver}, {"level", "in"}});
      break;
  }
  if (deleted) j["deleted"] = true;
  return j;
}

EntityKind kind_of(Stream s) {
  return entity_kinds_of(s).front();
}

std::optional<StoredVersion> stored(Database& db, Stream s, const std::string& key) {
  return s == Stream::kNearby ? must(stored_version(db, kind_of(s), key, "PL-WAW-002"))
                              : must(stored_version(db, kind_of(s), key));
}

// The ver the live body says it is (nullopt: no live entity).
std::optional<std::int64_t> live_body_ver(Database& db, Stream s, const std::string& key) {
  switch (s) {
    case Stream::kCatalog: {
      auto p = must(load_product(db, key));
      return p ? std::optional(p->price_minor) : std::nullopt;
    }
    case Stream::kStock: {
      auto st = must(load_stock(db, key));
      return st ? std::optional(st->on_hand) : std::nullopt;
    }
    case Stream::kProfiles: {
      auto p = must(load_profile(db, key));
      return p ? std::optional(std::stoll(p->name.substr(1))) : std::nullopt;
    }
    case Stream::kReservations: {
      auto r = must(load_reservation(db, key));
      return r ? std::optional(r->qty) : std::nullopt;
    }
    case Stream::kCodes: {
      auto c = must(load_code(db, key));
      return c ? std::optional(c->benefit.value) : std::nullopt;
    }
    case Stream::kNearby: {
      auto n = must(load_nearby(db, key));
      return n.empty() ? std::nullopt : std::optional(n.front().distance_m);
    }
  }
  return std::nullopt;
}

struct Step {
  std::int64_t ver;
  bool deleted;
};

struct GuardCase {
  const char* name;
  std::vector<Step> before;  // applied first
  Step incoming;
  ApplyCounts expected;                 // counts of the incoming item only
  std::optional<StoredVersion> stored;  // after
  std::optional<std::int64_t> live;     // body ver after (nullopt: absent)
};

ApplyCounts counts(std::int64_t applied, std::int64_t ignored, std::int64_t tombstoned) {
  ApplyCounts c;
  c.applied = applied;
  c.ignored = ignored;
  c.tombstoned = tombstoned;
  return c;
}

class ApplyTest : public test::StoreTest {};

TEST_F(ApplyTest, VersionGuardForEveryStream) {
  const std::vector<GuardCase> cases = {
      {"first upsert", {}, {5, false}, counts(1, 0, 0), StoredVersion{5, false}, 5},
      {"newer upsert", {{5, false}}, {6, false}, counts(1, 0, 0), StoredVersion{6, false}, 6},
      {"older upsert", {{5, false}}, {4, false}, counts(0, 1, 0), StoredVersion{5, false}, 5},
      {"equal upsert", {{5, false}}, {5, false}, counts(0, 1, 0), StoredVersion{5, false}, 5},
      {"newer tombstone", {{5, false}}, {6, true}, counts(0, 0, 1), StoredVersion{6, true}, {}},
      {"older tombstone", {{5, false}}, {4, true}, counts(0, 1, 0), StoredVersion{5, false}, 5},
      {"equal tombstone", {{5, false}}, {5, true}, counts(0, 1, 0), StoredVersion{5, false}, 5},
      {"tombstone of unknown key", {}, {3, true}, counts(0, 0, 1), StoredVersion{3, true}, {}},
      {"older upsert after tombstone",
       {{5, false}, {6, true}},
       {5, false},
       counts(0, 1, 0),
       StoredVersion{6, true},
       {}},
      {"equal upsert after tombstone",
       {{6, true}},
       {6, false},
       counts(0, 1, 0),
       StoredVersion{6, true},
       {}},
      // A newer upsert after a tombstone is a legitimate re-create by central.
      {"newer upsert after tombstone",
       {{5, false}, {6, true}},
       {7, false},
       counts(1, 0, 0),
       StoredVersion{7, false},
       7},
      {"older tombstone after tombstone",
       {{6, true}},
       {2, true},
       counts(0, 1, 0),
       StoredVersion{6, true},
       {}},
  };
  auto db = open();
  int n = 0;
  for (const auto stream : core::kAllStreams) {
    for (const auto& c : cases) {
      SCOPED_TRACE(std::string(core::to_string(stream)) + ": " + c.name);
      const auto key = test::numbered("K", ++n);
      std::int64_t seq = must(last_seq(db, stream));
      for (const auto& b : c.before)
        live(db, stream, ++seq, json::array({item(stream, key, b.ver, b.deleted)}));
      const auto got = live(db, stream, ++seq,
                            json::array({item(stream, key, c.incoming.ver, c.incoming.deleted)}));
      EXPECT_EQ(got.applied, c.expected.applied);
      EXPECT_EQ(got.ignored, c.expected.ignored);
      EXPECT_EQ(got.tombstoned, c.expected.tombstoned);
      EXPECT_EQ(stored(db, stream, key), c.stored);
      EXPECT_EQ(live_body_ver(db, stream, key), c.live);
    }
  }
}

TEST_F(ApplyTest, OrderOfArrivalDoesNotMatter) {
  // The same five items in two orders end in the same state.
  const std::vector<Step> steps = {{1, false}, {4, false}, {2, true}, {3, false}, {5, true}};
  auto a = must(open_store(dir_ / "a.db"));
  auto b = must(open_store(dir_ / "b.db"));
  json forward = json::array();
  json backward = json::array();
  for (const auto& s : steps)
    forward.push_back(item(Stream::kStock, "S", s.ver, s.deleted));
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    backward.push_back(item(Stream::kStock, "S", it->ver, it->deleted));
  }
  live(a, Stream::kStock, 1, forward);
  live(b, Stream::kStock, 1, backward);
  EXPECT_EQ(stored(a, Stream::kStock, "S"), (StoredVersion{5, true}));
  EXPECT_EQ(stored(b, Stream::kStock, "S"), (StoredVersion{5, true}));
}

TEST_F(ApplyTest, ABatchCountsEachOutcomeAndRejectsMalformedItems) {
  auto db = open();
  live(db, Stream::kStock, 1, json::array({item(Stream::kStock, "A", 5)}));
  const json batch = json::array({
      item(Stream::kStock, "A", 4),        // older
      item(Stream::kStock, "A", 6),        // newer
      item(Stream::kStock, "B", 1),        // new
      item(Stream::kStock, "C", 2, true),  // tombstone
      json{{"sku", "D"}, {"on_hand", 1}},  // no ver
      "not an object",
  });
  const auto c = live(db, Stream::kStock, 2, batch);
  EXPECT_EQ(c.applied, 2);
  EXPECT_EQ(c.ignored, 1);
  EXPECT_EQ(c.tombstoned, 1);
  EXPECT_EQ(c.rejected, 2);
  ASSERT_TRUE(c.first_rejection.has_value());
  EXPECT_EQ(*c.first_rejection, (Error{std::string(errc::kMissingField), "ver"}));
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 2);
}

TEST_F(ApplyTest, ItemsThatAreNotAnArrayAreAnError) {
  auto db = open();
  auto r = apply_message(db, Stream::kStock, ApplyContext::live(1, {}), json::object());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::kWrongType);
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 0);  // the whole message rolled back
}

TEST_F(ApplyTest, LastSeqOnlyGrowsAndIsPerStream) {
  auto db = open();
  live(db, Stream::kStock, 7, json::array());
  live(db, Stream::kStock, 5, json::array());
  live(db, Stream::kProfiles, 2, json::array());
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 7);
  EXPECT_EQ(must(last_seq(db, Stream::kProfiles)), 2);
  EXPECT_EQ(must(last_seq(db, Stream::kCatalog)), 0);
  const auto all = must(all_last_seqs(db));
  EXPECT_EQ(all.at(Stream::kStock), 7);
  EXPECT_EQ(all.size(), core::kAllStreams.size());
  {
    auto tx = must(Transaction::begin(db));
    must(set_last_seq(tx, Stream::kStock, 3));
    must(tx.commit());
  }
  EXPECT_EQ(must(last_seq(db, Stream::kStock)), 3);
}

TEST_F(ApplyTest, TypedBatchesApplyInTheCallersTransaction) {
  auto db = open();
  std::vector<core::Item<domain::Stock>> items;
  for (int i = 0; i < 10; ++i) {
    items.push_back({domain::Stock{test::numbered("S", i), 3, 1, 1}, false});
  }
  {
    auto tx = must(Transaction::begin(db));
    const auto c = must(apply_stock(tx, ApplyContext::live(1, {}), items));
    EXPECT_EQ(c.applied, 10);
    // not committed: rolled back
  }
  EXPECT_FALSE(must(load_stock(db, "S0")).has_value());
  auto tx = must(Transaction::begin(db));
  must(apply_stock(tx, ApplyContext::live(1, {}), items));
  must(tx.commit());
  EXPECT_EQ(must(load_stock(db, "S9"))->available(), 2);
}

TEST_F(ApplyTest, CatalogCarriesProductsAndOffersAndReadsThemBack) {
  auto db = open();
  const auto offer = json::parse(R"({"kind":"offer","offer":"OF-1","title":"-20%",
    "benefit":{"type":"percent","value":20},"valid_from":"2026-11-20T00:00:00.000Z",
    "valid_to":"2026-11-27T00:00:00.000Z","ver":3})");
  auto gone = offer;
  gone["offer"] = "OF-2";
  const auto c = live(
      db, Stream::kCatalog, 1,
      json::array({item(Stream::kCatalog, "P1", 1), offer, gone,
                   json{{"kind", "offer"}, {"offer", "OF-2"}, {"ver", 4}, {"deleted", true}}}));
  EXPECT_EQ(c.applied, 3);
  EXPECT_EQ(c.tombstoned, 1);
  const auto offers = must(load_offers(db));
  ASSERT_EQ(offers.size(), 1U);
  EXPECT_EQ(offers[0].offer, "OF-1");
  EXPECT_EQ(offers[0].benefit.value, 20);
  EXPECT_EQ(must(load_offer(db, "OF-1"))->ver, 3);
  EXPECT_FALSE(must(load_offer(db, "OF-2")).has_value());
  EXPECT_EQ(must(load_product(db, "P1"))->name, "v1");
}

TEST_F(ApplyTest, ProfilesMaintainTheCardIndex) {
  auto db = open();
  live(db, Stream::kProfiles, 1, json::array({test::anna(5)}));
  EXPECT_EQ(must(customer_for_card(db, "2900000123458")), "C-000123");
  auto moved = test::anna(6);
  moved["cards"] = {"2900000000018"};
  live(db, Stream::kProfiles, 2, json::array({moved}));
  EXPECT_FALSE(must(customer_for_card(db, "2900000123458")).has_value());
  EXPECT_EQ(must(customer_for_card(db, "2900000000018")), "C-000123");
  const auto p = must(load_profile(db, "C-000123"));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name, "Anna");
  EXPECT_EQ(p->history.size(), 1U);
  EXPECT_TRUE(p->consents.display_name);
}

// The index is rewritten only where it differs: a kept card stays, a
// dropped one goes, a new one is added, and a card another customer held
// moves to the profile that now lists it.
TEST_F(ApplyTest, TheCardIndexFollowsEachNewerProfileExactly) {
  auto db = open();
  const auto profile = [](const std::string& customer, std::int64_t ver,
                          const std::vector<std::string>& cards) {
    return json{{"customer", customer}, {"ver", ver}, {"name", "N"}, {"cards", cards}};
  };
  live(db, Stream::kProfiles, 1,
       json::array({profile("C-1", 1, {"A", "B"}), profile("C-2", 1, {"X"})}));
  live(db, Stream::kProfiles, 2,
       json::array({profile("C-1", 2, {"B", "C", "X", "C"}), profile("C-2", 1, {"Y"})}));
  EXPECT_FALSE(must(customer_for_card(db, "A")).has_value());
  EXPECT_EQ(must(customer_for_card(db, "B")), "C-1");
  EXPECT_EQ(must(customer_for_card(db, "C")), "C-1");
  // C-2's ver 1 again was not newer: its index is untouched, but X moved.
  EXPECT_EQ(must(customer_for_card(db, "X")), "C-1");
  EXPECT_FALSE(must(customer_for_card(db, "Y")).has_value());
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM cards")), 3);
  // Unchanged cards in a newer profile: the same rows.
  live(db, Stream::kProfiles, 3, json::array({profile("C-1", 3, {"C", "X", "B"})}));
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM cards WHERE customer = 'C-1'")), 3);
  live(db, Stream::kProfiles, 4, json::array({profile("C-1", 4, {})}));
  EXPECT_EQ(must(query_int(db, "SELECT count(*) FROM cards")), 0);
}

TEST_F(ApplyTest, ReservationsAndCodesReadBack) {
  auto db = open();
  live(db, Stream::kReservations, 1,
       json::array({item(Stream::kReservations, "R-2", 1), item(Stream::kReservations, "R-1", 2),
                    item(Stream::kReservations, "R-3", 1)}));
  live(db, Stream::kReservations, 2, json::array({item(Stream::kReservations, "R-3", 2, true)}));
  const auto mine = must(load_reservations_of(db, "C-1"));
  ASSERT_EQ(mine.size(), 2U);
  EXPECT_EQ(mine[0].reservation, "R-1");
  EXPECT_EQ(mine[1].reservation, "R-2");
  live(db, Stream::kCodes, 1, json::array({item(Stream::kCodes, "abc", 2)}));
  const auto code = must(load_code(db, "abc"));
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->max_uses, 1);
  EXPECT_EQ(code->scope, domain::CodeScope::kStore);
}

TEST_F(ApplyTest, NearbyRecordsWhenItWasReceived) {
  auto db = open();
  must(apply_message(db, Stream::kNearby, ApplyContext::live(1, test::at("2026-11-22T09:00:00Z")),
                     json::array({item(Stream::kNearby, "S", 1)})));
  const auto rows = must(load_nearby(db, "S"));
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(format_rfc3339(rows[0].as_of), "2026-11-22T09:00:00.000Z");
  EXPECT_EQ(rows[0].level, domain::NearbyLevel::kIn);
}

}  // namespace
}  // namespace apply_test
}  // namespace witryna::store
