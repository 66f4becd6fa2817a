// Streams in, under load: each loop step is bounded by time (a scan waits
// at most one slice), and the device stops reading while too much waits.

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <functional>
#include <vector>

#include "edge/store/entities.hpp"
#include "tests/support/wait.hpp"
#include "tests/sync/adapter/sync_fixture.hpp"

namespace witryna::sync {
namespace inbound_flow_test {
namespace {

using namespace test_support;
using Json = nlohmann::json;

class InboundFlowTest : public SyncFixture {};

// A store that has seen the stock stream up to seq 0: live seq 1 is next.
void start_stock_at_seq_zero(store::Database& db) {
  auto tx = store::Transaction::begin(db);
  ASSERT_TRUE(tx);
  ASSERT_TRUE(store::set_last_seq(*tx, core::Stream::kStock, 0));
  ASSERT_TRUE(tx->commit());
}

// With no batch limit worth the name, only the time slice splits the part:
// a slice of zero is used up after every item, so every item is one step.
TEST_F(InboundFlowTest, EachStepEndsWithItsTimeSliceAndLetsPostedWorkRun) {
  options_.apply_batch = 100'000;
  options_.apply_slice = std::chrono::microseconds(0);
  start_central();
  start_device();
  answer_initial_resyncs();
  constexpr int kItems = 300;
  Json items = Json::array();
  for (int i = 0; i < kItems; ++i)
    items.push_back(stock("SKU-" + std::to_string(i), 1));
  const auto steps_before = device_->inbound()->apply_steps();
  publish("stock", part("stock", "big", 1, 1, 0, items));
  int turns = 0;
  std::function<void()> scan = [&] {
    ++turns;
    if (!device_->inbound()->idle() || turns < 2) boost::asio::post(loop_.io(), scan);
  };
  ASSERT_TRUE(loop_.run_until([&] { return !device_->inbound()->idle(); }));
  boost::asio::post(loop_.io(), scan);
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           !device_->inbound()->sync().stream(core::Stream::kStock).outstanding_request();
  }));
  EXPECT_GE(device_->inbound()->apply_steps() - steps_before, static_cast<std::size_t>(kItems));
  EXPECT_GE(turns, kItems / 2);
  for (int i = 0; i < kItems; i += 37)
    EXPECT_TRUE(stock_version("SKU-" + std::to_string(i))) << i;
  EXPECT_TRUE(stock_version("SKU-299"));
}

// Live one-item messages still share transactions, within the slice; every
// seq and item comes out as one message at a time would.
TEST_F(InboundFlowTest, ShortSlicesStillApplyABurstWhole) {
  options_.apply_slice = std::chrono::microseconds(0);
  start_central();
  start_device();
  answer_initial_resyncs();
  constexpr int kMessages = 60;
  for (int seq = 1; seq <= kMessages; ++seq)
    publish("stock", live("stock", seq, Json::array({stock("S" + std::to_string(seq % 7), seq)})));
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kStock) == kMessages;
  }));
  for (int k = 0; k < 7; ++k) {
    int last = 0;
    for (int seq = 1; seq <= kMessages; ++seq)
      if (seq % 7 == k) last = seq;
    EXPECT_EQ(stock_version("S" + std::to_string(k)), (store::StoredVersion{last, false})) << k;
  }
  auto db = reader();
  EXPECT_EQ(*store::last_seq(db, core::Stream::kStock), kMessages);
}

// The profile's body is the item's text as central sent it; the store reads
// it back as the same profile.
TEST_F(InboundFlowTest, AProfileIsStoredAsItsReceivedText) {
  start_central();
  start_device();
  answer_initial_resyncs();
  const std::string text =
      R"({"customer":"C-9","ver":3,"name":"Ewa","cards":["2900000000999"],"note_from_central":"x"})";
  publish("profiles", R"({"stream":"profiles","seq":1,"items":[)" + text + "]}");
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->inbound()->idle() &&
           device_->inbound()->last_seqs().at(core::Stream::kProfiles) == 1;
  }));
  auto db = reader();
  auto q = store::query(db, "SELECT body FROM profiles WHERE customer = 'C-9'");
  ASSERT_TRUE(q);
  ASSERT_TRUE(*(*q)->step());
  EXPECT_EQ((*q)->column_text(0), text);
  const auto profile = store::load_profile(db, "C-9");
  ASSERT_TRUE(profile && *profile);
  EXPECT_EQ((*profile)->name, "Ewa");
  EXPECT_EQ(*store::customer_for_card(db, "2900000000999"), std::optional<std::string>("C-9"));
}

