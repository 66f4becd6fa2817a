#pragma once
// Code redemptions (codes.md: a code with max_uses 1 is redeemed at most
// once, whatever the number of tills, screens or retries).
//
// record_redemption checks and inserts inside the caller's transaction, which
// holds the write lock from its start (BEGIN IMMEDIATE): two connections or
// processes cannot both pass the check. Append the code.redeemed event in
// the same transaction and commit with Durability::kFull, so the redemption
// and its event survive power loss together or not at all.

#include <cstdint>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"

namespace witryna::store {

enum class RedeemOutcome {
  kRecorded,         // this redemption now counts
  kAlreadyRecorded,  // this (code, till, ticket) was recorded before: a retry, nothing new
  kExhausted,        // uses ≥ max_uses: refused ("already_used")
  kUnknownCode,      // no live code with this hash
};
[[nodiscard]] const char* to_string(RedeemOutcome o);

// `offline` marks a brand-scope code redeemed under the offline policy
// (counted by offline_brand_redemptions_since).
[[nodiscard]] Result<RedeemOutcome> record_redemption(Transaction& tx, std::string_view code_hash,
                                                      std::string_view till,
                                                      std::string_view ticket, TimePoint at,
                                                      bool offline = false);

[[nodiscard]] Result<std::int64_t> redemption_uses(Database& db, std::string_view code_hash);
// Offline redemptions of brand-scope codes with at ≥ since (e.g. now − 1 h).
[[nodiscard]] Result<std::int64_t> offline_brand_redemptions_since(Database& db, TimePoint since);

}  // namespace witryna::store
