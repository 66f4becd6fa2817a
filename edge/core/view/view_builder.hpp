#pragma once

#include <nlohmann/json.hpp>

#include "edge/core/view/view_state.hpp"

namespace witryna::core {

// The `view` object of screen-api.md (without `rev`/`screen`, which the
// screen server adds). Consent is enforced here, whatever the caller passed:
// the name only with consents.display_name, history only with
// consents.history_for_staff. Fields beyond the contract (`customer.consents`,
// `customer.preferences`, `customer.pending_points`, `message.code`) are
// additions that other screens may ignore.
[[nodiscard]] nlohmann::json build_view(const ViewState& state, TimePoint now);

[[nodiscard]] nlohmann::json benefit_json(const domain::Benefit& benefit);
[[nodiscard]] nlohmann::json offer_json(const ShownOffer& offer);

}  // namespace witryna::core