// Backpressure inside the device: while the loop does not run, the parse
// worker parses one message and then waits (parsed messages do not pile up);
// once the loop runs, holds are given back and every message is applied.
TEST(InboundPipelineFlow, TheParserWaitsForTheLoopAndEverythingIsAppliedAfter) {
  test::TempDir dir;
  auto db = store::open_store(dir.path() / "witryna.db");
  ASSERT_TRUE(db);
  ASSERT_NO_FATAL_FAILURE(start_stock_at_seq_zero(*db));
  test::TestEventLoop loop;
  SyncOptions options = fast_options();
  options.inflow_bytes = 1;  // one parsed message ahead at most
  auto pipeline = InboundPipeline::create(loop.io(), *db, options, {}, core::IdGenerator(1, 2));
  ASSERT_TRUE(pipeline);
  constexpr int kMessages = 30;
  for (int seq = 1; seq <= kMessages; ++seq) {
    (*pipeline)->push(core::Stream::kStock,
                      live("stock", seq, Json::array({stock("B" + std::to_string(seq), seq)})));
  }
  ASSERT_TRUE(test::wait_until([&] { return (*pipeline)->inflow().waits() >= 1; }));
  EXPECT_GT((*pipeline)->inflow().held(), 0U);
  ASSERT_TRUE(loop.run_until([&] {
    return (*pipeline)->idle() && (*pipeline)->last_seqs().at(core::Stream::kStock) == kMessages;
  }));
  EXPECT_EQ((*pipeline)->inflow().held(), 0U);
  for (int seq = 1; seq <= kMessages; ++seq) {
    const auto v = store::stored_version(*db, store::EntityKind::kStock, "B" + std::to_string(seq));
    ASSERT_TRUE(v && *v) << seq;
    EXPECT_EQ((*v)->ver, seq);
  }
  EXPECT_EQ(*store::last_seq(*db, core::Stream::kStock), kMessages);
}

// A small message with nothing in flight is parsed on the loop in push();
// one after a large message (at the worker) waits for it, so the stream's
// seqs are applied in order: no gap is ever seen. A bad small message is
// refused on the fast path as on the worker, and nothing of it is applied.
TEST(InboundPipelineFlow, SmallMessagesAreParsedOnTheLoopAndKeepTheirOrder) {
  test::TempDir dir;
  auto db = store::open_store(dir.path() / "witryna.db");
  ASSERT_TRUE(db);
  ASSERT_NO_FATAL_FAILURE(start_stock_at_seq_zero(*db));
  test::TestEventLoop loop;
  SyncOptions options = fast_options();
  options.inline_parse_bytes = 512;
  options.join_items = 10;  // the large message is applied on its own
  InboundPipeline* self = nullptr;
  std::vector<std::int64_t> seen_last;
  bool saw_gap = false;
  int rejected = 0;
  InboundPipeline::Hooks hooks;
  hooks.applied = [&](core::Stream) {
    seen_last.push_back(self->last_seqs().at(core::Stream::kStock));
    saw_gap = saw_gap || self->sync().stream(core::Stream::kStock).needs_resync();
  };
  hooks.rejected = [&](core::Stream, const Error&) { ++rejected; };
  auto pipeline =
      InboundPipeline::create(loop.io(), *db, options, std::move(hooks), core::IdGenerator(1, 2));
  ASSERT_TRUE(pipeline);
  self = pipeline->get();
  auto& p = **pipeline;

  p.push(core::Stream::kStock, live("stock", 1, Json::array({stock("A", 1)})));
  EXPECT_EQ(p.parsed_inline(), 1U);
  Json many = Json::array();
  for (int i = 0; i < 40; ++i)
    many.push_back(stock("L" + std::to_string(i), 2));
  many.push_back(stock("A", 2));
  const auto large = live("stock", 2, many);
  ASSERT_GT(large.size(), options.inline_parse_bytes);
  p.push(core::Stream::kStock, large);
  // The loop has not run: the large one is in flight, so this one queues
  // behind it at the worker.
  p.push(core::Stream::kStock, live("stock", 3, Json::array({stock("A", 3)})));
  EXPECT_EQ(p.parsed_inline(), 1U);
  ASSERT_TRUE(
      loop.run_until([&] { return p.idle() && p.last_seqs().at(core::Stream::kStock) == 3; }));
  EXPECT_FALSE(saw_gap);
  EXPECT_TRUE(std::is_sorted(seen_last.begin(), seen_last.end()));
  EXPECT_EQ(rejected, 0);

  // Idle again: the fast path is taken, for a bad message too.
  p.push(core::Stream::kStock, "not json");
  p.push(core::Stream::kStock, live("stock", 4, Json::array({stock("A", 4)})));
  EXPECT_EQ(p.parsed_inline(), 3U);  // both were queued at once, in order
  ASSERT_TRUE(
      loop.run_until([&] { return p.idle() && p.last_seqs().at(core::Stream::kStock) == 4; }));
  EXPECT_EQ(rejected, 1);
  EXPECT_FALSE(saw_gap);
  const auto a = store::stored_version(*db, store::EntityKind::kStock, "A");
  ASSERT_TRUE(a && *a);
  EXPECT_EQ((*a)->ver, 4);
  const auto l = store::stored_version(*db, store::EntityKind::kStock, "L39");
  ASSERT_TRUE(l && *l);
  EXPECT_EQ((*l)->ver, 2);
  EXPECT_EQ(*store::last_seq(*db, core::Stream::kStock), 4);
  EXPECT_EQ(p.inflow().held(), 0U);
}

