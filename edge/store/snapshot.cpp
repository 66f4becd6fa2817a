#include "edge/store/snapshot.hpp"

#include <vector>

#include "edge/store/db/sql.hpp"
#include "edge/store/erasure.hpp"
#include "edge/store/stream_generation.hpp"
#include "edge/store/stream_state.hpp"

namespace witryna::store {
namespace {

struct State {
  std::string snapshot_id;
  std::int64_t gen = 0;
  std::size_t table_idx = 0;
  std::optional<std::string> cursor1;
  std::optional<std::string> cursor2;
  bool done = false;
};

Result<std::optional<State>> load_state(Database& db, core::Stream stream) {
  auto q = query(db,
                 "SELECT snapshot_id, gen, table_idx, cursor1, cursor2, done "
                 "FROM snapshot_state WHERE stream = ?1",
                 core::to_string(stream));
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<State>();
  auto& s = **q;
  State state;
  state.snapshot_id = s.column_text(0);
  state.gen = s.column_int(1);
  state.table_idx = static_cast<std::size_t>(s.column_int(2));
  if (!s.column_is_null(3)) state.cursor1 = s.column_text(3);
  if (!s.column_is_null(4)) state.cursor2 = s.column_text(4);
  state.done = s.column_int(5) != 0;
  return std::optional<State>(std::move(state));
}

Result<void> save_state(Database& db, core::Stream stream, const State& s) {
  auto ok = execute(db,
                    "INSERT OR REPLACE INTO snapshot_state"
                    "(stream, snapshot_id, gen, table_idx, cursor1, cursor2, done) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    core::to_string(stream), s.snapshot_id, s.gen,
                    static_cast<std::int64_t>(s.table_idx), s.cursor1, s.cursor2, s.done);
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

struct Row {
  std::string key1;
  std::string key2;
  bool deleted = false;
  std::int64_t snap_gen = 0;
  std::int64_t written_seq = 0;
};

// Up to `limit` rows after the cursor, in key order. Read fully before any
// row is changed.
Result<std::vector<Row>> page(Database& db, const EntityTable& t, const State& s,
                              std::int64_t limit) {
  Result<CachedStatement> q = !s.cursor1         ? query(db, t.first_page_sql, limit)
                              : t.key_count == 1 ? query(db, t.next_page_sql, limit, *s.cursor1)
                                                 : query(db, t.next_page_sql, limit, *s.cursor1,
                                                         s.cursor2.value_or(std::string()));
  if (!q) return tl::unexpected(q.error());
  std::vector<Row> rows;
  for (;;) {
    auto more = (*q)->step();
    if (!more) return tl::unexpected(more.error());
    if (!*more) break;
    auto& st = **q;
    const int k = t.key_count;
    Row r;
    r.key1 = st.column_text(0);
    if (k == 2) r.key2 = st.column_text(1);
    r.deleted = st.column_int(k) != 0;
    r.snap_gen = st.column_int(k + 1);
    r.written_seq = st.column_int(k + 2);
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<void> tombstone(Transaction& tx, const EntityTable& t, const Row& r) {
  auto ok = t.key_count == 1 ? execute(tx.db(), t.tombstone_sql, r.key1)
                             : execute(tx.db(), t.tombstone_sql, r.key1, r.key2);
  if (!ok) return tl::unexpected(ok.error());
  if (t.kind == EntityKind::kProfile) return erase_customer_data(tx, r.key1);
  return {};
}

}  // namespace

Result<std::int64_t> snapshot_generation(Transaction& tx, core::Stream stream,
                                         std::string_view snapshot_id) {
  auto& db = tx.db();
  auto state = load_state(db, stream);
  if (!state) return tl::unexpected(state.error());
  if (*state && (*state)->snapshot_id == snapshot_id) return (*state)->gen;
  auto gen = query_int(db,
                       "INSERT INTO counters(name, value) VALUES('snapshot_gen', 1) "
                       "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value");
  if (!gen) return tl::unexpected(gen.error());
  if (!*gen) return fail(std::string(errc::kStorage), "snapshot generation counter");
  State fresh;
  fresh.snapshot_id = std::string(snapshot_id);
  fresh.gen = **gen;
  if (auto ok = save_state(db, stream, fresh); !ok) return tl::unexpected(ok.error());
  return fresh.gen;
}

Result<void> mark_seen(Transaction& tx, EntityKind kind, std::int64_t gen, std::string_view key1,
                       std::string_view key2) {
  const auto& t = entity_table(kind);
  auto ok = t.key_count == 1 ? execute(tx.db(), t.mark_seen_sql, gen, key1)
                             : execute(tx.db(), t.mark_seen_sql, gen, key1, key2);
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<std::optional<std::string>> current_snapshot(Database& db, core::Stream stream) {
  auto state = load_state(db, stream);
  if (!state) return tl::unexpected(state.error());
  if (!*state || (*state)->done) return std::optional<std::string>();
  return std::optional<std::string>((*state)->snapshot_id);
}

Result<void> abandon_snapshot(Database& db, core::Stream stream) {
  auto ok = execute(db, "DELETE FROM snapshot_state WHERE stream = ?1", core::to_string(stream));
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<SnapshotProgress> finish_snapshot_step(Database& db, core::Stream stream,
                                              std::string_view snapshot_id, std::int64_t upto_seq,
                                              std::size_t max_rows) {
  if (max_rows == 0) return fail(std::string(errc::kInvalidValue), "max_rows");
  auto tx = Transaction::begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto loaded = load_state(db, stream);
  if (!loaded) return tl::unexpected(loaded.error());
  if (!*loaded || (*loaded)->snapshot_id != snapshot_id) {
    return fail(std::string(errc::kInvalidValue), "snapshot is not the stream's current one");
  }
  State state = std::move(**loaded);
  SnapshotProgress progress;
  if (state.done) return progress;

  const auto kinds = entity_kinds_of(stream);
  auto remaining = static_cast<std::int64_t>(max_rows);
  while (state.table_idx < kinds.size() && remaining > 0) {
    const auto& table = entity_table(kinds[state.table_idx]);
    auto rows = page(db, table, state, remaining);
    if (!rows) return tl::unexpected(rows.error());
    for (const auto& r : *rows) {
      ++progress.examined;
      if (r.deleted || r.snap_gen == state.gen || r.written_seq > upto_seq) continue;
      if (auto ok = tombstone(*tx, table, r); !ok) return tl::unexpected(ok.error());
      ++progress.tombstoned;
    }
    const auto got = static_cast<std::int64_t>(rows->size());
    if (got < remaining) {
      ++state.table_idx;
      state.cursor1.reset();
      state.cursor2.reset();
    } else {
      state.cursor1 = rows->back().key1;
      state.cursor2 = rows->back().key2;
    }
    remaining -= got;
  }
  if (state.table_idx >= kinds.size()) {
    state.done = true;
    if (auto ok = raise_last_seq(*tx, stream, upto_seq); !ok) return tl::unexpected(ok.error());
  }
  progress.more = !state.done;
  if (progress.tombstoned > 0) {
    if (auto ok = bump_stream_generation(*tx, stream); !ok) return tl::unexpected(ok.error());
  }
  if (auto ok = save_state(db, stream, state); !ok) return tl::unexpected(ok.error());
  if (auto ok = tx->commit(); !ok) return tl::unexpected(ok.error());
  return progress;
}

}  // namespace witryna::store
