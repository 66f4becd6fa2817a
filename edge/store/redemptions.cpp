#include "edge/store/redemptions.hpp"

#include <string>

#include "edge/store/db/sql.hpp"

namespace witryna::store {

const char* to_string(RedeemOutcome o) {
  switch (o) {
    case RedeemOutcome::kRecorded:
      return "recorded";
    case RedeemOutcome::kAlreadyRecorded:
      return "already_recorded";
    case RedeemOutcome::kExhausted:
      return "exhausted";
    case RedeemOutcome::kUnknownCode:
      return "unknown_code";
  }
  return "?";
}

Result<RedeemOutcome> record_redemption(Transaction& tx, std::string_view code_hash,
                                        std::string_view till, std::string_view ticket,
                                        TimePoint at, bool offline) {
  auto& db = tx.db();
  std::int64_t max_uses = 0;
  std::string scope;
  {
    auto q = query(db, "SELECT max_uses, scope FROM codes WHERE code_hash = ?1 AND deleted = 0",
                   code_hash);
    if (!q) return tl::unexpected(q.error());
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return RedeemOutcome::kUnknownCode;
    max_uses = (*q)->column_int(0);
    scope = (*q)->column_text(1);
  }
  auto same = query_int(db,
                        "SELECT 1 FROM code_redemptions "
                        "WHERE code_hash = ?1 AND till = ?2 AND ticket = ?3",
                        code_hash, till, ticket);
  if (!same) return tl::unexpected(same.error());
  if (*same) return RedeemOutcome::kAlreadyRecorded;
  auto uses = redemption_uses(db, code_hash);
  if (!uses) return tl::unexpected(uses.error());
  if (*uses >= max_uses) return RedeemOutcome::kExhausted;
  auto ok = execute(db,
                    "INSERT INTO code_redemptions(code_hash, till, ticket, at, offline, scope) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                    code_hash, till, ticket, to_unix_millis(at), offline, scope);
  if (!ok) return tl::unexpected(ok.error());
  return RedeemOutcome::kRecorded;
}

Result<std::int64_t> redemption_uses(Database& db, std::string_view code_hash) {
  auto n = query_int(db, "SELECT count(*) FROM code_redemptions WHERE code_hash = ?1", code_hash);
  if (!n) return tl::unexpected(n.error());
  return n->value_or(0);
}

Result<std::int64_t> offline_brand_redemptions_since(Database& db, TimePoint since) {
  auto n = query_int(db,
                     "SELECT count(*) FROM code_redemptions "
                     "WHERE offline = 1 AND scope = 'brand' AND at >= ?1",
                     to_unix_millis(since));
  if (!n) return tl::unexpected(n.error());
  return n->value_or(0);
}

}  // namespace witryna::store