// While input waits for the loop (a scan on a screen socket), a step ends
// every yield_check_items items and the next step is put off once, so the
// waiting work runs first; the message is still applied whole, and with no
// input waiting the same message is one step (the slice is an hour).
TEST(InboundPipelineFlow, StepsEndEarlyWhileInputWaitsAndStillFinish) {
  struct Case {
    bool waiting;
    std::size_t min_steps;
    std::size_t max_steps;
    std::size_t min_yields;
  };
  constexpr int kItems = 300;
  constexpr std::size_t kCheckEvery = 8;
  for (const Case c :
       {Case{false, 1, 1, 0},
        Case{true, kItems / kCheckEvery, kItems / kCheckEvery + 1, kItems / kCheckEvery}}) {
    SCOPED_TRACE(c.waiting ? "input waiting" : "no input");
    test::TempDir dir;
    auto db = store::open_store(dir.path() / "witryna.db");
    ASSERT_TRUE(db);
    ASSERT_NO_FATAL_FAILURE(start_stock_at_seq_zero(*db));
    test::TestEventLoop loop;
    SyncOptions options = fast_options();
    options.apply_batch = 100'000;
    options.apply_slice = std::chrono::hours(1);
    options.join_items = 10;  // sliced, not joined
    options.yield_check_items = kCheckEvery;
    int asked = 0;
    InboundPipeline::Hooks hooks;
    hooks.input_waiting = [&] {
      ++asked;
      return c.waiting;
    };
    auto pipeline =
        InboundPipeline::create(loop.io(), *db, options, std::move(hooks), core::IdGenerator(1, 2));
    ASSERT_TRUE(pipeline);
    auto& p = **pipeline;
    Json items = Json::array();
    for (int i = 0; i < kItems; ++i)
      items.push_back(stock("Y" + std::to_string(i), 1));
    p.push(core::Stream::kStock, live("stock", 1, items));
    ASSERT_TRUE(
        loop.run_until([&] { return p.idle() && p.last_seqs().at(core::Stream::kStock) == 1; }));
    EXPECT_GE(p.apply_steps(), c.min_steps);
    EXPECT_LE(p.apply_steps(), c.max_steps);
    EXPECT_GE(p.yields(), c.min_yields);
    EXPECT_GT(asked, 0);
    for (int i = 0; i < kItems; i += 29) {
      const auto v = store::stored_version(*db, store::EntityKind::kStock, "Y" + std::to_string(i));
      ASSERT_TRUE(v && *v) << i;
    }
    EXPECT_EQ(*store::last_seq(*db, core::Stream::kStock), 1);
  }
}

// Destroying the pipeline while its worker waits for room ends the wait.
TEST(InboundPipelineFlow, DestroyingThePipelineEndsAWaitingParse) {
  test::TempDir dir;
  auto db = store::open_store(dir.path() / "witryna.db");
  ASSERT_TRUE(db);
  test::TestEventLoop loop;
  SyncOptions options = fast_options();
  options.inflow_bytes = 1;
  auto pipeline = InboundPipeline::create(loop.io(), *db, options, {}, core::IdGenerator(1, 2));
  ASSERT_TRUE(pipeline);
  for (int seq = 1; seq <= 3; ++seq)
    (*pipeline)->push(core::Stream::kStock, live("stock", seq, Json::array()));
  ASSERT_TRUE(test::wait_until([&] { return (*pipeline)->inflow().waits() >= 1; }));
  pipeline->reset();  // joins the worker: must not hang
  loop.poll();        // what it had posted runs as a no-op
}

}  // namespace
}  // namespace inbound_flow_test
}  // namespace witryna::sync
