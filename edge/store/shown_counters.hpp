#pragma once
// How often each offer was shown to each customer per UTC day (an offer's
// `max_per_day`). Personal data: erased with the customer.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

// +1 for (customer, offer, UTC day of `at`), in the transaction that also
// appends the offers.shown event; the new count.
[[nodiscard]] Result<std::int64_t> increment_shown(Transaction& tx, std::string_view customer,
                                                   std::string_view offer, TimePoint at);
// +1 for each of `offers` (distinct ids), in one statement: a scan counts
// every offer it shows.
[[nodiscard]] Result<void> increment_shown_all(Transaction& tx, std::string_view customer,
                                               const std::vector<std::string>& offers,
                                               TimePoint at);
[[nodiscard]] Result<std::int64_t> shown_count(Database& db, std::string_view customer,
                                               std::string_view offer, TimePoint day);
// Every offer's count for the customer on the UTC day of `day` (one query).
[[nodiscard]] Result<std::map<std::string, std::int64_t>> shown_counts(Database& db,
                                                                       std::string_view customer,
                                                                       TimePoint day);
// Deletes counters of UTC days before the day of `keep_from`; how many rows went.
[[nodiscard]] Result<std::int64_t> purge_shown_before(Database& db, TimePoint keep_from);

}  // namespace witryna::store
