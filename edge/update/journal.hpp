#pragma once
// The updater's persisted state (<root>/updater/journal.json, written
// atomically at every step) and the status it shows the edge
// (<spool>/status.json: the `update` object of the device state, mqtt.md).

#include <cstdint>
#include <filesystem>
#include <string>

#include "edge/core/result.hpp"
#include "edge/core/update/trial.hpp"
#include "edge/core/update/update_state.hpp"

namespace witryna::update {

struct Journal {
  core::UpdateState state = core::UpdateState::kIdle;
  std::string id;
  std::string detail;
  int percent = 0;
  // The accepted manifest (kept so that a resume needs no re-verification
  // against a version that may have changed meanwhile).
  std::string version;
  std::string from_version;
  std::string url;
  std::string sha256;
  std::int64_t size = 0;
  std::int64_t health_timeout_s = 120;
  bool urgent = false;
  // Trial bookkeeping.
  bool restarted = false;     // the restart into the new version was issued
  bool rolling_back = false;  // the rollback was decided, not yet finished
  core::TrialProgress progress;
  std::string last_inbox_sha256;  // the inbox token already handled
};

[[nodiscard]] Result<Journal> load_journal(const std::filesystem::path& file);
[[nodiscard]] Result<void> save_journal(const std::filesystem::path& file, const Journal& journal);
// {"id":…,"state":…,"detail":…,"percent":…,"version":…} for the edge.
[[nodiscard]] Result<void> save_status(const std::filesystem::path& file, const Journal& journal);

}  // namespace witryna::update
