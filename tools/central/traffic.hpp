#pragma once
// Live changes central makes for demos and tests: stock moves, new
// reservations and codes, consent changes, erasure requests. Each returns
// the items to publish (every one with a `ver` above the held one); nothing
// is stored here. Pure: `now` and the random generator are passed in.

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "tools/central/world_state.hpp"

namespace witryna::central {

struct Change {
  std::vector<std::pair<Stream, Json>> items;
  std::string note;  // for the operator: what happened (a new code in clear)
};

using Rng = std::mt19937_64;
using Sha256Hex = std::function<std::string(std::string_view)>;

// Errors are errc::kNotFound (no such sku/customer/reservation) or
// errc::kInvalidValue (a bad value), with a message for the operator.
[[nodiscard]] Result<Change> set_stock(const WorldState& world, const std::string& sku,
                                       std::int64_t on_hand, std::optional<std::int64_t> reserved);
[[nodiscard]] Result<Change> random_stock_change(const WorldState& world, Rng& rng);

struct ReservationRequest {
  std::optional<std::string> customer;
  std::optional<std::string> sku;
  std::string status = "ready";
};
[[nodiscard]] Result<Change> new_reservation(const WorldState& world, Rng& rng, TimePoint now,
                                             const std::string& store,
                                             const ReservationRequest& request);
[[nodiscard]] Result<Change> reservation_status(const WorldState& world, const std::string& id,
                                                const std::string& status);

struct CodeRequest {
  std::optional<std::string> customer;
  std::optional<std::int64_t> amount_minor;
  std::optional<std::string> scope;  // store | brand
};
[[nodiscard]] Result<Change> new_code(const WorldState& world, Rng& rng, TimePoint now,
                                      const CodeRequest& request, const Sha256Hex& sha256_hex);

[[nodiscard]] Result<Change> set_consent(const WorldState& world, const std::string& customer,
                                         const std::string& consent, bool value);
// Flips `personalization` of a random customer outside `keep`.
[[nodiscard]] Result<Change> random_consent_change(const WorldState& world, Rng& rng,
                                                   const std::set<std::string>& keep);
[[nodiscard]] Result<Change> erase_customer(const WorldState& world, const std::string& customer);
[[nodiscard]] Result<Change> random_erasure(const WorldState& world, Rng& rng,
                                            const std::set<std::string>& keep);

}  // namespace witryna::central
