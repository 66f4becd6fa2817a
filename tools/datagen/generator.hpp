#pragma once
// Generates a whole demo brand into a folder: one JSONL file per stream (each
// line one item exactly as mqtt.md specifies), codes.clear.txt (demo only:
// the codes in clear, for typing them at a till) and demo.json (what a
// scripted demo should scan and type). Deterministic for a (seed, now).
// Streams its output: memory stays small whatever the counts.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::datagen {

struct Options {
  std::uint64_t seed = 1;
  std::size_t products = 2000;  // sku variants
  std::size_t offers = 40;
  std::size_t customers = 1000;  // ≥ 2
  std::size_t reservations = 40;
  std::size_t codes = 100;
  std::size_t nearby_stores = 3;
  std::string store = "PL-WAW-001";
  TimePoint now{};
  std::filesystem::path out_dir;
};

struct Summary {
  std::map<std::string, std::size_t> lines;  // file name → items written
};

inline constexpr const char* kStreamFiles[] = {"catalog.jsonl",  "stock.jsonl",
                                               "profiles.jsonl", "reservations.jsonl",
                                               "codes.jsonl",    "nearby.jsonl"};

// Fails with errc::kInvalidValue (bad option: the message says which) or
// errc::kIo (cannot write; the file named).
[[nodiscard]] Result<Summary> generate(const Options& options);

}  // namespace witryna::datagen
