#pragma once
// Schema versions and migrations. The database records its version in
// `schema_version`; a newer binary upgrades an older database one step at a
// time (each step in its own transaction, so a crash leaves a consistent
// version); an older binary refuses a newer database.

#include <span>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::store {

struct Migration {
  int version;           // the version the database has after this step
  std::string_view sql;  // one or more statements
};

// The steps of this software, versions 1..N in order.
[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int latest_schema_version();

// 0 for a database without schema (fresh file).
[[nodiscard]] Result<int> schema_version(Database& db);

// Brings `db` to the last version of `steps` (1..N, consecutive). A database
// newer than N is errc::kSchemaTooNew: "database schema N is newer than this
// software (M); install a newer version or restore a backup". Safe when
// several processes open the same file at once.
[[nodiscard]] Result<void> migrate(Database& db, std::span<const Migration> steps = migrations());

}  // namespace witryna::store
