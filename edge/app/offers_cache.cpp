#include "edge/app/offers_cache.hpp"

#include <algorithm>

#include "edge/core/offers/decide_offers.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/stream_generation.hpp"

namespace witryna::app {

Result<const std::vector<domain::Offer>*> OffersCache::get() {
  // data_version stays put while no other connection commits: then nothing
  // can have changed and the generation need not be read.
  auto version = store::query_int(db_, "PRAGMA data_version");
  if (!version) return tl::unexpected(version.error());
  const std::int64_t current = version->value_or(0);
  if (offers_ && current == data_version_) return &*offers_;

  auto generation = store::stream_generation(db_, core::Stream::kCatalog);
  if (!generation) return tl::unexpected(generation.error());
  data_version_ = current;
  if (offers_ && *generation == generation_) return &*offers_;

  auto loaded = store::load_offers(db_);
  if (!loaded) return tl::unexpected(loaded.error());
  std::stable_sort(loaded->begin(), loaded->end(), core::ranks_before);
  offers_ = std::move(*loaded);
  generation_ = *generation;
  ++loads_;
  return &*offers_;
}

}  // namespace witryna::app
