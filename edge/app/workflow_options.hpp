#pragma once
// What the workflows need from the configuration, as plain values. Built from
// the service's Config by workflow_options(); tests fill it directly.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/offers/offer_config.hpp"
#include "edge/core/points/points_config.hpp"
#include "edge/core/redemption/guess_lockout.hpp"
#include "edge/core/redemption/offline_policy.hpp"
#include "edge/screen/protocol.hpp"
#include "sync/core/outbox_bounds.hpp"

namespace witryna::service {
struct Config;
}

namespace witryna::app {

struct KnownScreen {
  std::string id;
  screen::Role role = screen::Role::kKiosk;
  std::optional<std::string> till;
};

struct WorkflowOptions {
  std::string device;
  std::string store;
  std::string version;
  std::vector<std::string> card_prefixes = {"29"};
  core::OfferConfig offers;
  core::PointsConfig points;
  core::OfflinePolicy offline;
  core::LockoutPolicy lockout;
  sync::core::OutboxBounds outbox;
  std::chrono::milliseconds idle_after = std::chrono::seconds(45);
  // How long a screen has to answer a screenshot request.
  std::chrono::milliseconds screenshot_timeout = std::chrono::seconds(5);
  // Empty: any screen may attach with the role it says. Otherwise only these,
  // with exactly the role and till configured for them.
  std::vector<KnownScreen> screens;
};

// The options for `config` (cards, offers, redemption, screens, outbox, points).
[[nodiscard]] WorkflowOptions workflow_options(const service::Config& config);

}  // namespace witryna::app
