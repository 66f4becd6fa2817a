#include "tools/import/importer.hpp"

#include <fstream>

#include "edge/core/codec/stream.hpp"
#include "edge/store/apply.hpp"

namespace witryna::tools::import {
namespace {

constexpr std::size_t kBatch = 1000;

}  // namespace

Result<ImportSummary> import_folder(store::Database& db, const std::filesystem::path& dir,
                                    TimePoint now) {
  ImportSummary summary;
  for (auto stream : core::kAllStreams) {
    const std::string name(core::to_string(stream));
    const auto file = dir / (name + ".jsonl");
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    std::ifstream in(file);
    if (!in) return fail(std::string(errc::kIo), "cannot read " + file.string());
    auto& counts = summary.files[name];
    nlohmann::json batch = nlohmann::json::array();
    auto flush = [&]() -> Result<void> {
      if (batch.empty()) return {};
      auto applied = store::apply_message(db, stream, store::ApplyContext{{}, {}, now}, batch);
      if (!applied) return tl::unexpected(applied.error());
      counts.applied += applied->applied + applied->tombstoned;
      counts.ignored += applied->ignored;
      counts.rejected += applied->rejected;
      batch = nlohmann::json::array();
      return {};
    };
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++counts.lines;
      auto item = nlohmann::json::parse(line, nullptr, false);
      if (item.is_discarded()) {
        ++counts.rejected;
        continue;
      }
      batch.push_back(std::move(item));
      if (batch.size() >= kBatch) {
        if (auto ok = flush(); !ok) return tl::unexpected(ok.error());
      }
    }
    if (in.bad()) return fail(std::string(errc::kIo), "cannot read " + file.string());
    if (auto ok = flush(); !ok) return tl::unexpected(ok.error());
  }
  if (summary.files.empty()) {
    return fail(std::string(errc::kIo), dir.string() + " holds no <stream>.jsonl file");
  }
  return summary;
}

}  // namespace witryna::tools::import
