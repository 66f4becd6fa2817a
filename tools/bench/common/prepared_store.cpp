#include "tools/bench/common/prepared_store.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "edge/store/store.hpp"
#include "tools/datagen/generator.hpp"
#include "tools/import/importer.hpp"

namespace witryna::bench {

namespace {

// The generated world is fixed (seed, now) so runs compare like with like.
constexpr const char* kNow = "2026-11-22T10:00:00.000Z";

nlohmann::json size_json(const StoreSize& size) {
  return {{"customers", size.customers},
          {"products", size.products},
          {"offers", size.offers},
          {"now", kNow}};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<std::filesystem::path> prepared_store(const std::filesystem::path& work,
                                             const StoreSize& size) {
  std::error_code ec;
  std::filesystem::create_directories(work, ec);
  if (ec)
    return fail(std::string(errc::kIo), "cannot create " + work.string() + ": " + ec.message());
  const auto db_path = work / "witryna.db";
  const auto marker = work / "size.json";
  if (std::filesystem::exists(db_path) && std::filesystem::exists(marker)) {
    std::ifstream in(marker);
    const auto stored = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (stored == size_json(size)) {
      std::printf("store: reusing %s\n", db_path.c_str());
      return db_path;
    }
  }
  for (const char* leftover : {"witryna.db", "witryna.db-wal", "witryna.db-shm", "size.json"}) {
    std::filesystem::remove(work / leftover, ec);
  }

  const auto brand = work / "brand";
  datagen::Options options;
  options.customers = size.customers;
  options.products = size.products;
  options.offers = size.offers;
  options.out_dir = brand;
  auto now = parse_rfc3339(kNow);
  if (!now) return tl::unexpected(now.error());
  options.now = *now;
  auto start = std::chrono::steady_clock::now();
  std::printf("store: generating %zu customers, %zu skus, %zu offers …\n", size.customers,
              size.products, size.offers);
  std::fflush(stdout);
  if (auto generated = datagen::generate(options); !generated) {
    return tl::unexpected(generated.error());
  }
  std::printf("store: generated in %.1f s; importing …\n", seconds_since(start));
  std::fflush(stdout);

  start = std::chrono::steady_clock::now();
  auto db = store::open_store(db_path);
  if (!db) return tl::unexpected(db.error());
  auto imported = tools::import::import_folder(*db, brand, *now);
  if (!imported) return tl::unexpected(imported.error());
  std::int64_t applied = 0;
  for (const auto& [stream, counts] : imported->files)
    applied += counts.applied;
  std::printf("store: imported %lld items in %.1f s\n", static_cast<long long>(applied),
              seconds_since(start));
  std::filesystem::remove_all(brand, ec);  // ~1 GB of JSONL at full size
  std::ofstream(marker) << size_json(size).dump() << "\n";
  return db_path;
}

}  // namespace witryna::bench
