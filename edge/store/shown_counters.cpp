#include "edge/store/shown_counters.hpp"

#include "edge/store/db/sql.hpp"

namespace witryna::store {

Result<std::int64_t> increment_shown(Transaction& tx, std::string_view customer,
                                     std::string_view offer, TimePoint at) {
  auto n = query_int(tx.db(),
                     "INSERT INTO offer_shown(customer, day, offer, count) VALUES(?1, ?2, ?3, 1) "
                     "ON CONFLICT(customer, day, offer) DO UPDATE SET count = count + 1 "
                     "RETURNING count",
                     customer, utc_day(at), offer);
  if (!n) return tl::unexpected(n.error());
  return n->value_or(0);
}

Result<std::int64_t> shown_count(Database& db, std::string_view customer, std::string_view offer,
                                 TimePoint day) {
  auto n =
      query_int(db, "SELECT count FROM offer_shown WHERE customer = ?1 AND day = ?2 AND offer = ?3",
                customer, utc_day(day), offer);
  if (!n) return tl::unexpected(n.error());
  return n->value_or(0);
}

Result<std::map<std::string, std::int64_t>> shown_counts(Database& db, std::string_view customer,
                                                         TimePoint day) {
  auto q = query(db, "SELECT offer, count FROM offer_shown WHERE customer = ?1 AND day = ?2",
                 customer, utc_day(day));
  if (!q) return tl::unexpected(q.error());
  std::map<std::string, std::int64_t> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.emplace((*q)->column_text(0), (*q)->column_int(1));
  }
  return out;
}

Result<std::int64_t> purge_shown_before(Database& db, TimePoint keep_from) {
  return execute(db, "DELETE FROM offer_shown WHERE day < ?1", utc_day(keep_from));
}

}  // namespace witryna::store
