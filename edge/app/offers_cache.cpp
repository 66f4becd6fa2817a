#include "edge/app/offers_cache.hpp"

#include "edge/store/db/sql.hpp"
#include "edge/store/entities.hpp"

namespace witryna::app {

Result<const std::vector<domain::Offer>*> OffersCache::get() {
  // data_version moves when another connection (another process) commits;
  // this connection's own catalog writes arrive through invalidate().
  auto version = store::query_int(db_, "PRAGMA data_version");
  if (!version) return tl::unexpected(version.error());
  const std::int64_t current = version->value_or(0);
  if (current != data_version_) offers_.reset();
  if (!offers_) {
    auto loaded = store::load_offers(db_);
    if (!loaded) return tl::unexpected(loaded.error());
    offers_ = std::move(*loaded);
    data_version_ = current;
  }
  return &*offers_;
}

}  // namespace witryna::app
