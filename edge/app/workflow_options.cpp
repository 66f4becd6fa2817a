#include "edge/app/workflow_options.hpp"

#include "edge/service/config.hpp"

#ifndef WITRYNA_VERSION
#define WITRYNA_VERSION "0.0.0"
#endif

namespace witryna::app {

WorkflowOptions workflow_options(const service::Config& config) {
  WorkflowOptions o;
  o.device = config.device.id;
  o.store = config.device.store;
  o.version = WITRYNA_VERSION;
  o.card_prefixes = config.cards.prefixes;
  o.offers.max_on_screen = static_cast<std::size_t>(config.offers.max_on_screen);
  o.offers.control_group_percent = config.offers.control_group_percent;
  o.points.currency = config.points.currency;
  o.points.points_per_unit = config.points.per_unit;
  o.points.unit_minor = 100;
  o.points.tier_multipliers.clear();
  for (const auto& [tier, multiplier] : config.points.tier_multipliers) {
    o.points.tier_multipliers.emplace(tier, multiplier);
  }
  o.offline.max_value_minor = config.redemption.offline_max_value_minor;
  o.offline.max_per_hour = config.redemption.offline_max_per_hour;
  o.outbox.max_bytes = static_cast<std::size_t>(config.outbox.max_bytes);
  o.outbox.max_age = std::chrono::seconds(config.outbox.max_age_s);
  o.idle_after = config.screens.idle_after();
  for (const auto& s : config.screens.list) {
    o.screens.push_back(
        {s.id,
         s.role == service::ScreenRole::kCheckout ? screen::Role::kCheckout : screen::Role::kKiosk,
         s.till});
  }
  return o;
}

}  // namespace witryna::app
