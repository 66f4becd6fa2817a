// Store → central: the outbox, its bound, claims, device state and the will.

#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/child_process.hpp"
#include "tests/support/tls_certs.hpp"
#include "tests/sync/adapter/sync_fixture.hpp"

namespace witryna::sync {
namespace outbound_test {
namespace {

using namespace test_support;
using Json = nlohmann::json;
using ::witryna::core::ClaimRequest;
using PortResult = ::witryna::core::ClaimResult;

class OutboundTest : public SyncFixture {
 protected:
  void ack(std::int64_t upto) {
    ASSERT_TRUE(ok(central_->publish(kStoreRoot + "/acks",
                                     Json{{"device", kDevice}, {"upto", upto}}.dump(), 1)));
  }
  std::int64_t outbox_count() {
    auto db = reader();
    return store::outbox_stats(db)->count;
  }
};

TEST_F(OutboundTest, EventsGoInOrderAreResentWithoutAckAndDeletedOnAck) {
  start_central();
  start_device();
  append_events({"scan", "offers.shown", "code.redeemed"});
  device_->events_written();
  ASSERT_TRUE(loop_.run_until([&] { return received_ns().size() >= 3; }));
  EXPECT_EQ(received_ns(), (std::vector<std::int64_t>{1, 2, 3}));
  const auto batch = on_topic(kStoreRoot + "/events").front();
  EXPECT_EQ(batch["device"], kDevice);
  EXPECT_EQ(batch["events"][2]["type"], "code.redeemed");

  // No ack: everything again after sync.ack_timeout_s (1 s here), in order.
  ASSERT_TRUE(loop_.run_until([&] { return received_ns().size() >= 6; }, std::chrono::seconds(5)));
  EXPECT_EQ(received_ns(), (std::vector<std::int64_t>{1, 2, 3, 1, 2, 3}));
  EXPECT_EQ(outbox_count(), 3);

  ack(2);
  ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 1; }));
  // An ack of another device of the store changes nothing.
  ASSERT_TRUE(ok(central_->publish(kStoreRoot + "/acks",
                                   Json{{"device", "PL-WAW-001-edge2"}, {"upto", 3}}.dump(), 1)));
  ack(3);
  ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 0; }));
  ASSERT_TRUE(loop_.run_until([&] {
    const auto states = on_topic(kStateTopic);
    return !states.empty() && states.back()["outbox"] == 0;
  }));
}

TEST_F(OutboundTest, EventsWrittenWhileTheBrokerIsDownAreDeliveredInOrderAfterItReturns) {
  start_central();
  start_device();
  append_events({"scan"});
  device_->events_written();
  ASSERT_TRUE(loop_.run_until([&] { return received_ns().size() >= 1; }));
  ack(1);
  ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 0; }));

  ASSERT_TRUE(broker_.stop());
  ASSERT_TRUE(loop_.run_until([&] { return !device_->connected() && links_.back() == false; }));
  append_events({"scan", "code.redeemed", "points.accrued", "offers.shown"});
  device_->events_written();
  loop_.run_for(std::chrono::milliseconds(100));  // a few failed reconnects (backoff)
  ASSERT_TRUE(broker_.start());
  ASSERT_TRUE(loop_.run_until([&] { return device_->connected(); }));
  ASSERT_TRUE(
      loop_.run_until([&] { return central_->client->is_connected() || central_->connect(); }));
  ASSERT_TRUE(loop_.run_until([&] {
    std::set<std::int64_t> seen;
    for (auto n : received_ns())
      seen.insert(n);
    return seen.size() >= 5;
  }));
  // In order of n (a re-send may repeat a prefix; central drops duplicates).
  std::vector<std::int64_t> after;
  for (auto n : received_ns())
    if (n > 1) after.push_back(n);
  ASSERT_GE(after.size(), 4U);
  EXPECT_EQ(std::vector<std::int64_t>(after.begin(), after.begin() + 4),
            (std::vector<std::int64_t>{2, 3, 4, 5}));
  ack(5);
  ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 0; }));
  EXPECT_EQ(links_, (std::vector<bool>{true, false, true}));
}

TEST_F(OutboundTest, TheBoundDropsOnlyScansAndShownOffersOldestFirst) {
  config_.outbox.max_bytes = 400;
  start_central();
  start_device();
  append_events({"scan", "code.redeemed", "offers.shown", "scan", "points.accrued", "scan",
                 "offers.shown", "scan"});
  device_->events_written();
  ASSERT_TRUE(loop_.run_until([&] { return device_->outbox()->dropped_total() > 0; }));
  auto db = reader();
  auto pending = store::pending_events(db, 0, 100);
  ASSERT_TRUE(pending);
  std::vector<std::string> kept;
  for (const auto& e : *pending)
    kept.push_back(e.type);
  // code.redeemed and points.accrued stay whatever happens.
  EXPECT_NE(std::find(kept.begin(), kept.end(), "code.redeemed"), kept.end());
  EXPECT_NE(std::find(kept.begin(), kept.end(), "points.accrued"), kept.end());
  EXPECT_LE(store::outbox_stats(db)->bytes, 400);
  // Oldest first: the first scan (n 1) went.
  EXPECT_NE(pending->front().n, 1);
  ASSERT_TRUE(loop_.run_until([&] {
    const auto states = on_topic(kStateTopic);
    return !states.empty() && states.back()["dropped_events"].get<int>() > 0;
  }));
  EXPECT_FALSE(device_->redemptions_paused());
}

