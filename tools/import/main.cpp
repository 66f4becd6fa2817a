// witryna-import: loads a demo brand made by witryna-datagen into an edge store.
//
//   witryna-datagen --out /tmp/brand --seed 7
//   witryna-import --db /var/lib/witryna/witryna.db /tmp/brand
//
// Run it while witryna-edge is stopped or running (SQLite WAL; each batch is
// one short transaction). Exit status: 0 imported, 1 failed, 2 bad arguments.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "edge/cli/command.hpp"
#include "edge/store/store.hpp"
#include "tools/import/importer.hpp"

int main(int argc, char** argv) {
  using namespace witryna;
  witryna::cli::Command cli{
      "witryna-import: load witryna-datagen JSONL stream items into an edge store"};
  std::string db_path;
  std::string dir;
  cli.add_option("--db", db_path, "the edge store (storage.db_path); created if missing")
      ->required();
  cli.add_option("folder", dir, "folder with <stream>.jsonl files")->required();
  if (const auto exit = cli.parse(argc, argv)) {
    return *exit == 0 ? 0 : 2;
  }
  std::error_code ec;
  const auto parent = std::filesystem::path(db_path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = store::open_store(db_path);
  if (!db) {
    std::fprintf(stderr, "witryna-import: %s: %s\n", db_path.c_str(), db.error().context.c_str());
    return 1;
  }
  const auto now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
  auto summary = tools::import::import_folder(*db, dir, now);
  if (!summary) {
    std::fprintf(stderr, "witryna-import: %s\n", summary.error().context.c_str());
    return 1;
  }
  for (const auto& [stream, c] : summary->files) {
    std::printf("%-13s lines %zu  applied %lld  ignored %lld  rejected %lld\n", stream.c_str(),
                c.lines, static_cast<long long>(c.applied), static_cast<long long>(c.ignored),
                static_cast<long long>(c.rejected));
  }
  return 0;
}
