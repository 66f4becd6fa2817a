#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::app {

// The catalog's offers, parsed once and kept while the catalog stream's
// generation stays the same (store/stream_generation.hpp), whoever wrote:
// every scan ranks all of them (about a thousand in a store), and reading
// and parsing them each time cost most of a scan. Commits that do not touch
// the catalog (the sync's acks, stock) keep them. Sorted as decide_offers
// ranks them, so it checks them in place, level by level, and stops at the
// level that fills the screen. Loop thread only.
class OffersCache {
 public:
  explicit OffersCache(store::Database& db) : db_(db) {}

  // The live offers; valid until the next get() or invalidate().
  [[nodiscard]] Result<const std::vector<domain::Offer>*> get();
  // Forces the next get() to read the store again.
  void invalidate() { offers_.reset(); }

  // How many times the offers were read and parsed.
  [[nodiscard]] std::int64_t loads() const { return loads_; }

 private:
  store::Database& db_;
  std::optional<std::vector<domain::Offer>> offers_;
  std::int64_t data_version_ = -1;
  std::int64_t generation_ = -1;
  std::int64_t loads_ = 0;
};

}  // namespace witryna::app
