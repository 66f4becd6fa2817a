#pragma once
// Points accrued here: each receipt counts once (idempotency), and the points
// stay "pending" for the customer until central sends a profile whose
// points.ver is newer than the one the accrual was based on.

#include <cstdint>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

struct PointsReceipt {
  std::string receipt;  // the till's receipt id
  std::string customer;
  std::int64_t points = 0;
  std::int64_t base_points_ver = 0;  // profile points.ver when accrued
  TimePoint at{};
};

// false when this receipt was recorded before (nothing changes). In the
// transaction that appends the points.accrued event.
[[nodiscard]] Result<bool> record_points_receipt(Transaction& tx, const PointsReceipt& receipt);
[[nodiscard]] Result<bool> points_receipt_seen(Database& db, std::string_view receipt);
// Sum of the customer's accruals central has not confirmed yet.
[[nodiscard]] Result<std::int64_t> pending_points(Database& db, std::string_view customer);

}  // namespace witryna::store
