#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "edge/core/domain/catalog.hpp"
#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::app {

// The catalog's offers, parsed once and kept until central changes the
// catalog (or another process commits to the store): every scan ranks all of them (about a thousand
// in a store), and reading and parsing them from SQLite each time cost most of a scan. Loop thread
// only.
class OffersCache {
 public:
  explicit OffersCache(store::Database& db) : db_(db) {}

  // The live offers; valid until the next invalidate().
  [[nodiscard]] Result<const std::vector<domain::Offer>*> get();
  // Central applied catalog data: the next get() reads the store again.
  void invalidate() { offers_.reset(); }

 private:
  store::Database& db_;
  std::optional<std::vector<domain::Offer>> offers_;
  std::int64_t data_version_ = -1;
};

}  // namespace witryna::app
