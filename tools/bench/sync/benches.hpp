#pragma once

#include <cstddef>
#include <filesystem>

namespace witryna::bench {

struct SnapshotBenchOptions {
  std::filesystem::path work = "build/bench-sync";
  std::size_t profiles = 1'000'000;
  std::size_t products = 200'000;
  std::size_t offers = 1'000;
  std::size_t part_items = 500;        // items per snapshot part (central's default)
  std::size_t baseline_scans = 1'000;  // scans measured before the snapshot
  std::size_t in_flight = 16;          // parts published and not yet acknowledged by the broker
  // Nice value for the broker and the bench's central (its MQTT and publisher
  // threads): 0 runs them as equals of the edge on its cores; 19 models a
  // store, where both are on other machines. The kiosk stays at 0.
  int others_nice = 0;
  // 0: the kiosk scans without pause; else one scan starts every this many ms.
  int scan_interval_ms = 0;
};

struct DrainBenchOptions {
  std::filesystem::path work = "build/bench-sync";
  std::size_t events = 100'000;
};

// Both print their numbers and targets; 0 when the run worked (a missed target
// is a result, not a failure), 1 when it could not be measured.
[[nodiscard]] int run_snapshot_bench(const SnapshotBenchOptions& options);
[[nodiscard]] int run_drain_bench(const DrainBenchOptions& options);

}  // namespace witryna::bench
