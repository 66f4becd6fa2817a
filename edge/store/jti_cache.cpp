#include "edge/store/jti_cache.hpp"

#include "edge/store/db/sql.hpp"

namespace witryna::store {

Result<bool> remember_jti(Database& db, std::string_view jti, TimePoint expires_at) {
  auto changed = execute(db, "INSERT OR IGNORE INTO seen_jti(jti, expires_at) VALUES(?1, ?2)", jti,
                         to_unix_millis(expires_at));
  if (!changed) return tl::unexpected(changed.error());
  return *changed == 1;
}

Result<std::int64_t> purge_jti(Database& db, TimePoint now) {
  return execute(db, "DELETE FROM seen_jti WHERE expires_at < ?1", to_unix_millis(now));
}

}  // namespace witryna::store
