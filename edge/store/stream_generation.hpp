#pragma once
// A number per stream that moves whenever what the stream holds changes.
//
// Readers keep what they derived from a stream's tables (parsed offers, the
// in-stock products of a category) while its generation stays the same,
// whichever connection or process wrote. PRAGMA data_version cannot do this:
// it moves on every commit of another connection, and the sync's ack
// bookkeeping commits after nearly every scan. Kept in `counters` as
// "gen:<stream>"; a stream never written reads as 0.

#include <cstdint>

#include "edge/core/codec/stream.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Inside the transaction that changed the stream's rows.
[[nodiscard]] Result<void> bump_stream_generation(Transaction& tx, core::Stream stream);

[[nodiscard]] Result<std::int64_t> stream_generation(Database& db, core::Stream stream);

// catalog + stock: moves when a product, an offer or a stock row changes.
[[nodiscard]] Result<std::int64_t> catalog_and_stock_generation(Database& db);

}  // namespace witryna::store
