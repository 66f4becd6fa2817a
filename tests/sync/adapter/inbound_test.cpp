// Streams in: seq, gaps, resync, snapshots, tombstones, erasure, bad input.

#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <set>

#include "tests/sync/adapter/sync_fixture.hpp"

namespace witryna::sync {
namespace inbound_test {
namespace {

using namespace test_support;
using Json = nlohmann::json;

class InboundTest : public SyncFixture {};

TEST_F(InboundTest, FirstConnectAsksEveryStreamFromZeroAndPublishesTheBirth) {
  start_central();
  start_device();
  ASSERT_TRUE(loop_.run_until([&] { return on_topic(kStoreRoot + "/resync").size() >= 6; }));
  std::set<std::string> streams;
  for (const auto& r : on_topic(kStoreRoot + "/resync")) {
    EXPECT_EQ(r["have_seq"], 0);
    EXPECT_EQ(r["device"], kDevice);
    EXPECT_TRUE(core::is_uuid(r["request"].get<std::string>()));
    streams.insert(r["stream"].get<std::string>());
  }
  EXPECT_EQ(streams.size(), 6U);
  ASSERT_TRUE(loop_.run_until([&] { return !on_topic(kStateTopic).empty(); }));
  const auto birth = on_topic(kStateTopic).front();
  EXPECT_EQ(birth["status"], "online");
  EXPECT_EQ(birth["version"], "1.4.2");
  EXPECT_EQ(birth["store"], "PL-WAW-001");
  EXPECT_TRUE(birth.contains("since"));
  EXPECT_TRUE(birth.contains("streams"));
  EXPECT_EQ(birth["outbox"], 0);
  EXPECT_EQ(links_, std::vector<bool>{true});
}

TEST_F(InboundTest, GapAsksForAResyncAndTheSnapshotHeals) {
  start_central();
  start_device();
  answer_initial_resyncs();
  publish("stock", live("stock", 1, Json::array({stock("A", 1), stock("X", 1)})));
  // seq 2 (which deleted X) is lost; seq 3 reveals the gap.
  publish("stock", live("stock", 3, Json::array({stock("C", 1)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return on_topic(kStoreRoot + "/resync").size() > resync_seen_ && device_->inbound()->idle();
  }));
  const auto request = on_topic(kStoreRoot + "/resync").back();
  EXPECT_EQ(request["stream"], "stock");
  EXPECT_EQ(request["have_seq"], 1);
  // The gap message's items were applied anyway; last seq stays before the hole.
  EXPECT_TRUE(stock_version("C"));
  {
    auto db = reader();
    EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), 1);
  }
  const std::size_t applied_before = applied_.size();
  publish("stock", part("stock", "s-1", 1, 2, 3, Json::array({stock("A", 1), stock("B", 1)})));
  publish("stock", part("stock", "s-1", 2, 2, 3, Json::array({stock("C", 1)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == 3;
  }));
  ASSERT_TRUE(settle(applied_before + 2));
  EXPECT_EQ(stock_version("X"), (store::StoredVersion{1, true}));
  EXPECT_EQ(stock_version("B"), (store::StoredVersion{1, false}));
  EXPECT_EQ(stock_version("A"), (store::StoredVersion{1, false}));
  auto db = reader();
  EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), 3);
  EXPECT_FALSE(device_->inbound()->sync().stream(core::Stream::kStock).needs_resync());
}

TEST_F(InboundTest, OutOfOrderAndDuplicateDeliveryConvergeToTheSameState) {
  start_central();
  start_device();
  answer_initial_resyncs();
  const auto m1 = live("stock", 1, Json::array({stock("A", 1, 1), stock("B", 1, 1)}));
  const auto m2 = live("stock", 2, Json::array({stock("A", 2, 2)}));
  const auto m3 = live("stock", 3, Json::array({stock("B", 3, 3), stock("C", 1, 1)}));
  for (const auto* m : {&m3, &m1, &m2, &m1, &m3, &m2})
    publish("stock", *m);
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == 3;
  }));
  auto db = reader();
  EXPECT_EQ(store::load_stock(db, "A")->value().on_hand, 2);
  EXPECT_EQ(store::load_stock(db, "B")->value().on_hand, 3);
  EXPECT_EQ(store::load_stock(db, "C")->value().on_hand, 1);
  EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), 3);
  EXPECT_FALSE(device_->inbound()->sync().stream(core::Stream::kStock).needs_resync());
}

