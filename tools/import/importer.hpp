#pragma once
// Loads stream items from JSONL files (each line one item exactly as mqtt.md
// specifies, as witryna-datagen writes them) into the edge store, through
// store::apply_message: version-guarded, tombstones honoured, so importing
// twice changes nothing. The streams' last `seq` is NOT touched: sync still
// asks central for what it does not have.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::tools::import {

struct FileCounts {
  std::size_t lines = 0;
  std::int64_t applied = 0;
  std::int64_t ignored = 0;   // not newer than what the store has
  std::int64_t rejected = 0;  // not JSON, or refused by the stream's codec
};

struct ImportSummary {
  std::map<std::string, FileCounts> files;  // stream name → counts
};

// Every <stream>.jsonl in `dir` (catalog, stock, profiles, reservations,
// codes, nearby; missing files are skipped), 1,000 items per transaction.
// Fails with errc::kIo when `dir` holds none of them or a file cannot be read.
[[nodiscard]] Result<ImportSummary> import_folder(store::Database& db,
                                                  const std::filesystem::path& dir, TimePoint now);

}  // namespace witryna::tools::import
