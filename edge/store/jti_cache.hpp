#pragma once
// Seen `jti`s of app QR tokens (codes.md: remember each jti until its
// exp + 60 s, across restarts). Single statements: atomic across
// connections and processes without an explicit transaction (inside one,
// they join it).

#include <cstdint>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::store {

// true the first time `jti` is seen; false when it was seen before (replay),
// even if its expiry has passed but it was not purged yet.
[[nodiscard]] Result<bool> remember_jti(Database& db, std::string_view jti, TimePoint expires_at);
// Forgets jtis whose expires_at < now; how many went.
[[nodiscard]] Result<std::int64_t> purge_jti(Database& db, TimePoint now);

}  // namespace witryna::store
