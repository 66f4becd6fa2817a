#include "edge/store/schema.hpp"

#include <array>
#include <cassert>

#include "edge/store/db/transaction.hpp"

namespace witryna::store {
namespace {

// Version 1: what central sends (streams and their entities).
// Every entity table has `ver`, `deleted` (tombstone: key + ver only),
// `written_seq` (seq of the live message that last wrote the row, 0 if only
// snapshots did) and `snap_gen` (generation of the snapshot that last listed
// it) for snapshot completion. Bodies are the codec's JSON of the entity;
// columns beside them are only what look-ups filter on.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE stream_state(
  stream TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE counters(
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE snapshot_state(
  stream TEXT PRIMARY KEY,
  snapshot_id TEXT NOT NULL,
  gen INTEGER NOT NULL,
  table_idx INTEGER NOT NULL DEFAULT 0,
  cursor1 TEXT,
  cursor2 TEXT,
  done INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE products(
  sku TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  category TEXT,
  size TEXT,
  body TEXT,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX products_by_category_size ON products(category, size, sku) WHERE deleted = 0;
CREATE INDEX products_by_category ON products(category, sku) WHERE deleted = 0;

CREATE TABLE offers(
  offer TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  body TEXT,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stock(
  sku TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  on_hand INTEGER NOT NULL DEFAULT 0,
  reserved INTEGER NOT NULL DEFAULT 0,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE nearby(
  sku TEXT NOT NULL,
  store TEXT NOT NULL,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  name TEXT,
  distance_m INTEGER,
  level TEXT,
  as_of INTEGER,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(sku, store)
) WITHOUT ROWID;

CREATE TABLE profiles(
  customer TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  points_ver INTEGER,
  body TEXT,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE cards(
  card TEXT PRIMARY KEY,
  customer TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX cards_by_customer ON cards(customer);

CREATE TABLE reservations(
  reservation TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  customer TEXT,
  body TEXT,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX reservations_by_customer ON reservations(customer) WHERE deleted = 0;

CREATE TABLE codes(
  code_hash TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  max_uses INTEGER,
  scope TEXT,
  body TEXT,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql";

// Version 2: what the device itself records (outbox, single-use state,
// counters, local changes waiting for central).
constexpr std::string_view kV2 = R"sql(
CREATE TABLE outbox_counter(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_n INTEGER NOT NULL,
  dropped INTEGER NOT NULL
);
INSERT INTO outbox_counter(id, next_n, dropped) VALUES(1, 1, 0);

CREATE TABLE outbox(
  n INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  droppable INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX outbox_droppable ON outbox(n) WHERE droppable = 1;

CREATE TABLE seen_jti(
  jti TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_jti_by_expiry ON seen_jti(expires_at);

CREATE TABLE code_redemptions(
  code_hash TEXT NOT NULL,
  till TEXT NOT NULL,
  ticket TEXT NOT NULL,
  at INTEGER NOT NULL,
  offline INTEGER NOT NULL,
  scope TEXT NOT NULL,
  PRIMARY KEY(code_hash, till, ticket)
) WITHOUT ROWID;
CREATE INDEX code_redemptions_offline_brand ON code_redemptions(at)
  WHERE offline = 1 AND scope = 'brand';

CREATE TABLE offer_shown(
  customer TEXT NOT NULL,
  day INTEGER NOT NULL,
  offer TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY(customer, day, offer)
) WITHOUT ROWID;
CREATE INDEX offer_shown_by_day ON offer_shown(day);

CREATE TABLE points_receipts(
  receipt TEXT PRIMARY KEY,
  customer TEXT,
  points INTEGER NOT NULL,
  base_points_ver INTEGER NOT NULL,
  at INTEGER NOT NULL,
  pending INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX points_receipts_by_customer ON points_receipts(customer)
  WHERE customer IS NOT NULL;

CREATE TABLE pending_profile(
  customer TEXT NOT NULL,
  kind TEXT NOT NULL,
  base_ver INTEGER NOT NULL,
  body TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY(customer, kind)
) WITHOUT ROWID;
)sql";

// Version 3: the outbox's totals kept as it changes, so the bound and the
// status strip cost the same with ten events pending or a million (a store
// offline for days must not get slower at every scan). The triggers run in
// the transaction that writes or deletes the event, so the totals never
// disagree with the rows.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE outbox_totals(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  events INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  droppable_events INTEGER NOT NULL,
  droppable_bytes INTEGER NOT NULL
);
INSERT INTO outbox_totals(id, events, bytes, droppable_events, droppable_bytes)
  SELECT 1, COUNT(*), COALESCE(SUM(bytes), 0), COALESCE(SUM(droppable), 0),
         COALESCE(SUM(CASE WHEN droppable = 1 THEN bytes END), 0) FROM outbox;
CREATE TRIGGER outbox_totals_insert AFTER INSERT ON outbox BEGIN
  UPDATE outbox_totals SET events = events + 1, bytes = bytes + NEW.bytes,
    droppable_events = droppable_events + NEW.droppable,
    droppable_bytes = droppable_bytes + NEW.droppable * NEW.bytes
  WHERE id = 1;
END;
CREATE TRIGGER outbox_totals_delete AFTER DELETE ON outbox BEGIN
  UPDATE outbox_totals SET events = events - 1, bytes = bytes - OLD.bytes,
    droppable_events = droppable_events - OLD.droppable,
    droppable_bytes = droppable_bytes - OLD.droppable * OLD.bytes
  WHERE id = 1;
END;
CREATE TRIGGER outbox_totals_update AFTER UPDATE OF bytes, droppable ON outbox BEGIN
  UPDATE outbox_totals SET bytes = bytes - OLD.bytes + NEW.bytes,
    droppable_events = droppable_events - OLD.droppable + NEW.droppable,
    droppable_bytes = droppable_bytes - OLD.droppable * OLD.bytes + NEW.droppable * NEW.bytes
  WHERE id = 1;
END;
-- "Oldest" is the smallest `at` (the clock may have stepped back since an
-- earlier event): min(at) through these indexes instead of a scan.
CREATE INDEX outbox_at ON outbox(at);
CREATE INDEX outbox_at_droppable ON outbox(at) WHERE droppable = 1;
CREATE INDEX outbox_at_kept ON outbox(at) WHERE droppable = 0;
)sql";

// Version 4: fewer pages written per scan. A scan's transaction appends two
// events and counts its shown offers; every b-tree a row lands in is one more
// page in the WAL at commit (8 for a card scan before, 5 after):
// - outbox_at went: the oldest event is the smaller of the oldest droppable
//   and the oldest kept one, each through its partial index;
// - the event counter (next_n, dropped) moved into the outbox_totals row the
//   append's trigger updates anyway, so outbox_counter went;
// - offer_shown_by_day went: its only reader is the hourly purge, which holds
//   at most a day or two of rows to look through (the scan-time reads are by
//   customer, the primary key).
constexpr std::string_view kV4 = R"sql(
DROP INDEX IF EXISTS outbox_at;
DROP INDEX IF EXISTS offer_shown_by_day;
ALTER TABLE outbox_totals ADD COLUMN next_n INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outbox_totals ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
UPDATE outbox_totals SET
  next_n = coalesce((SELECT next_n FROM outbox_counter WHERE id = 1), 1),
  dropped = coalesce((SELECT dropped FROM outbox_counter WHERE id = 1), 0)
WHERE id = 1;
DROP TABLE outbox_counter;
)sql";

constexpr std::array kMigrations = {Migration{1, kV1}, Migration{2, kV2}, Migration{3, kV3},
                                    Migration{4, kV4}};

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version("
    "id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)";

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return kMigrations.back().version;
}

Result<int> schema_version(Database& db) {
  auto exists =
      db.cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return tl::unexpected(exists.error());
  auto found = (*exists)->step();
  if (!found) return tl::unexpected(found.error());
  if (!*found) return 0;
  auto stmt = db.cached("SELECT version FROM schema_version WHERE id = 1");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = (*stmt)->step();
  if (!row) return tl::unexpected(row.error());
  return *row ? static_cast<int>((*stmt)->column_int(0)) : 0;
}

Result<void> migrate(Database& db, std::span<const Migration> steps) {
  assert(!steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    assert(steps[i].version == static_cast<int>(i) + 1 && "migration versions are 1..N");
  }
  const int latest = steps.back().version;
  for (;;) {
    // The version is read inside the write transaction: another process
    // migrating at the same time is either done or not started.
    auto tx = Transaction::begin(db);
    if (!tx) return tl::unexpected(tx.error());
    auto version = schema_version(db);
    if (!version) return tl::unexpected(version.error());
    if (*version > latest) {
      return fail(std::string(errc::kSchemaTooNew),
                  "database schema " + std::to_string(*version) + " is newer than this software (" +
                      std::to_string(latest) + "); install a newer version or restore a backup");
    }
    if (*version == latest) return tx->commit();
    const auto& step = steps[static_cast<std::size_t>(*version)];
    if (auto ok = db.exec(kCreateVersionTable); !ok) return ok;
    if (auto ok = db.exec(step.sql); !ok) {
      return fail(ok.error().code, "migration to schema " + std::to_string(step.version) + ": " +
                                       ok.error().context);
    }
    auto set = db.cached("INSERT OR REPLACE INTO schema_version(id, version) VALUES(1, ?1)");
    if (!set) return tl::unexpected(set.error());
    if (auto ok = (*set)->bind_int(1, step.version).run(); !ok) return ok;
    if (auto ok = tx->commit(); !ok) return ok;
  }
}

}  // namespace witryna::store
