#include "edge/store/stream_generation.hpp"

#include <string>

#include "edge/store/db/sql.hpp"

namespace witryna::store {
namespace {

std::string counter_name(core::Stream stream) {
  return std::string("gen:") + core::to_string(stream);
}

}  // namespace

Result<void> bump_stream_generation(Transaction& tx, core::Stream stream) {
  auto ok = execute(tx.db(),
                    "INSERT INTO counters(name, value) VALUES(?1, 1) "
                    "ON CONFLICT(name) DO UPDATE SET value = value + 1",
                    counter_name(stream));
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

Result<std::int64_t> stream_generation(Database& db, core::Stream stream) {
  auto value = query_int(db, "SELECT value FROM counters WHERE name = ?1", counter_name(stream));
  if (!value) return tl::unexpected(value.error());
  return value->value_or(0);
}

Result<std::int64_t> catalog_and_stock_generation(Database& db) {
  // Both only grow, so their sum moves whenever either does.
  // Two point look-ups (an IN list would build a temporary table per run).
  auto value =
      query_int(db,
                "SELECT coalesce((SELECT value FROM counters WHERE name = 'gen:catalog'), 0)"
                " + coalesce((SELECT value FROM counters WHERE name = 'gen:stock'), 0)");
  if (!value) return tl::unexpected(value.error());
  return value->value_or(0);
}

}  // namespace witryna::store