TEST_F(OutboundTest, PastTheBoundWithNothingDroppableRedemptionsAreRefused) {
  config_.outbox.max_bytes = 300;
  start_central();
  std::vector<bool> paused;
  device_ = std::make_unique<SyncService>(loop_.io(), config_, options_);
  device_->on_redemptions_paused = [&](bool p) { paused.push_back(p); };
  ASSERT_TRUE(device_->start());
  ASSERT_TRUE(loop_.run_until([&] { return device_->connected(); }));
  append_events({"code.redeemed", "code.redeemed", "points.accrued", "consent.changed"});
  device_->events_written();
  ASSERT_TRUE(loop_.run_until([&] { return device_->redemptions_paused(); }));
  EXPECT_EQ(paused, std::vector<bool>{true});
  EXPECT_EQ(outbox_count(), 4);  // nothing of these is ever dropped
  ASSERT_TRUE(loop_.run_until([&] {
    const auto states = on_topic(kStateTopic);
    return !states.empty() && states.back()["redemptions_paused"] == true;
  }));
  ack(4);
  ASSERT_TRUE(loop_.run_until([&] { return !device_->redemptions_paused(); }));
  EXPECT_EQ(paused, (std::vector<bool>{true, false}));
}

TEST_F(OutboundTest, AClaimIsAnsweredByCentral) {
  start_central();
  start_device();
  std::optional<std::optional<PortResult>> outcome;
  device_->claims().claim(ClaimRequest{"ab12", "T2", from_unix_millis(1'790'000'000'000)},
                          [&](std::optional<PortResult> r) { outcome = r; });
  EXPECT_FALSE(outcome);  // never inline
  ASSERT_TRUE(loop_.run_until([&] { return !on_topic(kStoreRoot + "/claims").empty(); }));
  const auto claim = on_topic(kStoreRoot + "/claims").front();
  EXPECT_EQ(claim["device"], kDevice);
  EXPECT_EQ(claim["code_hash"], "ab12");
  EXPECT_EQ(claim["till"], "T2");
  ASSERT_TRUE(
      ok(central_->publish(kStoreRoot + "/claims/result",
                           Json{{"claim", claim["claim"]}, {"result", "already_used"}}.dump(), 1)));
  ASSERT_TRUE(loop_.run_until([&] { return outcome.has_value(); }));
  EXPECT_EQ(*outcome, PortResult::kAlreadyUsed);
}

TEST_F(OutboundTest, AnUnansweredClaimTimesOutToNullopt) {
  start_central();
  start_device();
  std::optional<std::optional<PortResult>> outcome;
  const auto started = std::chrono::steady_clock::now();
  device_->claims().claim(ClaimRequest{"ab12", "T2", from_unix_millis(1'790'000'000'000)},
                          [&](std::optional<PortResult> r) { outcome = r; });
  ASSERT_TRUE(loop_.run_until([&] { return outcome.has_value(); }));
  EXPECT_EQ(*outcome, std::nullopt);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(300));
  // A late answer is not a second outcome.
  const auto claim = on_topic(kStoreRoot + "/claims").front();
  outcome.reset();
  ASSERT_TRUE(
      ok(central_->publish(kStoreRoot + "/claims/result",
                           Json{{"claim", claim["claim"]}, {"result", "granted"}}.dump(), 1)));
  loop_.run_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(outcome);
}

TEST_F(OutboundTest, AClaimWhileOfflineIsNulloptAtOnceButNotInline) {
  device_ = std::make_unique<SyncService>(loop_.io(), config_, options_);
  EXPECT_FALSE(device_->claims().online());
  std::optional<std::optional<PortResult>> outcome;
  device_->claims().claim(ClaimRequest{"ab12", "T2", from_unix_millis(1'790'000'000'000)},
                          [&](std::optional<PortResult> r) { outcome = r; });
  EXPECT_FALSE(outcome);
  loop_.poll();
  ASSERT_TRUE(outcome);
  EXPECT_EQ(*outcome, std::nullopt);
}