// Live messages queued behind each other share a transaction (grouping):
// every item and the last seq must come out as one message at a time would.
TEST_F(InboundTest, ABurstOfSmallMessagesIsAppliedWholeUpToTheLastSeq) {
  start_central();
  start_device();
  answer_initial_resyncs();
  constexpr int kMessages = 120;
  constexpr int kEmpty = 110;  // a message with no items still moves the seq
  for (int seq = 1; seq <= kMessages; ++seq) {
    auto items = seq == kEmpty ? Json::array()
                               : Json::array({stock("S" + std::to_string(seq % 50), seq, seq % 7)});
    publish("stock", live("stock", seq, std::move(items)));
    // A duplicate in the middle of the burst changes nothing.
    if (seq == 60) publish("stock", live("stock", 30, Json::array({stock("S30", 1, 99)})));
  }
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == kMessages;
  }));
  auto db = reader();
  for (int k = 0; k < 50; ++k) {
    int last = 0;  // the last message that carried S<k>
    for (int seq = 1; seq <= kMessages; ++seq) {
      if (seq != kEmpty && seq % 50 == k) last = seq;
    }
    const auto s = store::load_stock(db, "S" + std::to_string(k));
    ASSERT_TRUE(s && *s) << k;
    EXPECT_EQ((*s)->ver, last) << k;
    EXPECT_EQ((*s)->on_hand, last % 7) << k;
  }
  EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), kMessages);
  EXPECT_FALSE(device_->inbound()->sync().stream(core::Stream::kStock).needs_resync());
}

TEST_F(InboundTest, ScreensHearOfTheFirstSyncWithoutWaitingForAReconnect) {
  start_central();
  start_device();
  EXPECT_TRUE(synced_.empty());  // connected, nothing heard from central yet
  answer_initial_resyncs();
  ASSERT_TRUE(loop_.run_until([&] { return !synced_.empty(); }));
  EXPECT_EQ(synced_.size(), 1U);  // six snapshot answers at once: one notice, not six
}

TEST_F(InboundTest, TombstonesBeatLateUpserts) {
  start_central();
  start_device();
  answer_initial_resyncs();
  publish("stock", live("stock", 1, Json::array({stock("A", 2), deleted_stock("A", 3)})));
  publish("stock", live("stock", 2, Json::array({stock("A", 2, 9)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == 2;
  }));
  EXPECT_EQ(stock_version("A"), (store::StoredVersion{3, true}));
  auto db = reader();
  EXPECT_FALSE(*store::load_stock(db, "A"));
}

TEST_F(InboundTest, AProfileTombstoneErasesTheCustomer) {
  start_central();
  start_device();
  answer_initial_resyncs();
  const Json profile = {{"customer", "C-000123"},
                        {"ver", 5},
                        {"cards", {"2900000123458"}},
                        {"name", "Anna"},
                        {"segment", "active"},
                        {"tier", "gold"},
                        {"consents", {{"personalization", true}, {"display_name", true}}}};
  publish("profiles", live("profiles", 1, Json::array({profile})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kProfiles) == 1;
  }));
  {
    auto db = reader();
    ASSERT_TRUE(*store::load_profile(db, "C-000123"));
    EXPECT_EQ(**store::customer_for_card(db, "2900000123458"), "C-000123");
  }
  publish("profiles",
          live("profiles", 2,
               Json::array({{{"customer", "C-000123"}, {"deleted", true}, {"ver", 6}}})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kProfiles) == 2;
  }));
  auto db = reader();
  EXPECT_FALSE(*store::load_profile(db, "C-000123"));
  EXPECT_FALSE(*store::customer_for_card(db, "2900000123458"));
  EXPECT_EQ(*store::stored_version(db, store::EntityKind::kProfile, "C-000123"),
            (store::StoredVersion{6, true}));
}

TEST_F(InboundTest, SnapshotInterleavedWithLiveDeletesOnlyWhatItMissedBeforeUptoSeq) {
  start_central();
  start_device();
  answer_initial_resyncs();
  publish("stock", live("stock", 1, Json::array({stock("A", 1), stock("B", 1)})));
  publish("stock", live("stock", 2, Json::array({stock("D", 1)})));
  publish("stock", part("stock", "s-9", 1, 2, 2, Json::array({stock("A", 1)})));
  // Written live after upto_seq: not in the snapshot, must survive it.
  publish("stock", live("stock", 3, Json::array({stock("E", 1)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == 3;
  }));
  // Incomplete so far: nothing deleted yet.
  EXPECT_EQ(stock_version("B"), (store::StoredVersion{1, false}));
  publish("stock", part("stock", "s-9", 2, 2, 2, Json::array({stock("D", 1)})));
  ASSERT_TRUE(loop_.run_until([&] { return stock_version("B") == store::StoredVersion{1, true}; }));
  EXPECT_EQ(stock_version("A"), (store::StoredVersion{1, false}));
  EXPECT_EQ(stock_version("D"), (store::StoredVersion{1, false}));
  EXPECT_EQ(stock_version("E"), (store::StoredVersion{1, false}));
  auto db = reader();
  EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), 3);
}

