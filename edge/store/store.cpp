#include "edge/store/store.hpp"

namespace witryna::store {

Result<Database> open_store(const std::filesystem::path& path, const DatabaseOptions& options) {
  auto db = Database::open(path, options);
  if (!db) return db;
  if (auto ok = migrate(*db); !ok) return tl::unexpected(ok.error());
  return db;
}

}  // namespace witryna::store
