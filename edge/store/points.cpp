#include "edge/store/points.hpp"

#include "edge/store/db/sql.hpp"

namespace witryna::store {

Result<bool> record_points_receipt(Transaction& tx, const PointsReceipt& r) {
  auto changed = execute(tx.db(),
                         "INSERT OR IGNORE INTO points_receipts"
                         "(receipt, customer, points, base_points_ver, at, pending) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, 1)",
                         r.receipt, r.customer, r.points, r.base_points_ver, to_unix_millis(r.at));
  if (!changed) return tl::unexpected(changed.error());
  return *changed == 1;
}

Result<bool> points_receipt_seen(Database& db, std::string_view receipt) {
  auto v = query_int(db, "SELECT 1 FROM points_receipts WHERE receipt = ?1", receipt);
  if (!v) return tl::unexpected(v.error());
  return v->has_value();
}

Result<std::int64_t> pending_points(Database& db, std::string_view customer) {
  auto v = query_int(db,
                     "SELECT coalesce(sum(points), 0) FROM points_receipts "
                     "WHERE customer = ?1 AND pending = 1",
                     customer);
  if (!v) return tl::unexpected(v.error());
  return v->value_or(0);
}

}  // namespace witryna::store
