// What a customer does on a kiosk ("My preferences", accepting an offer), what
// a cashier does for them (purchase points, reservation pickup), and holds
// that end by themselves.
#include <algorithm>

#include "edge/app/workflows.hpp"
#include "edge/core/points/accrual.hpp"
#include "edge/core/profile/profile_patch.hpp"
#include "edge/core/reservations/expiry.hpp"
#include "edge/core/reservations/pickup.hpp"
#include "edge/service/log.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/local_reservations.hpp"
#include "edge/store/pending_changes.hpp"
#include "edge/store/points.hpp"

namespace witryna::app {

namespace log = service::log;

namespace {
constexpr const char* kNoCustomer = "no_customer";
constexpr auto kExpiryRecheck = std::chrono::hours(1);
}  // namespace

std::optional<Workflows::ProfileChange> Workflows::profile_change(Session& s,
                                                                  const screen::Reply& reply) {
  if (!s.customer) {
    reply(fail(kNoCustomer, "scan a card or the app first"));
    return std::nullopt;
  }
  const std::string customer = *s.customer;
  auto central = store::load_profile(db_, customer);
  auto merged = store::load_profile_merged(db_, customer);
  if (!central || !merged) {
    reply(tl::unexpected(!central ? central.error() : merged.error()));
    return std::nullopt;
  }
  if (!*central || !*merged) {
    reply(fail(kNoCustomer, "the profile is gone"));
    return std::nullopt;
  }
  return ProfileChange{customer, (*central)->ver, std::move(**merged)};
}

void Workflows::handle_consent(Session& s, const nlohmann::json& patch,
                               const screen::Reply& reply) {
  auto change = profile_change(s, reply);
  if (!change) return;
  const auto now = clock_();
  const std::string& customer = change->customer;
  auto next = core::patch_consents(change->merged.consents, patch);
  if (!next) {
    reply(tl::unexpected(next.error()));
    return;
  }
  const auto base_ver = change->base_ver;
  reply(commit_and_show(
      s, now, {core::consent_changed_event(customer, *next, s.hello.screen, now)},
      [&](store::Transaction& tx) {
        return store::set_pending_consents(tx, customer, *next, base_ver, now);
      },
      store::Durability::kFull));
}

void Workflows::handle_preferences(Session& s, const nlohmann::json& patch,
                                   const screen::Reply& reply) {
  auto change = profile_change(s, reply);
  if (!change) return;
  const auto now = clock_();
  const std::string& customer = change->customer;
  auto next = core::patch_preferences(change->merged.preferences, patch);
  if (!next) {
    reply(tl::unexpected(next.error()));
    return;
  }
  const auto base_ver = change->base_ver;
  reply(commit_and_show(
      s, now, {core::preferences_changed_event(customer, *next, s.hello.screen, now)},
      [&](store::Transaction& tx) {
        return store::set_pending_preferences(tx, customer, *next, base_ver, now);
      },
      store::Durability::kFull));
}

void Workflows::handle_purchase(Session& s, const screen::Action& action,
                                const screen::Reply& reply) {
  const auto& body = action.body;
  auto receipt = body.find("receipt");
  auto amount = body.find("amount_minor");
  auto currency = body.find("currency");
  if (receipt == body.end() || !receipt->is_string() || receipt->get<std::string>().empty() ||
      amount == body.end() || !amount->is_number_integer() || currency == body.end() ||
      !currency->is_string()) {
    reply(fail(std::string(errc::kMissingField),
               "purchase needs receipt (string), amount_minor (integer), currency (string)"));
    return;
  }
  if (!s.customer) {
    reply(fail(kNoCustomer, "scan the customer's card or app first"));
    return;
  }
  const auto now = clock_();
  core::Purchase p;
  p.receipt = receipt->get<std::string>();
  p.amount_minor = amount->get<std::int64_t>();
  p.currency = currency->get<std::string>();
  p.till = till_of(s);
  p.now = now;
  auto profile = store::load_profile_merged(db_, *s.customer);
  auto seen = store::points_receipt_seen(db_, p.receipt);
  auto offers = offers_.get();
  if (!profile || !seen || !offers) {
    const Error e = !profile ? profile.error() : !seen ? seen.error() : offers.error();
    note_storage(e);
    reply(tl::unexpected(e));
    return;
  }
  p.profile = *profile;
  p.receipt_seen = *seen;
  p.offers = **offers;
  auto decision = core::decide_points(p, options_.points);
  switch (decision.outcome) {
    case core::PointsOutcome::kAccrued: {
      store::PointsReceipt r{p.receipt, *s.customer, decision.points, (*profile)->points.ver, now};
      reply(commit_and_show(
          s, now, {*decision.event},
          [&](store::Transaction& tx) -> Result<void> {
            auto first = store::record_points_receipt(tx, r);
            if (!first) return tl::unexpected(first.error());
            if (!*first) return fail("duplicate_receipt", "recorded meanwhile");
            return {};
          },
          store::Durability::kFull));
      return;
    }
    case core::PointsOutcome::kDuplicateReceipt:
    case core::PointsOutcome::kNothingToAccrue:
      touch(s);
      reply({});  // idempotent per receipt: the same answer again
      return;
    case core::PointsOutcome::kNoCustomer:
      reply(fail(kNoCustomer, "no customer on screen"));
      return;
    case core::PointsOutcome::kWrongCurrency:
      reply(fail("wrong_currency", "points accrue only in " + options_.points.currency));
      return;
    case core::PointsOutcome::kTooLarge:
      reply(fail(std::string(errc::kInvalidValue), "amount too large"));
      return;
  }
}

void Workflows::handle_offer_accept(Session& s, const std::string& offer,
                                    const screen::Reply& reply) {
  if (std::find(s.offers_on_screen.begin(), s.offers_on_screen.end(), offer) ==
      s.offers_on_screen.end()) {
    reply(fail("unknown_offer", "that offer is not on this screen"));
    return;
  }
  auto ok = write({core::offer_accepted_event(s.hello.screen, offer, s.customer, clock_())}, {},
                  store::Durability::kNormal);
  if (!ok) note_storage(ok.error());
  if (s.focus != Focus::kRest) touch(s);
  reply(ok);
}

void Workflows::handle_pickup(Session& s, const std::string& reservation,
                              const screen::Reply& reply) {
  const auto now = clock_();
  auto r = store::load_reservation(db_, reservation);
  if (!r) {
    note_storage(r.error());
    reply(tl::unexpected(r.error()));
    return;
  }
  auto decision = core::decide_pickup(*r, options_.store, till_of(s), now);
  if (decision.outcome != core::PickupOutcome::kPickedUp) {
    reply(fail(core::to_string(decision.outcome), "not handed over"));
    return;
  }
  reply(commit_and_show(
      s, now, {*decision.event},
      [&](store::Transaction& tx) { return store::write_local_reservation(tx, *decision.updated); },
      store::Durability::kFull));
}

void Workflows::run_expiry() {
  if (stopped_) return;
  const auto now = clock_();
  auto open = store::load_open_reservations(db_, options_.store);
  std::chrono::steady_clock::duration delay = std::chrono::minutes(1);
  if (!open) {
    note_storage(open.error());
  } else {
    auto d = core::decide_expiry(*open, now);
    if (!d.expired.empty()) {
      auto ok = write(
          std::move(d.events),
          [&](store::Transaction& tx) -> Result<void> {
            for (const auto& r : d.expired) {
              auto w = store::write_local_reservation(tx, r);
              // Changed by central meanwhile: its version decides, not ours.
              if (!w && w.error().code != errc::kNotFound) return w;
            }
            return {};
          },
          store::Durability::kFull);
      if (!ok) {
        note_storage(ok.error());
      } else {
        log::info(d.expired.size(), " reservation hold(s) expired and released");
        refresh_all();
      }
    }
    delay = kExpiryRecheck;
    if (d.next_expiry) {
      delay = std::min<std::chrono::steady_clock::duration>(
          delay, std::max<Millis>(*d.next_expiry - now, Millis(0)) + Millis(1));
    }
  }
  const auto generation = ++expiry_generation_;
  expiry_timer_.expires_after(delay);
  expiry_timer_.async_wait(
      [this, alive = std::weak_ptr<bool>(alive_), generation](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (ec || !a || !*a || generation != expiry_generation_) return;
        run_expiry();
      });
}

}  // namespace witryna::app
