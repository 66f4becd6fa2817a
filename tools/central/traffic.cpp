#include "tools/central/traffic.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "edge/core/codes/app_code.hpp"

namespace witryna::central {

namespace {

Unexpected not_found(const std::string& what) {
  return fail(std::string(errc::kNotFound), what);
}

std::int64_t int_field(const Json& item, const char* field) {
  const auto it = item.find(field);
  return it != item.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// A live entity picked at random (nullptr when there is none), skipping `keep`.
const std::pair<const std::string, Json>* pick(const WorldState& world, Stream stream, Rng& rng,
                                               const std::set<std::string>& keep = {}) {
  std::vector<const std::pair<const std::string, Json>*> candidates;
  for (const auto& entry : world.entities(stream)) {
    if (!is_deleted(entry.second) && keep.count(entry.first) == 0) candidates.push_back(&entry);
  }
  if (candidates.empty()) return nullptr;
  std::uniform_int_distribution<std::size_t> index(0, candidates.size() - 1);
  return candidates[index(rng)];
}

Json stock_item(const std::string& sku, std::int64_t on_hand, std::int64_t reserved,
                std::int64_t ver) {
  return {{"sku", sku}, {"on_hand", on_hand}, {"reserved", reserved}, {"ver", ver}};
}

constexpr std::array<std::string_view, 5> kStatuses = {"held", "ready", "picked_up", "cancelled",
                                                       "expired"};

bool known_status(const std::string& status) {
  return std::find(kStatuses.begin(), kStatuses.end(), status) != kStatuses.end();
}

// The named customer if it exists, else a random one.
Result<std::string> choose_customer(const WorldState& world, Rng& rng,
                                    const std::optional<std::string>& named) {
  if (named) {
    const Json* profile = world.find(Stream::kProfiles, *named);
    if (profile == nullptr || is_deleted(*profile)) return not_found("no customer " + *named);
    return *named;
  }
  const auto* entry = pick(world, Stream::kProfiles, rng);
  if (entry == nullptr) return not_found("no customers");
  return entry->first;
}

}  // namespace

Result<Change> set_stock(const WorldState& world, const std::string& sku, std::int64_t on_hand,
                         std::optional<std::int64_t> reserved) {
  if (on_hand < 0 || (reserved && *reserved < 0)) {
    return fail(std::string(errc::kInvalidValue), "stock levels cannot be negative");
  }
  const Json* held = world.find(Stream::kStock, sku);
  if (held == nullptr && world.find(Stream::kCatalog, "product:" + sku) == nullptr) {
    return not_found("no sku " + sku + " in the catalog");
  }
  const std::int64_t keep_reserved = held == nullptr ? 0 : int_field(*held, "reserved");
  Change change;
  change.items.emplace_back(Stream::kStock,
                            stock_item(sku, on_hand, reserved.value_or(keep_reserved),
                                       world.next_ver(Stream::kStock, sku)));
  change.note = "stock " + sku + " on_hand " + std::to_string(on_hand);
  return change;
}

Result<Change> random_stock_change(const WorldState& world, Rng& rng) {
  const auto* entry = pick(world, Stream::kStock, rng);
  if (entry == nullptr) return not_found("no stock to change");
  constexpr std::array<std::int64_t, 4> kDeltas = {-1, -1, 1, 2};
  std::uniform_int_distribution<std::size_t> d(0, kDeltas.size() - 1);
  const std::int64_t on_hand =
      std::max<std::int64_t>(0, int_field(entry->second, "on_hand") + kDeltas[d(rng)]);
  return set_stock(world, entry->first, on_hand, std::nullopt);
}

Result<Change> new_reservation(const WorldState& world, Rng& rng, TimePoint now,
                               const std::string& store, const ReservationRequest& request) {
  if (!known_status(request.status)) {
    return fail(std::string(errc::kInvalidValue), "unknown reservation status " + request.status);
  }
  auto chosen = choose_customer(world, rng, request.customer);
  if (!chosen) return tl::unexpected(chosen.error());
  const std::string customer = std::move(*chosen);
  std::string sku;
  if (request.sku) {
    if (world.find(Stream::kCatalog, "product:" + *request.sku) == nullptr) {
      return not_found("no sku " + *request.sku + " in the catalog");
    }
    sku = *request.sku;
  } else {
    // Something on the shelf, as a real reservation would be.
    std::vector<std::string> available;
    for (const auto& [key, item] : world.entities(Stream::kStock)) {
      if (!is_deleted(item) && int_field(item, "on_hand") > int_field(item, "reserved")) {
        available.push_back(key);
      }
    }
    if (available.empty()) return not_found("nothing in stock to reserve");
    std::uniform_int_distribution<std::size_t> index(0, available.size() - 1);
    sku = available[index(rng)];
  }
  std::int64_t number = 9001;
  while (world.find(Stream::kReservations, "R-" + std::to_string(number)) != nullptr)
    ++number;
  const std::string id = "R-" + std::to_string(number);
  std::uniform_int_distribution<int> room(1, 6);
  Json item = {{"reservation", id},
               {"customer", customer},
               {"store", store},
               {"sku", sku},
               {"qty", 1},
               {"status", request.status},
               {"hold_until", format_rfc3339(now + std::chrono::hours(4))},
               {"fitting_room", std::to_string(room(rng))},
               {"ver", 1}};
  Change change;
  change.items.emplace_back(Stream::kReservations, std::move(item));
  if (const Json* stock = world.find(Stream::kStock, sku);
      stock != nullptr && !is_deleted(*stock)) {
    change.items.emplace_back(Stream::kStock, stock_item(sku, int_field(*stock, "on_hand"),
                                                         int_field(*stock, "reserved") + 1,
                                                         world.next_ver(Stream::kStock, sku)));
  }
  change.note = "reservation " + id + " for " + customer + " (" + sku + ", " + request.status + ")";
  return change;
}

Result<Change> reservation_status(const WorldState& world, const std::string& id,
                                  const std::string& status) {
  if (!known_status(status)) {
    return fail(std::string(errc::kInvalidValue), "unknown reservation status " + status);
  }
  const Json* held = world.find(Stream::kReservations, id);
  if (held == nullptr || is_deleted(*held)) return not_found("no reservation " + id);
  Json item = *held;
  const std::string before = item.value("status", "");
  item["status"] = status;
  item["ver"] = world.next_ver(Stream::kReservations, id);
  Change change;
  const std::string sku = item.value("sku", "");
  const bool was_open = before == "held" || before == "ready";
  const bool closes = status != "held" && status != "ready";
  change.items.emplace_back(Stream::kReservations, std::move(item));
  if (was_open && closes) {
    if (const Json* stock = world.find(Stream::kStock, sku); stock != nullptr) {
      const std::int64_t taken = status == "picked_up" ? 1 : 0;
      change.items.emplace_back(
          Stream::kStock,
          stock_item(sku, std::max<std::int64_t>(0, int_field(*stock, "on_hand") - taken),
                     std::max<std::int64_t>(0, int_field(*stock, "reserved") - 1),
                     world.next_ver(Stream::kStock, sku)));
    }
  }
  change.note = "reservation " + id + " " + before + " -> " + status;
  return change;
}

Result<Change> new_code(const WorldState& world, Rng& rng, TimePoint now,
                        const CodeRequest& request, const Sha256Hex& sha256_hex) {
  auto chosen = choose_customer(world, rng, request.customer);
  if (!chosen) return tl::unexpected(chosen.error());
  const std::string customer = std::move(*chosen);
  const std::string scope = request.scope.value_or("store");
  if (scope != "store" && scope != "brand") {
    return fail(std::string(errc::kInvalidValue), "scope is store or brand");
  }
  const std::int64_t amount = request.amount_minor.value_or(2000);
  if (amount <= 0) return fail(std::string(errc::kInvalidValue), "the amount must be above 0");

  std::uniform_int_distribution<std::size_t> symbol(0, core::kCrockfordAlphabet.size() - 1);
  std::string normalized;
  std::string hash;
  do {
    std::string data;
    for (std::size_t k = 0; k < core::kAppCodeDataSymbols; ++k)
      data.push_back(core::kCrockfordAlphabet[symbol(rng)]);
    auto made = core::make_app_code(data);
    if (!made) return tl::make_unexpected(made.error());
    normalized = *made;
    hash = core::app_code_key(normalized, sha256_hex);
  } while (world.find(Stream::kCodes, hash) != nullptr);

  Json item = {{"code_hash", hash},
               {"benefit", {{"type", "amount"}, {"value", amount}, {"currency", "PLN"}}},
               {"customer", customer},
               {"reason", "social"},
               {"valid_to", format_rfc3339(now + std::chrono::hours(24 * 30))},
               {"max_uses", 1},
               {"scope", scope},
               {"ver", 1}};
  Change change;
  change.items.emplace_back(Stream::kCodes, std::move(item));
  change.note = "code " + core::format_app_code(normalized) + " (" + scope + ", " +
                std::to_string(amount) + " minor) for " + customer;
  return change;
}

Result<Change> set_consent(const WorldState& world, const std::string& customer,
                           const std::string& consent, bool value) {
  static constexpr std::array<std::string_view, 4> kConsents = {
      "personalization", "marketing", "display_name", "history_for_staff"};
  if (std::find(kConsents.begin(), kConsents.end(), consent) == kConsents.end()) {
    return fail(std::string(errc::kInvalidValue),
                "consents are personalization, marketing, display_name, history_for_staff");
  }
  const Json* held = world.find(Stream::kProfiles, customer);
  if (held == nullptr || is_deleted(*held)) return not_found("no customer " + customer);
  Json item = *held;
  item["consents"][consent] = value;
  item["ver"] = world.next_ver(Stream::kProfiles, customer);
  Change change;
  change.items.emplace_back(Stream::kProfiles, std::move(item));
  change.note = customer + " consent " + consent + " = " + (value ? "true" : "false");
  return change;
}

Result<Change> random_consent_change(const WorldState& world, Rng& rng,
                                     const std::set<std::string>& keep) {
  const auto* entry = pick(world, Stream::kProfiles, rng, keep);
  if (entry == nullptr) return not_found("no customers");
  const Json& consents = entry->second.contains("consents") ? entry->second["consents"] : Json();
  const bool now_on = consents.is_object() && consents.value("personalization", false);
  return set_consent(world, entry->first, "personalization", !now_on);
}

Result<Change> erase_customer(const WorldState& world, const std::string& customer) {
  const Json* held = world.find(Stream::kProfiles, customer);
  if (held == nullptr || is_deleted(*held)) return not_found("no customer " + customer);
  Change change;
  change.items.emplace_back(Stream::kProfiles,
                            Json{{"customer", customer},
                                 {"ver", world.next_ver(Stream::kProfiles, customer)},
                                 {"deleted", true}});
  change.note = customer + " erased (right to erasure)";
  return change;
}

Result<Change> random_erasure(const WorldState& world, Rng& rng,
                              const std::set<std::string>& keep) {
  const auto* entry = pick(world, Stream::kProfiles, rng, keep);
  if (entry == nullptr) return not_found("no customers");
  return erase_customer(world, entry->first);
}

}  // namespace witryna::central