TEST_F(InboundTest, BadMessagesAreRejectedCountedAndChangeNothing) {
  start_central();
  start_device();
  answer_initial_resyncs();
  const auto rejected_before = device_->rejected_messages();
  publish("stock", "not json {");
  publish("stock", R"({"stream":"stock","seq":"one","items":[]})");  // wrong type
  publish("stock", R"({"stream":"stock","items":[]})");              // no seq
  publish("stock", R"({"stream":"weather","seq":1,"items":[]})");    // unknown stream
  publish("stock", R"({"stream":"profiles","seq":1,"items":[]})");   // wrong topic
  publish("stock", live("stock", 1, Json::array({stock("A", 1)})) + std::string(10 << 20, ' '));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->rejected_messages() >= rejected_before + 6 && device_->inbound()->idle();
  }));
  EXPECT_FALSE(stock_version("A"));
  {
    auto db = reader();
    EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), 0);
  }
  // Still working: the next good message applies.
  publish("stock", live("stock", 1, Json::array({stock("A", 1)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == 1;
  }));
  EXPECT_TRUE(stock_version("A"));
  EXPECT_EQ(device_->rejected_messages(), rejected_before + 6);
  ASSERT_TRUE(loop_.run_until([&] {
    const auto states = on_topic(kStateTopic);
    return !states.empty() && states.back()["rejected_messages"] == rejected_before + 6;
  }));
}

TEST_F(InboundTest, ALargeSnapshotIsAppliedInBatchesThatLetOtherWorkRun) {
  options_.apply_batch = 50;
  start_central();
  start_device();
  answer_initial_resyncs();
  Json items = Json::array();
  for (int i = 0; i < 2000; ++i)
    items.push_back(stock("SKU-" + std::to_string(i), 1));
  publish("stock", part("stock", "big", 1, 1, 0, items));
  // A "scan" posted meanwhile keeps getting its turn between batches.
  int turns = 0;
  std::function<void()> scan = [&] {
    ++turns;
    if (!device_->inbound()->idle() || turns < 2) boost::asio::post(loop_.io(), scan);
  };
  ASSERT_TRUE(loop_.run_until([&] { return !device_->inbound()->idle(); }));
  boost::asio::post(loop_.io(), scan);
  ASSERT_TRUE(loop_.run_until([&] { return device_->inbound()->idle(); }));
  EXPECT_GE(turns, 2000 / 50 - 2);  // at least about one turn per batch
  EXPECT_TRUE(stock_version("SKU-1999"));
}

TEST_F(InboundTest, ResyncCommandIsAnsweredAndAsksEveryStream) {
  start_central();
  start_device();
  answer_initial_resyncs();
  ASSERT_TRUE(ok(central_->publish(std::string(kRoot) + "/device/" + kDevice + "/cmd",
                                   R"({"cmd":"resync","id":"c-1"})", 1)));
  ASSERT_TRUE(loop_.run_until([&] {
    return !on_topic(std::string(kRoot) + "/device/" + kDevice + "/cmd/result").empty() &&
           on_topic(kStoreRoot + "/resync").size() >= resync_seen_ + 6;
  }));
  const auto result = on_topic(std::string(kRoot) + "/device/" + kDevice + "/cmd/result").front();
  EXPECT_EQ(result["id"], "c-1");
  EXPECT_EQ(result["ok"], true);
  for (std::size_t i = resync_seen_; i < resync_seen_ + 6; ++i)
    EXPECT_EQ(on_topic(kStoreRoot + "/resync")[i]["have_seq"], 0);
}

TEST_F(InboundTest, FleetMessagesGoToTheHooks) {
  start_central();
  std::vector<std::pair<std::string, std::string>> desired;
  device_ = std::make_unique<SyncService>(loop_.io(), config_, options_);
  device_->on_desired = [&](std::string_view payload, std::string_view group) {
    desired.emplace_back(payload, group);
  };
  ASSERT_TRUE(ok(central_->publish(std::string(kRoot) + "/group/pilot/desired",
                                   R"({"config_ver":3,"config":{}})", 1, true)));
  ASSERT_TRUE(ok(central_->publish(std::string(kRoot) + "/device/" + kDevice + "/desired",
                                   R"({"config_ver":4,"config":{}})", 1, true)));
  ASSERT_TRUE(device_->start());
  ASSERT_TRUE(loop_.run_until([&] { return desired.size() >= 2; }));
  std::set<std::pair<std::string, std::string>> got(desired.begin(), desired.end());
  EXPECT_TRUE(got.count({R"({"config_ver":3,"config":{}})", "pilot"}));
  EXPECT_TRUE(got.count({R"({"config_ver":4,"config":{}})", ""}));
}

}  // namespace
}  // namespace inbound_test
}  // namespace witryna::sync
