#pragma once

#include <cstddef>
#include <filesystem>

#include "edge/core/result.hpp"

namespace witryna::bench {

struct StoreSize {
  std::size_t customers = 1'000'000;
  std::size_t products = 200'000;
  std::size_t offers = 1'000;
};

// <work>/witryna.db holding a generated brand of `size`, made once through the
// product's own paths (witryna-datagen → witryna-import) and reused while
// <work>/size.json says it has the same size. Prints what it does.
[[nodiscard]] Result<std::filesystem::path> prepared_store(const std::filesystem::path& work,
                                                           const StoreSize& size);

}  // namespace witryna::bench
