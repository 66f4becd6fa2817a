#include "edge/store/stream_state.hpp"

#include "edge/store/db/sql.hpp"

namespace witryna::store {

Result<std::int64_t> last_seq(Database& db, core::Stream stream) {
  auto v =
      query_int(db, "SELECT last_seq FROM stream_state WHERE stream = ?1", core::to_string(stream));
  if (!v) return tl::unexpected(v.error());
  return v->value_or(0);
}

Result<std::map<core::Stream, std::int64_t>> all_last_seqs(Database& db) {
  std::map<core::Stream, std::int64_t> out;
  for (const auto s : core::kAllStreams) {
    auto v = last_seq(db, s);
    if (!v) return tl::unexpected(v.error());
    out[s] = *v;
  }
  return out;
}

Result<void> set_last_seq(Transaction& tx, core::Stream stream, std::int64_t seq) {
  auto ok = execute(tx.db(),
                    "INSERT INTO stream_state(stream, last_seq) VALUES(?1, ?2) "
                    "ON CONFLICT(stream) DO UPDATE SET last_seq = excluded.last_seq",
                    core::to_string(stream), seq);
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<void> raise_last_seq(Transaction& tx, core::Stream stream, std::int64_t seq) {
  auto ok = execute(tx.db(),
                    "INSERT INTO stream_state(stream, last_seq) VALUES(?1, ?2) "
                    "ON CONFLICT(stream) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
                    core::to_string(stream), seq);
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

}  // namespace witryna::store
