#pragma once
// Profile changes made on this device (consent.set, preferences.set) that
// central has not confirmed yet. Each is stored with the profile ver it was
// based on; it wins over the stored central profile until central sends a
// profile with a ver greater than that base (then it is cleared: central's
// newer truth wins, whether or not it already includes the change).
// Personal data: erased with the customer.

#include <cstdint>
#include <optional>
#include <string_view>

#include "edge/core/domain/profile.hpp"
#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Replaces any pending change of the same kind. kNotFound when the customer
// has no live profile (nothing is stored for an unknown or erased customer).
// In the transaction that appends the consent.changed / preferences.changed event.
[[nodiscard]] Result<void> set_pending_consents(Transaction& tx, std::string_view customer,
                                                const domain::Consents& consents,
                                                std::int64_t base_ver, TimePoint at);
[[nodiscard]] Result<void> set_pending_preferences(Transaction& tx, std::string_view customer,
                                                   const domain::Preferences& preferences,
                                                   std::int64_t base_ver, TimePoint at);

struct PendingProfileChanges {
  std::optional<domain::Consents> consents;
  std::optional<domain::Preferences> preferences;
  friend bool operator==(const PendingProfileChanges&, const PendingProfileChanges&) = default;
};
[[nodiscard]] Result<PendingProfileChanges> load_pending_changes(Database& db,
                                                                 std::string_view customer);

// The profile as this device should use it: central's, with pending local
// consents / preferences laid over. What screens and offer decisions read.
[[nodiscard]] Result<std::optional<domain::Profile>> load_profile_merged(Database& db,
                                                                         std::string_view customer);

}  // namespace witryna::store
