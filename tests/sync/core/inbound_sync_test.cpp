// All streams together: first start per stream, routing of envelopes.
#include "sync/core/inbound_sync.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace inbound_sync_test {
namespace {

using test::at_s;

TEST(InboundSync, StreamsWithoutStateAreResyncedFromZeroOnceConnected) {
  InboundSync sync({{Stream::kCatalog, 12}, {Stream::kStock, 1042}}, IdGenerator(9));
  EXPECT_TRUE(sync.poll(at_s(0), false).empty());
  const auto first = sync.poll(at_s(1), true);
  std::set<Stream> asked;
  for (const auto& d : first) {
    ASSERT_TRUE(d.resync.has_value());
    EXPECT_EQ(d.resync->stream, d.stream);
    EXPECT_EQ(d.resync->have_seq, 0);
    asked.insert(d.stream);
  }
  EXPECT_EQ(asked, (std::set<Stream>{Stream::kProfiles, Stream::kReservations, Stream::kCodes,
                                     Stream::kNearby}));
  EXPECT_TRUE(sync.poll(at_s(2), true).empty());
  EXPECT_EQ(sync.next_due(), at_s(31));
  EXPECT_EQ(sync.poll(at_s(31), true).size(), 4U);
}

TEST(InboundSync, RoutesEnvelopesToTheirStream) {
  InboundSync sync({{Stream::kCatalog, 12},
                    {Stream::kStock, 1042},
                    {Stream::kProfiles, 77},
                    {Stream::kReservations, 1},
                    {Stream::kCodes, 1},
                    {Stream::kNearby, 1}},
                   IdGenerator(9));
  Envelope live;
  live.stream = Stream::kStock;
  live.seq = 1043;
  const auto d = sync.on_envelope(live, at_s(0));
  EXPECT_EQ(d.stream, Stream::kStock);
  EXPECT_EQ(d.live, LiveVerdict::kInOrder);
  EXPECT_EQ(d.persist_last, 1043);

  Envelope part;
  part.stream = Stream::kProfiles;
  part.snapshot = SnapshotPart{"s-1", 1, 1, 80};
  const auto p = sync.on_envelope(part, at_s(1));
  EXPECT_EQ(p.stream, Stream::kProfiles);
  EXPECT_EQ(p.completed, (CompletedSnapshot{"s-1", 80}));

  const auto seqs = sync.last_seqs();
  EXPECT_EQ(seqs.at(Stream::kStock), 1043);
  EXPECT_EQ(seqs.at(Stream::kProfiles), 80);
  EXPECT_EQ(seqs.at(Stream::kCatalog), 12);
  EXPECT_EQ(sync.next_due(), std::nullopt);

  const auto forced = sync.force_resync(at_s(2), true);
  EXPECT_EQ(forced.size(), 6U);
  for (const auto& f : forced)
    EXPECT_EQ(f.resync->have_seq, 0);
}

}  // namespace
}  // namespace inbound_sync_test
}  // namespace witryna::sync::core
