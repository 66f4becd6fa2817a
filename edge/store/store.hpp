#pragma once
// The edge store: one SQLite file holding what central sent (streams,
// version-guarded, with tombstones) and what the device records itself
// (outbox, single-use state, counters, pending local changes).
//
// Open one connection per thread with open_store (the first one creates and
// migrates the file; later ones find it current). Write transactions are
// short; reads on other connections are never blocked (WAL).

#include <filesystem>

#include "edge/core/result.hpp"
#include "edge/store/apply.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/erasure.hpp"
#include "edge/store/jti_cache.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/pending_changes.hpp"
#include "edge/store/points.hpp"
#include "edge/store/redemptions.hpp"
#include "edge/store/schema.hpp"
#include "edge/store/shown_counters.hpp"
#include "edge/store/snapshot.hpp"
#include "edge/store/sqlite_catalog_view.hpp"
#include "edge/store/stream_generation.hpp"
#include "edge/store/stream_state.hpp"

namespace witryna::store {

// Database::open + migrate. kSchemaTooNew when the file was written by newer
// software; kStorage for anything SQLite refuses.
[[nodiscard]] Result<Database> open_store(const std::filesystem::path& path,
                                          const DatabaseOptions& options = {});

}  // namespace witryna::store
