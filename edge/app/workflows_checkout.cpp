// Checkout: typed app codes, redemption exactly once (codes.md §3), online
// claims for brand codes with the offline policy when central does not answer.
#include <cstdio>

#include "edge/app/workflows.hpp"
#include "edge/core/codes/app_code.hpp"
#include "edge/core/redemption/code_decision.hpp"
#include "edge/core/redemption/redemption_events.hpp"
#include "edge/crypto/sha256.hpp"
#include "edge/service/log.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/outbox_usage.hpp"
#include "edge/store/redemptions.hpp"

namespace witryna::app {

namespace log = service::log;

namespace {
std::string random_ticket_id(std::mt19937_64& random) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "TK-%016llx", static_cast<unsigned long long>(random()));
  return buf;
}
}  // namespace

bool Workflows::redemptions_refused(TimePoint now) {
  auto usage = store::outbox_usage(db_);
  if (!usage) {
    note_storage(usage.error());
    return true;  // cannot tell: refuse rather than risk losing a redemption's event
  }
  return sync::core::decide_outbox_bounds(store::bounds_stats(*usage), options_.outbox, now)
      .refuse_redemptions;
}

Result<core::CodeContext> Workflows::code_context(const std::string& code_hash, TimePoint now) {
  core::CodeContext ctx;
  auto record = store::load_code(db_, code_hash);
  if (!record) return tl::unexpected(record.error());
  ctx.record = std::move(*record);
  auto uses = store::redemption_uses(db_, code_hash);
  if (!uses) return tl::unexpected(uses.error());
  ctx.uses = static_cast<int>(*uses);
  auto offline = store::offline_brand_redemptions_since(db_, now - std::chrono::hours(1));
  if (!offline) return tl::unexpected(offline.error());
  ctx.offline_last_hour = static_cast<int>(*offline);
  ctx.online = claims_.online();
  ctx.offline = options_.offline;
  ctx.now = now;
  return ctx;
}

void Workflows::handle_code_enter(Session& s, const std::string& typed,
                                  const screen::Reply& reply) {
  const auto now = clock_();
  const std::string till = till_of(s);
  if (s.ticket && s.ticket->state == core::TicketState::kClaiming) {
    reply(fail("in_progress", "the previous code is still being confirmed"));
    return;
  }
  if (redemptions_refused(now)) {
    show_message(s, now, std::string(errc::kOutboxFull),
                 "Redemptions are paused until this store is back in sync with central.", {});
    reply(fail(std::string(errc::kOutboxFull), "outbox bound reached"));
    return;
  }

  core::RedemptionTicket t;
  t.ticket = random_ticket_id(random_);
  t.till = till;
  t.created = now;
  std::vector<domain::Event> events;
  std::optional<std::string> hash;

  if (lockouts_.locked(till, now)) {
    t.outcome = core::Outcome::kLocked;
  } else if (auto normalized = core::parse_app_code(typed); !normalized) {
    t.outcome =
        core::outcome_from_string(normalized.error().code).value_or(core::Outcome::kMalformed);
    lockouts_.record(till, t.outcome, now);
  } else {
    hash = core::app_code_key(*normalized, crypto::sha256_hex);
    auto ctx = code_context(*hash, now);
    if (!ctx) {
      note_storage(ctx.error());
      reply(tl::unexpected(ctx.error()));
      return;
    }
    auto decision = core::decide_code_entry(*ctx);
    t.outcome = decision.outcome;
    t.offline = decision.offline;
    if (ctx->record) t.code = *ctx->record;
    lockouts_.record(till, t.outcome, now);
  }
  if (!hash) t.code.code_hash.clear();
  if (hash && t.code.code_hash.empty()) t.code.code_hash = *hash;
  if (t.outcome != core::Outcome::kOk) {
    t.state = core::TicketState::kRejected;
    std::optional<domain::CodeRecord> record;
    if (!t.code.customer.empty() || t.code.ver != 0) record = t.code;
    events.push_back(core::code_rejected_event(till, t.outcome, hash, record, now));
  }

  s.focus = Focus::kCode;
  s.ticket = t;
  s.message.reset();
  auto shown = commit_and_show(s, now, std::move(events));
  if (!shown) {
    reply(shown);
  } else if (t.outcome == core::Outcome::kOk) {
    reply({});
  } else {
    reply(fail(std::string(core::to_string(t.outcome)), "code not redeemable"));
  }
}

void Workflows::handle_confirm(Session& s, const std::string& ticket_id,
                               const screen::Reply& reply) {
  if (!s.ticket || s.ticket->ticket != ticket_id) {
    reply(fail("unknown_ticket", "no such ticket on this screen"));
    return;
  }
  auto t = *s.ticket;
  switch (t.state) {
    case core::TicketState::kRedeemed:
      reply({});  // a retry of a confirmation that went through
      return;
    case core::TicketState::kClaiming:
      reply(fail("in_progress", "waiting for central"));
      return;
    case core::TicketState::kRejected:
    case core::TicketState::kCancelled:
      reply(fail(std::string(core::to_string(t.outcome)), "ticket is closed"));
      return;
    case core::TicketState::kShown:
      break;
  }
  const auto now = clock_();
  if (redemptions_refused(now)) {
    show_message(s, now, std::string(errc::kOutboxFull),
                 "Redemptions are paused until this store is back in sync with central.", {});
    reply(fail(std::string(errc::kOutboxFull), "outbox bound reached"));
    return;
  }
  auto ctx = code_context(t.code.code_hash, now);
  if (!ctx) {
    note_storage(ctx.error());
    reply(tl::unexpected(ctx.error()));
    return;
  }
  auto decision = core::decide_confirm(*ctx);
  if (decision.action == core::CodeAction::kClaim) {
    if (auto moved = core::apply(t, core::TicketTrigger::kClaim); !moved) {
      reply(moved);
      return;
    }
    t.claim = t.ticket;
    s.ticket = t;
    show(s, now);
    const std::string screen = s.hello.screen;
    claims_.claim(core::ClaimRequest{t.code.code_hash, t.till, now},
                  [this, alive = std::weak_ptr<bool>(alive_), screen, t,
                   reply](std::optional<core::ClaimResult> answer) {
                    auto a = alive.lock();
                    if (!a || !*a) return;
                    finish_claim(screen, t, answer, reply);
                  });
    return;
  }
  reply(settle(s.hello.screen, t, decision));
}

