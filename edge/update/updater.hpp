#pragma once
// The update agent behind witryna-updater (docs/updates.md): takes manifests
// the edge drops into the spool, verifies, downloads, installs beside the
// running version, switches, judges the trial locally and commits or rolls
// back by itself. Every step is written to the journal before the next one
// starts, so that a kill -9 or a power cut at any instant resumes where it
// stopped and leaves `current` pointing at a complete release.
//
// Layout under `root`:
//   releases/<version>/       complete releases (bin/witryna-edge, …)
//   current   -> releases/…   what witryna-edge.service runs
//   committed -> releases/…   the last release proved healthy (rollback target)
//   updater/journal.json, updater/download/<id>.part
// Spool (shared with the edge, which runs as another user):
//   inbox.jws    the latest manifest token from MQTT (the edge writes it)
//   status.json  the `update` object of the device state (we write it)

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "edge/core/codes/jws.hpp"
#include "edge/core/update/manifest.hpp"
#include "edge/core/update/trial.hpp"
#include "edge/core/update/window.hpp"
#include "edge/update/https_download.hpp"
#include "edge/update/journal.hpp"
#include "edge/update/service_manager.hpp"

namespace witryna::update {

struct UpdaterOptions {
  std::filesystem::path root = "/opt/witryna";
  std::filesystem::path spool = "/var/lib/witryna/update";
  core::MaintenanceWindow window;
  DownloadOptions download;
  core::TrialPolicy trial;  // health_timeout_ms comes from each manifest
  // Test hook: the process kills itself (SIGKILL) on reaching this point
  // (names in updater.cpp, kFaultPoints), to prove every step resumes.
  std::string fault_at;
};

class Updater {
 public:
  // `local_minute`: the store-local minute of the day now (the caller knows the time zone).
  Updater(UpdaterOptions options, const core::SignatureVerifier& fleet_keys,
          const ServiceManager& service, std::function<int()> local_minute);

  // Loads the journal (and resumes an interrupted switch or rollback).
  [[nodiscard]] Result<void> open();
  // One round: the inbox, then the current state's work. `now_ms` is a
  // monotonic clock. Never throws; failures end up in the journal's detail.
  void step(std::int64_t now_ms);

  [[nodiscard]] const Journal& journal() const { return journal_; }
  // The version of the committed release (else current, else this build).
  [[nodiscard]] std::string running_version() const;

 private:
  [[nodiscard]] core::Version running_semver() const;
  void check_inbox();
  void download();
  void verify();
  void install();
  void judge(std::int64_t now_ms);
  void roll_back(const std::string& why);
  void finish_rollback();
  void collect_garbage();
  void fault(std::string_view point) const;
  void transition(core::UpdateEvent event, std::string detail);
  void save();
  [[nodiscard]] std::filesystem::path part_file() const;
  [[nodiscard]] std::filesystem::path release_dir(const std::string& version) const;

  UpdaterOptions options_;
  const core::SignatureVerifier& keys_;
  const ServiceManager& service_;
  std::function<int()> local_minute_;
  Journal journal_;
  std::optional<core::TrialRun> run_;  // this process's watch of the trial
  std::int64_t ignore_pid_ = 0;        // the main pid a restart of ours is replacing
  std::int64_t next_download_ms_ = 0;  // backoff after a failed attempt
  std::int64_t download_backoff_ms_ = 1000;
};

}  // namespace witryna::update
