#pragma once
// Right-to-erasure (mqtt.md: a `profiles` tombstone): everything personal the
// device holds about one customer goes; only the profiles row's key + ver stay.
//
// Removed: the profile body, the cards index, offer shown-counters, pending
// local profile changes, pending points, and the customer link of seen points
// receipts (the receipt id stays, so a replayed receipt is still refused).
// Not touched, on purpose: events already in the outbox (the contract forbids
// dropping them; central owns their erasure) and entities of other streams
// that refer to the customer by key (reservations, codes: central removes
// them with their own tombstones; they hold no more than the key).

#include <string_view>

#include "edge/core/result.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// Everything but the profiles row itself (apply_profiles tombstones that row
// and then calls this in the same transaction).
[[nodiscard]] Result<void> erase_customer_data(Transaction& tx, std::string_view customer);

}  // namespace witryna::store
