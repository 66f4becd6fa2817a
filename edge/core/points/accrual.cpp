#include "edge/core/points/accrual.hpp"

#include <cmath>
#include <limits>

#include "edge/core/offers/eligibility.hpp"

namespace witryna::core {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// a × b for non-negative values; none on overflow.
std::optional<std::int64_t> mul(std::int64_t a, std::int64_t b) {
  if (a == 0 || b == 0) return 0;
  if (a > kMax / b) return std::nullopt;
  return a * b;
}

const domain::Offer* best_points_offer(const Purchase& p, const domain::Profile& profile) {
  const domain::Offer* best = nullptr;
  for (const auto& o : p.offers) {
    if (o.benefit.type != domain::BenefitType::kPoints || o.benefit.value < 1) continue;
    if (!o.skus.empty() || !o.category.empty()) continue;
    if (check_eligibility(o, &profile, profile.consents.personalization, 0, p.now) !=
        Exclusion::kNone) {
      continue;
    }
    if (best == nullptr || o.benefit.value > best->benefit.value ||
        (o.benefit.value == best->benefit.value && o.offer < best->offer)) {
      best = &o;
    }
  }
  return best;
}

std::int64_t tier_milli(const PointsConfig& config, const std::string& tier) {
  const auto it = config.tier_multipliers.find(tier);
  if (it == config.tier_multipliers.end()) return 1000;
  return std::llround(it->second * 1000.0);
}

}  // namespace

const char* to_string(PointsOutcome outcome) {
  switch (outcome) {
    case PointsOutcome::kAccrued:
      return "accrued";
    case PointsOutcome::kDuplicateReceipt:
      return "duplicate_receipt";
    case PointsOutcome::kNoCustomer:
      return "no_customer";
    case PointsOutcome::kWrongCurrency:
      return "wrong_currency";
    case PointsOutcome::kNothingToAccrue:
      return "nothing_to_accrue";
    case PointsOutcome::kTooLarge:
      return "too_large";
  }
  return "?";
}

PointsDecision decide_points(const Purchase& purchase, const PointsConfig& config) {
  PointsDecision d;
  if (purchase.receipt_seen) {
    d.outcome = PointsOutcome::kDuplicateReceipt;
    return d;
  }
  if (!purchase.profile) {
    d.outcome = PointsOutcome::kNoCustomer;
    return d;
  }
  if (!config.currency.empty() && purchase.currency != config.currency) {
    d.outcome = PointsOutcome::kWrongCurrency;
    return d;
  }
  if (purchase.amount_minor <= 0 || config.unit_minor < 1) return d;

  const auto& profile = *purchase.profile;
  d.tier_multiplier_milli = tier_milli(config, profile.tier);
  if (const auto* offer = best_points_offer(purchase, profile)) {
    d.offer_multiplier = offer->benefit.value;
    d.offer = offer->offer;
  }
  const auto units = purchase.amount_minor / config.unit_minor;
  auto scaled = mul(units, config.points_per_unit);
  if (scaled) scaled = mul(*scaled, d.tier_multiplier_milli);
  if (scaled) scaled = mul(*scaled, d.offer_multiplier);
  if (!scaled) {
    d.outcome = PointsOutcome::kTooLarge;
    return d;
  }
  d.points = *scaled / 1000;
  if (d.points <= 0) {
    d.points = 0;
    return d;
  }
  d.outcome = PointsOutcome::kAccrued;
  nlohmann::json fields = {{"customer", profile.customer},
                           {"receipt", purchase.receipt},
                           {"points", d.points},
                           {"amount_minor", purchase.amount_minor},
                           {"currency", purchase.currency}};
  if (!purchase.till.empty()) fields["till"] = purchase.till;
  if (d.offer) fields["offer"] = *d.offer;
  d.event = domain::Event{domain::event_type::kPointsAccrued, purchase.now, std::move(fields)};
  return d;
}

}  // namespace witryna::core
