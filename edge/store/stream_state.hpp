#pragma once
// The last `seq` applied per stream (mqtt.md "Streams"). Write it in the same
// transaction as the items it covers.

#include <cstdint>
#include <map>

#include "edge/core/codec/stream.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// 0 when nothing was applied yet (a resync then asks with have_seq 0).
[[nodiscard]] Result<std::int64_t> last_seq(Database& db, core::Stream stream);
[[nodiscard]] Result<std::map<core::Stream, std::int64_t>> all_last_seqs(Database& db);
// Sets it exactly (also lower: after lost state the caller decides).
[[nodiscard]] Result<void> set_last_seq(Transaction& tx, core::Stream stream, std::int64_t seq);
// Sets it to max(stored, seq).
[[nodiscard]] Result<void> raise_last_seq(Transaction& tx, core::Stream stream, std::int64_t seq);

}  // namespace witryna::store
