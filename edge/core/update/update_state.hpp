#pragma once
// The update agent's states (reported in the device state's `update.state`,
// mqtt.md) and THE transition table between them. Everything that moves an
// update forward goes through next_update_state(); an event that the table
// does not list for a state is a bug in the caller (it asserts in debug and
// leaves the state unchanged).
//
//   idle ─accepted→ downloading ─downloaded→ verifying ─verified→ installing
//        ─switched→ trial ─healthy→ committed
//                         └unhealthy→ rolled_back
//   refused / verify_failed / install_failed → failed
//   a newer manifest (accepted) restarts from downloading in any state but
//   trial: a trial is always judged to its end first.

#include <optional>
#include <span>
#include <string_view>

namespace witryna::core {

enum class UpdateState {
  kIdle,
  kDownloading,
  kVerifying,
  kInstalling,
  kTrial,
  kCommitted,
  kRolledBack,
  kFailed,
};

enum class UpdateEvent {
  kAccepted,       // a manifest passed verify_update_manifest
  kRefused,        // it did not (bad signature, unknown key, downgrade, …)
  kDownloaded,     // all `size` bytes are on disk
  kVerified,       // size and sha256 match
  kVerifyFailed,   // they do not
  kSwitched,       // `current` points at the new release; it is being restarted
  kInstallFailed,  // unpacking or switching failed (the old release still runs)
  kHealthy,        // judge_trial said commit
  kUnhealthy,      // judge_trial said roll back; `current` points back
};

[[nodiscard]] std::string_view to_string(UpdateState state);
[[nodiscard]] std::string_view to_string(UpdateEvent event);
// The inverse of to_string(UpdateState) (for the persisted journal).
[[nodiscard]] std::optional<UpdateState> update_state_from_string(std::string_view text);

struct UpdateTransition {
  UpdateState from;
  UpdateEvent event;
  UpdateState to;
};

// The whole table, for tests and documentation.
[[nodiscard]] std::span<const UpdateTransition> update_transitions();

// nullopt when the table has no row for (state, event).
[[nodiscard]] std::optional<UpdateState> next_update_state(UpdateState state, UpdateEvent event);

// True for the states an update ends in (a new manifest may start another).
[[nodiscard]] bool is_final(UpdateState state);

}  // namespace witryna::core
