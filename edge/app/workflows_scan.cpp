// Scans at a screen (codes.md): card, app QR token, app code, anything else.
#include <variant>

#include "edge/app/workflows.hpp"
#include "edge/core/codes/app_token.hpp"
#include "edge/core/codes/classify.hpp"
#include "edge/service/log.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/jti_cache.hpp"
#include "edge/store/pending_changes.hpp"

namespace witryna::app {

namespace {
// Short texts for the message view (screens translate by `code`).
const char* detail_for(core::Outcome outcome) {
  switch (outcome) {
    case core::Outcome::kUnknownCard:
      return "This card is not recognized here.";
    case core::Outcome::kUnrecognized:
      return "This is not a loyalty card or app code.";
    case core::Outcome::kInvalidCheckDigit:
    case core::Outcome::kInvalidCheck:
    case core::Outcome::kMalformed:
      return "The code could not be read. Please scan again.";
    case core::Outcome::kExpired:
    case core::Outcome::kNotYetValid:
    case core::Outcome::kLifetimeTooLong:
      return "This QR code is no longer valid. Refresh it in the app.";
    case core::Outcome::kReplayed:
      return "This QR code was already used. Refresh it in the app.";
    case core::Outcome::kBadSignature:
    case core::Outcome::kUnknownKey:
      return "This QR code is not valid.";
    case core::Outcome::kUnknownCustomer:
      return "This account is not known in this store yet.";
    default:
      return "";
  }
}
}  // namespace

void Workflows::handle_scan(Session& s, const std::string& payload, const screen::Reply& reply) {
  struct ProbeScope {
    ScanProbe* probe;
    const store::Database& db;
    std::int64_t misses = 0;
    ProbeScope(ScanProbe* p, const store::Database& d) : probe(p), db(d) {
      if (probe == nullptr) return;
      probe->begin();
      misses = db.page_cache_misses();
    }
    ~ProbeScope() {
      if (probe == nullptr) return;
      probe->add(ScanCount::kPageMisses, db.page_cache_misses() - misses);
      probe->end();
    }
    ProbeScope(const ProbeScope&) = delete;
    ProbeScope& operator=(const ProbeScope&) = delete;
  } probe_scope(probe_, db_);
  const auto now = clock_();
  const std::string& screen = s.hello.screen;
  core::ScanOptions scan_options;
  scan_options.card_prefixes = options_.card_prefixes;
  auto scan = core::classify_scan(payload, scan_options);

  auto message = [&](core::ScanKind kind, core::Outcome outcome, bool generic = false,
                     const char* code = nullptr) {
    show_message(s, now, code ? code : std::string(core::to_string(outcome)), detail_for(outcome),
                 {core::scan_event(screen, kind, outcome, std::nullopt, now)}, generic);
    reply({});
  };
  auto storage_failed = [&](const Error& e) {
    note_storage(e);
    reply(tl::unexpected(e));
  };

  if (const auto* card = std::get_if<core::CardScan>(&scan)) {
    auto customer = store::customer_for_card(db_, card->ean);
    mark(ScanPhase::kCheck);
    if (!customer) return storage_failed(customer.error());
    if (!*customer) {
      // Never guess: the generic offers, nothing personal (codes.md §1).
      return message(core::ScanKind::kCard, core::Outcome::kUnknownCard, true);
    }
    auto view_tx = begin_view_tx();
    if (!view_tx) return storage_failed(view_tx.error());
    view_tx->view_first = true;  // the scan's events and shown counters only
    open_customer(
        s, Focus::kCustomer, **customer,
        {core::scan_event(screen, core::ScanKind::kCard, core::Outcome::kCard, *customer, now)},
        std::move(*view_tx), reply, now);
    return;
  }

  if (const auto* token = std::get_if<core::AppTokenScan>(&scan)) {
    auto verified = core::verify_app_token(token->token, app_keys_, now);
    if (!verified) {
      auto outcome =
          core::outcome_from_string(verified.error().code).value_or(core::Outcome::kMalformed);
      return message(core::ScanKind::kToken, outcome);
    }
    // The jti goes into the view's transaction: one commit per scan. A
    // replay writes nothing (rolled back); an unknown customer or a foreign
    // reservation commits the jti alone before its message (the token is
    // spent all the same); a storage failure rolls it back with the view,
    // which was not shown.
    auto view_tx = begin_view_tx();
    if (!view_tx) return storage_failed(view_tx.error());
    auto first = store::remember_jti(db_, verified->claims.jti, verified->remember_jti_until());
    if (!first) return storage_failed(first.error());
    view_tx->catalog_stamp = catalog_.keep_answers_across_own_writes(view_tx->catalog_stamp);
    if (!*first) {
      view_tx->tx.rollback();  // nothing was written
      return message(core::ScanKind::kToken, core::Outcome::kReplayed);
    }
    mark(ScanPhase::kCheck);
    // The jti alone, then a message in a transaction of its own (rare paths).
    auto spend_then = [&](auto show_it) {
      if (auto ok = view_tx->tx.commit(); !ok) return storage_failed(ok.error());
      catalog_.keep_answers_across_own_writes(view_tx->catalog_stamp);
      show_it();
    };
    const auto& claims = verified->claims;
    // Known here? The view reads the profile itself (in its transaction);
    // only a service token needs it now.
    auto known = store::stored_version(db_, store::EntityKind::kProfile, claims.sub);
    mark(ScanPhase::kProfileCheck);
    if (!known) return storage_failed(known.error());
    if (!*known || (*known)->deleted) {
      return spend_then([&] { message(core::ScanKind::kToken, core::Outcome::kUnknownCustomer); });
    }

    std::vector<domain::Event> events = {
        core::scan_event(screen, core::ScanKind::kToken, core::Outcome::kOk, claims.sub, now)};
    switch (claims.typ) {
      case core::AppTokenType::kId:
        view_tx->view_first = true;  // the jti, the scan's events and shown counters only
        open_customer(s, Focus::kCustomer, claims.sub, std::move(events), std::move(*view_tx),
                      reply, now);
        return;
      case core::AppTokenType::kSvc: {
        auto profile = store::load_profile_merged(db_, claims.sub);
        if (!profile) return storage_failed(profile.error());
        if (!*profile) {
          return spend_then(
              [&] { message(core::ScanKind::kToken, core::Outcome::kUnknownCustomer); });
        }
        events.push_back(core::service_opened_event(screen, claims.sub,
                                                    (*profile)->consents.history_for_staff, now));
        open_customer(s, Focus::kService, claims.sub, std::move(events), std::move(*view_tx), reply,
                      now);
        return;
      }
      case core::AppTokenType::kRes: {
        auto r = store::load_reservation(db_, claims.res);
        if (!r) return storage_failed(r.error());
        if (!*r || (*r)->customer != claims.sub || (*r)->store != options_.store) {
          return spend_then([&] {
            show_message(s, now, "unknown_reservation", "This reservation is not held here.",
                         std::move(events));
            reply({});
          });
        }
        if (is_checkout(s)) {
          reset(s);
          s.focus = Focus::kReservation;
          s.customer = claims.sub;
          s.reservation = claims.res;
          reply(commit_and_show(s, now, std::move(*view_tx), std::move(events)));
        } else {
          open_customer(s, Focus::kCustomer, claims.sub, std::move(events), std::move(*view_tx),
                        reply, now);
        }
        return;
      }
    }
    return;
  }

  if (const auto* code = std::get_if<core::AppCodeScan>(&scan)) {
    if (is_checkout(s)) {
      handle_code_enter(s, code->normalized, reply);
    } else {
      // A kiosk redeems nothing: codes are for the cashier.
      return message(core::ScanKind::kCode, core::Outcome::kUnrecognized, false,
                     "code_at_checkout");
    }
    return;
  }

  const auto& rejected = std::get<core::RejectedScan>(scan);
  message(core::ScanKind::kOther, rejected.outcome);
}

void Workflows::open_customer(Session& s, Focus focus, const std::string& customer,
                              std::vector<domain::Event> events, ViewTx view_tx,
                              const screen::Reply& reply, TimePoint now) {
  reset(s);
  s.focus = focus;
  s.customer = customer;
  reply(commit_and_show(s, now, std::move(view_tx), std::move(events)));
}

}  // namespace witryna::app
