// witryna-datagen: generates a realistic demo brand, the same for the same
// --seed and --now.
//
//   witryna-datagen --out /tmp/brand --seed 7 --now 2026-11-22T10:00:00.000Z
//   witryna-datagen --out /tmp/big --customers 1000000 --products 200000 --offers 1000
#include <chrono>
#include <cstdio>

#include "edge/cli/command.hpp"
#include "edge/core/time.hpp"
#include "tools/datagen/generator.hpp"

int main(int argc, char** argv) {
  using namespace witryna;

  witryna::cli::Command cli{
      "witryna-datagen: a deterministic demo brand as JSONL stream items (mqtt.md)"};
  datagen::Options options;
  std::string out;
  std::string now;
  cli.add_option("-o,--out", out, "output folder (created)")->required();
  cli.add_option("--seed", options.seed, "random seed")->capture_default_str();
  cli.add_option("--now", now,
                 "the instant validity windows and 'today' are around, RFC 3339 "
                 "(default: the current time; pass it for reproducible output)");
  cli.add_option("--products", options.products, "sku variants")->capture_default_str();
  cli.add_option("--offers", options.offers, "offers")->capture_default_str();
  cli.add_option("--customers", options.customers, "customer profiles (≥ 2)")
      ->capture_default_str();
  cli.add_option("--reservations", options.reservations, "reservations in the store")
      ->capture_default_str();
  cli.add_option("--codes", options.codes, "app codes (the first 4 are codes.md's test vectors)")
      ->capture_default_str();
  cli.add_option("--store", options.store, "the store the per-store streams are for")
      ->capture_default_str();
  cli.add_option("--nearby-stores", options.nearby_stores, "nearest stores in nearby.jsonl")
      ->capture_default_str();
  if (const auto exit = cli.parse(argc, argv)) return *exit;
  options.out_dir = out;
  if (now.empty()) {
    options.now = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
  } else {
    auto parsed = parse_rfc3339(now);
    if (!parsed) {
      std::fprintf(stderr, "witryna-datagen: --now must be RFC 3339, e.g. 2026-11-22T10:00:00Z\n");
      return 2;
    }
    options.now = *parsed;
  }

  const auto started = std::chrono::steady_clock::now();
  auto summary = datagen::generate(options);
  if (!summary) {
    std::fprintf(stderr, "witryna-datagen: %s\n", summary.error().context.c_str());
    return summary.error().code == errc::kInvalidValue ? 2 : 1;
  }
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (const auto& [file, lines] : summary->lines) {
    std::printf("%-20s %zu\n", file.c_str(), lines);
  }
  std::printf("written to %s in %.1f s (seed %llu, now %s)\n", out.c_str(), seconds,
              static_cast<unsigned long long>(options.seed), format_rfc3339(options.now).c_str());
  return 0;
}
