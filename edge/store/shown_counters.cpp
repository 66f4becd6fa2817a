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

Result<void> increment_shown_all(Transaction& tx, std::string_view customer,
                                 const std::vector<std::string>& offers, TimePoint at) {
  if (offers.empty()) return {};
  // ?1 customer, ?2 day, ?3… the offers; one cached statement per count.
  std::string sql = "INSERT INTO offer_shown(customer, day, offer, count) VALUES";
  for (std::size_t i = 0; i < offers.size(); ++i) {
    sql += i == 0 ? "(?1, ?2, ?" : ", (?1, ?2, ?";
    sql += std::to_string(i + 3);
    sql += ", 1)";
  }
  sql += " ON CONFLICT(customer, day, offer) DO UPDATE SET count = count + 1";
  auto stmt = tx.db().cached(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  const auto day = utc_day(at);
  (*stmt)->bind_text(1, customer);
  (*stmt)->bind_int(2, day);
  for (std::size_t i = 0; i < offers.size(); ++i) {
    (*stmt)->bind_text(static_cast<int>(i + 3), offers[i]);
  }
  return (*stmt)->run();
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
