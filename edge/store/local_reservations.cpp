#include "edge/store/local_reservations.hpp"

#include <algorithm>

#include "edge/core/codec/reservation_codec.hpp"
#include "edge/core/reservations/reservation_transitions.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/json_text.hpp"

namespace witryna::store {

Result<std::vector<domain::Reservation>> load_open_reservations(Database& db,
                                                                std::string_view store) {
  auto q = query(db, "SELECT body FROM reservations WHERE deleted = 0 ORDER BY reservation");
  if (!q) return tl::unexpected(q.error());
  std::vector<domain::Reservation> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    auto j = parse_json((*q)->column_view(0));
    if (!j) return fail(std::string(errc::kStorage), "reservations: damaged body");
    auto item = core::parse_reservation_item(*j);
    if (!item) return fail(std::string(errc::kStorage), "reservations: damaged body");
    auto& r = item->value;
    if (r.store == store && core::is_open(r.status)) out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.hold_until != b.hold_until ? a.hold_until < b.hold_until
                                        : a.reservation < b.reservation;
  });
  return out;
}

Result<void> write_local_reservation(Transaction& tx, const domain::Reservation& r) {
  const std::string body = dump_json(core::to_json(r));
  auto changed = execute(tx.db(),
                         "UPDATE reservations SET body = ?2 "
                         "WHERE reservation = ?1 AND ver = ?3 AND deleted = 0",
                         r.reservation, body, r.ver);
  if (!changed) return tl::unexpected(changed.error());
  if (*changed != 1) return fail(std::string(errc::kNotFound), "reservation changed meanwhile");
  return {};
}

}  // namespace witryna::store
