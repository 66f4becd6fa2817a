#include "edge/core/update/update_state.hpp"

#include <array>

namespace witryna::core {

namespace {

using US = UpdateState;
using UE = UpdateEvent;

// clang-format off
constexpr std::array kUpdateTable{
  // from            event               to
  UpdateTransition{US::kIdle,        UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kIdle,        UE::kRefused,       US::kFailed},
  UpdateTransition{US::kDownloading, UE::kDownloaded,    US::kVerifying},
  UpdateTransition{US::kDownloading, UE::kAccepted,      US::kDownloading},  // a newer manifest
  UpdateTransition{US::kDownloading, UE::kRefused,       US::kDownloading},  // keep the good one
  UpdateTransition{US::kVerifying,   UE::kVerified,      US::kInstalling},
  UpdateTransition{US::kVerifying,   UE::kVerifyFailed,  US::kFailed},
  UpdateTransition{US::kVerifying,   UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kVerifying,   UE::kRefused,       US::kVerifying},
  UpdateTransition{US::kInstalling,  UE::kSwitched,      US::kTrial},
  UpdateTransition{US::kInstalling,  UE::kInstallFailed, US::kFailed},
  UpdateTransition{US::kInstalling,  UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kInstalling,  UE::kRefused,       US::kInstalling},
  UpdateTransition{US::kTrial,       UE::kHealthy,       US::kCommitted},
  UpdateTransition{US::kTrial,       UE::kUnhealthy,     US::kRolledBack},
  UpdateTransition{US::kCommitted,   UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kCommitted,   UE::kRefused,       US::kFailed},
  UpdateTransition{US::kRolledBack,  UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kRolledBack,  UE::kRefused,       US::kFailed},
  UpdateTransition{US::kFailed,      UE::kAccepted,      US::kDownloading},
  UpdateTransition{US::kFailed,      UE::kRefused,       US::kFailed},
};
// clang-format on

}  // namespace

std::string_view to_string(UpdateState state) {
  switch (state) {
    case US::kIdle:
      return "idle";
    case US::kDownloading:
      return "downloading";
    case US::kVerifying:
      return "verifying";
    case US::kInstalling:
      return "installing";
    case US::kTrial:
      return "trial";
    case US::kCommitted:
      return "committed";
    case US::kRolledBack:
      return "rolled_back";
    case US::kFailed:
      return "failed";
  }
  return "idle";
}

std::string_view to_string(UpdateEvent event) {
  switch (event) {
    case UE::kAccepted:
      return "accepted";
    case UE::kRefused:
      return "refused";
    case UE::kDownloaded:
      return "downloaded";
    case UE::kVerified:
      return "verified";
    case UE::kVerifyFailed:
      return "verify_failed";
    case UE::kSwitched:
      return "switched";
    case UE::kInstallFailed:
      return "install_failed";
    case UE::kHealthy:
      return "healthy";
    case UE::kUnhealthy:
      return "unhealthy";
  }
  return "refused";
}

std::optional<UpdateState> update_state_from_string(std::string_view text) {
  for (const auto s : {US::kIdle, US::kDownloading, US::kVerifying, US::kInstalling, US::kTrial,
                       US::kCommitted, US::kRolledBack, US::kFailed}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::span<const UpdateTransition> update_transitions() {
  return kUpdateTable;
}

std::optional<UpdateState> next_update_state(UpdateState state, UpdateEvent event) {
  for (const auto& row : kUpdateTable) {
    if (row.from == state && row.event == event) return row.to;
  }
  return std::nullopt;
}

bool is_final(UpdateState state) {
  return state == US::kIdle || state == US::kCommitted || state == US::kRolledBack ||
         state == US::kFailed;
}

}  // namespace witryna::core