TEST_F(OutboundTest, ACleanStopPublishesTheOfflineState) {
  start_central();
  start_device();
  ASSERT_TRUE(loop_.run_until([&] { return !on_topic(kStateTopic).empty(); }));
  device_->stop();
  ASSERT_TRUE(loop_.run_until([&] { return on_topic(kStateTopic).back()["status"] == "offline"; }));
  EXPECT_EQ(on_topic(kStateTopic).back(),
            (Json{{"device", kDevice}, {"store", "PL-WAW-001"}, {"status", "offline"}}));
  // Retained: subscribing again (as a fleet tool connecting later would)
  // gets the broker's retained copy.
  const std::size_t before = central_->messages.size();
  ASSERT_TRUE(ok(central_->subscribe(kStateTopic)));
  ASSERT_TRUE(central_->wait_messages(before + 1));
  const auto& copy = central_->messages.back();
  EXPECT_EQ(copy.topic, kStateTopic);
  EXPECT_TRUE(copy.retained);
  EXPECT_NE(copy.payload.find("\"offline\""), std::string::npos);
}

TEST_F(OutboundTest, TheWillAppearsWhenTheDeviceDies) {
  start_central();
  auto child = test::ChildProcess::spawn(
      {WITRYNA_SYNC_DEVICE_CHILD, broker_.plain_uri(), config_.storage.db_path.string(), "0"},
      dir_.path() / "child.log");
  ASSERT_TRUE(child);
  ASSERT_TRUE(loop_.run_until([&] {
    const auto s = on_topic(kStateTopic);
    return !s.empty() && s.back()["status"] == "online";
  }));
  child->kill();
  ASSERT_TRUE(loop_.run_until([&] { return on_topic(kStateTopic).back()["status"] == "offline"; },
                              std::chrono::seconds(10)));
}

TEST_F(OutboundTest, EventsCommittedBeforeAKillAreDeliveredExactlyOnceAfterRestart) {
  start_central();
  const std::string db = config_.storage.db_path.string();
  {
    auto child = test::ChildProcess::spawn(
        {WITRYNA_SYNC_DEVICE_CHILD, broker_.plain_uri(), db, "5"}, dir_.path() / "child.log");
    ASSERT_TRUE(child);
    ASSERT_TRUE(loop_.run_until([&] { return received_ns().size() >= 5; }));
    ack(3);
    ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 2; }));
    child->kill();  // SIGKILL: no clean shutdown
  }
  const std::size_t before = received_ns().size();
  auto child = test::ChildProcess::spawn({WITRYNA_SYNC_DEVICE_CHILD, broker_.plain_uri(), db, "2"},
                                         dir_.path() / "child.log");
  ASSERT_TRUE(child);
  ASSERT_TRUE(loop_.run_until([&] {
    std::set<std::int64_t> seen;
    const auto all = received_ns();
    for (std::size_t i = before; i < all.size(); ++i)
      seen.insert(all[i]);
    return seen.size() >= 4;
  }));
  ack(7);
  ASSERT_TRUE(loop_.run_until([&] { return outbox_count() == 0; }));
  const auto all = received_ns();
  std::set<std::int64_t> after(all.begin() + static_cast<std::ptrdiff_t>(before), all.end());
  // Unacknowledged ones again, new ones numbered on (never reusing 4, 5),
  // acknowledged ones never again.
  EXPECT_EQ(after, (std::set<std::int64_t>{4, 5, 6, 7}));
  std::set<std::int64_t> unique(all.begin(), all.end());
  EXPECT_EQ(unique, (std::set<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));
}

TEST_F(OutboundTest, MutualTlsWithTheDeviceCertificateConnectsAndARogueOneDoesNot) {
  test::TlsCerts certs(kDevice);
  test::Mosquitto tls_broker(test::MosquittoConfig{
      false,
      test::MosquittoTls{certs.ca_file(), certs.server().cert, certs.server().key},
      true,
      {}});
  ASSERT_TRUE(tls_broker.start());
  auto config = config_;
  config.mqtt.broker = tls_broker.tls_uri();
  config.mqtt.allow_plain_loopback = false;
  config.mqtt.tls = {certs.ca_file(), certs.device().cert, certs.device().key};
  {
    SyncService device(loop_.io(), config, options_);
    ASSERT_TRUE(device.start());
    ASSERT_TRUE(loop_.run_until([&] { return device.connected(); }));
    device.stop();
  }
  config.mqtt.tls = {certs.ca_file(), certs.rogue().cert, certs.rogue().key};
  SyncService rogue(loop_.io(), config, options_);
  ASSERT_TRUE(rogue.start());
  loop_.run_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(rogue.connected());
  // Plain TCP without allow_plain_loopback is refused up front: the device
  // runs offline (claims offline) and reports itself unhealthy.
  auto plain = config_;
  plain.mqtt.allow_plain_loopback = false;
  SyncService refused(loop_.io(), plain, options_);
  ASSERT_TRUE(refused.start());
  EXPECT_FALSE(refused.healthy());
  loop_.run_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(refused.connected());
  EXPECT_FALSE(refused.claims().online());
}

}  // namespace
}  // namespace outbound_test
}  // namespace witryna::sync