void Workflows::finish_claim(const std::string& screen, core::RedemptionTicket ticket,
                             std::optional<core::ClaimResult> answer, const screen::Reply& reply) {
  core::CodeDecision decision;
  if (answer) {
    decision = core::decide_claim_result(*answer);
  } else {
    auto ctx = code_context(ticket.code.code_hash, clock_());
    if (!ctx) {
      note_storage(ctx.error());
      // Nothing was redeemed: close the ticket so the cashier can try again.
      decision = {core::Outcome::kNeedsOnline, core::CodeAction::kRefuse, false};
    } else {
      decision = core::decide_claim_timeout(*ctx);
    }
  }
  reply(settle(screen, std::move(ticket), decision));
}

Result<void> Workflows::settle(const std::string& screen, core::RedemptionTicket t,
                               core::CodeDecision decision) {
  const auto now = clock_();
  Result<void> answer;
  if (decision.action == core::CodeAction::kRedeem ||
      decision.action == core::CodeAction::kRedeemOffline) {
    const bool offline = decision.action == core::CodeAction::kRedeemOffline;
    auto tx = store::Transaction::begin(db_, store::Durability::kFull);
    if (!tx) {
      note_storage(tx.error());
      return tl::unexpected(tx.error());
    }
    auto recorded = store::record_redemption(*tx, t.code.code_hash, t.till, t.ticket, now, offline);
    if (!recorded) {
      note_storage(recorded.error());
      return tl::unexpected(recorded.error());
    }
    std::optional<domain::Event> event;
    switch (*recorded) {
      case store::RedeemOutcome::kRecorded:
        event = core::code_redeemed_event(t.code, t.till, offline, now);
        [[fallthrough]];
      case store::RedeemOutcome::kAlreadyRecorded:
        (void)core::apply(t, core::TicketTrigger::kRedeem);
        t.outcome = core::Outcome::kOk;
        t.offline = offline;
        break;
      case store::RedeemOutcome::kExhausted:
        t.outcome = core::Outcome::kAlreadyUsed;
        break;
      case store::RedeemOutcome::kUnknownCode:
        t.outcome = core::Outcome::kUnknownCode;
        break;
    }
    if (t.state != core::TicketState::kRedeemed) {
      (void)core::apply(t, core::TicketTrigger::kReject);
      event = core::code_rejected_event(t.till, t.outcome, t.code.code_hash, t.code, now);
      answer = fail(std::string(core::to_string(t.outcome)), "not redeemed");
    }
    if (event) {
      if (auto ok = store::append_event(*tx, *event); !ok) {
        note_storage(ok.error());
        return tl::unexpected(ok.error());
      }
    }
    if (auto ok = tx->commit(); !ok) {
      note_storage(ok.error());
      return ok;
    }
    healthy_ = true;
    if (event && on_events_written_) on_events_written_();
    if (t.state == core::TicketState::kRedeemed) {
      log::info("code ", t.code.code_hash.substr(0, 12), "… redeemed at till ", t.till,
                offline ? " (offline policy)" : "");
    }
  } else {
    (void)core::apply(t, core::TicketTrigger::kReject);
    t.outcome = decision.outcome;
    auto ok = write({core::code_rejected_event(t.till, t.outcome, t.code.code_hash, t.code, now)},
                    {}, store::Durability::kNormal);
    if (!ok) note_storage(ok.error());
    answer = fail(std::string(core::to_string(t.outcome)), "not redeemed");
  }
  show_ticket(screen, t);
  return answer;
}

void Workflows::show_ticket(const std::string& screen, const core::RedemptionTicket& ticket) {
  auto* s = find(screen);
  if (s == nullptr || !s->attached || !s->ticket || s->ticket->ticket != ticket.ticket) return;
  s->ticket = ticket;
  s->focus = Focus::kCode;
  show(*s, clock_());
}

void Workflows::handle_cancel(Session& s, const std::string& ticket_id,
                              const screen::Reply& reply) {
  if (!s.ticket || s.ticket->ticket != ticket_id) {
    reply(fail("unknown_ticket", "no such ticket on this screen"));
    return;
  }
  auto& t = *s.ticket;
  if (t.state == core::TicketState::kClaiming) {
    reply(fail("in_progress", "central may already have granted it"));
    return;
  }
  if (t.state == core::TicketState::kRedeemed) {
    reply(fail("already_redeemed", "a redeemed code cannot be cancelled"));
    return;
  }
  if (t.state == core::TicketState::kShown) (void)core::apply(t, core::TicketTrigger::kCancel);
  s.ticket.reset();
  s.focus = s.customer ? Focus::kCustomer : Focus::kRest;
  show(s, clock_());
  reply({});
}

}  // namespace witryna::app
