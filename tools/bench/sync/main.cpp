// witryna-bench-sync: the two sync numbers of issue #3, each measured on the
// built witryna-edge binary through a real mosquitto.
//
//   witryna-bench-sync snapshot [--work build/bench-sync] [--profiles 1000000] …
//   witryna-bench-sync drain    [--work build/bench-sync] [--events 100000]
//
// snapshot: central answers the device's `profiles` resync with a snapshot
// of every profile (parts of 500, each item newer than the stored one) while
// a kiosk on the real screen socket keeps scanning cards; total time from
// the first part published until the completion is committed, and the scan
// latency before and during it. drain: the device starts with `events`
// events in its outbox; events/s from its birth until central acknowledged
// the last one, each event checked to arrive once and in order of n, next to
// a bare Paho publisher of the same messages.

#include "edge/cli/command.hpp"
#include "edge/service/log.hpp"
#include "tools/bench/sync/benches.hpp"

int main(int argc, char** argv) {
  using namespace witryna::bench;
  witryna::cli::Command cli{
      "witryna-bench-sync: profile snapshot and outbox drain against witryna-edge"};
  cli.require_subcommand(1);
  SnapshotBenchOptions snapshot;
  auto* snap = cli.add_subcommand("snapshot", "a profiles snapshot while a kiosk scans");
  snap->add_option("--work", snapshot.work, "folder for the generated store (reused)")
      ->capture_default_str();
  snap->add_option("--profiles", snapshot.profiles, "profiles (customers) in the store")
      ->capture_default_str();
  snap->add_option("--products", snapshot.products, "sku variants")->capture_default_str();
  snap->add_option("--offers", snapshot.offers, "offers")->capture_default_str();
  snap->add_option("--part-items", snapshot.part_items, "items per snapshot part")
      ->capture_default_str();
  snap->add_option("--baseline-scans", snapshot.baseline_scans, "scans before the snapshot")
      ->capture_default_str();
  snap->add_option("--others-nice", snapshot.others_nice,
                   "nice value of the broker and the bench's central (19: as if on other "
                   "machines; 0: co-located equals)")
      ->capture_default_str();
  snap->add_option("--scan-interval-ms", snapshot.scan_interval_ms,
                   "one scan every this many ms during the snapshot (0: without pause)")
      ->capture_default_str();
  DrainBenchOptions drain;
  auto* drn = cli.add_subcommand("drain", "the outbox drained after a reconnect");
  drn->add_option("--work", drain.work, "folder for the store and logs")->capture_default_str();
  drn->add_option("--events", drain.events, "events queued in the outbox")->capture_default_str();
  if (const auto exit = cli.parse(argc, argv)) return *exit;
  witryna::service::log::set_level(witryna::service::LogLevel::kWarn);
  if (snap->parsed()) return run_snapshot_bench(snapshot);
  return run_drain_bench(drain);
}
