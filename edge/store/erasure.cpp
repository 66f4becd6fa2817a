#include "edge/store/erasure.hpp"

#include <array>

#include "edge/store/db/sql.hpp"

namespace witryna::store {

Result<void> erase_customer_data(Transaction& tx, std::string_view customer) {
  static constexpr std::array<std::string_view, 5> kStatements = {
      "DELETE FROM cards WHERE customer = ?1",
      "DELETE FROM offer_shown WHERE customer = ?1",
      "DELETE FROM pending_profile WHERE customer = ?1",
      "UPDATE points_receipts SET customer = NULL, pending = 0, points = 0, "
      "base_points_ver = 0 WHERE customer = ?1",
      "UPDATE profiles SET points_ver = NULL, body = NULL WHERE customer = ?1 AND deleted = 1",
  };
  for (const auto sql : kStatements) {
    if (auto ok = execute(tx.db(), sql, customer); !ok) return tl::unexpected(ok.error());
  }
  return {};
}

}  // namespace witryna::store
