#include "edge/app/workflows.hpp"

#include <algorithm>
#include <chrono>

#include "edge/core/offers/decide_offers.hpp"
#include "edge/core/view/view_builder.hpp"
#include "edge/core/view/view_text.hpp"
#include "edge/screen/screen_server.hpp"
#include "edge/service/log.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/local_reservations.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/outbox_usage.hpp"
#include "edge/store/pending_changes.hpp"
#include "edge/store/points.hpp"
#include "edge/store/shown_counters.hpp"

namespace witryna::app {

namespace log = service::log;

TimePoint system_now() {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

Workflows::Workflows(boost::asio::io_context& io, store::Database& db,
                     const core::SignatureVerifier& app_keys, core::CodeClaims& claims,
                     WorkflowOptions options, WallClock clock)
    : io_(io),
      db_(db),
      catalog_(db),
      offers_(db),
      app_keys_(app_keys),
      claims_(claims),
      options_(std::move(options)),
      clock_(std::move(clock)),
      lockouts_(options_.lockout),
      random_(std::random_device{}()),
      expiry_timer_(io),
      refresh_timer_(io) {}

Workflows::~Workflows() {
  *alive_ = false;
  stop();
}

void Workflows::start() {
  stopped_ = false;
  run_expiry();
}

void Workflows::stop() {
  stopped_ = true;
  ++expiry_generation_;
  expiry_timer_.cancel();
  refresh_timer_.cancel();
  refresh_armed_ = false;
  for (auto& [id, s] : sessions_) {
    ++s.idle_generation;
    if (s.idle) s.idle->cancel();
  }
  auto shots = std::move(shots_);
  shots_.clear();
  for (auto& [id, shot] : shots) {
    if (shot.timer) shot.timer->cancel();
    if (shot.done) shot.done(fail("stopped", "the service is stopping"));
  }
}

void Workflows::reconfigure(WorkflowOptions options) {
  options_ = std::move(options);
  // A changed idle time applies to the running idle timers too.
  for (auto& [id, s] : sessions_) {
    if (s.attached && s.focus != Focus::kRest) touch(s);
  }
  refresh_all();
}

void Workflows::set_link_status(bool online, std::optional<TimePoint> last_sync) {
  online_ = online;
  last_sync_ = last_sync;
  refresh_all();
}

void Workflows::on_central_changed(std::string_view stream) {
  if (stream == "reservations") reservations_changed_ = true;
  if (stream == "catalog") offers_.invalidate();
  if (stream == "codes") return;  // tickets check their code again at confirm
  if (stream == "profiles") {
    // An erased profile leaves its screen now, not with the next refresh.
    const auto now = clock_();
    for (auto& [id, s] : sessions_) {
      if (!s.attached || !s.customer) continue;
      auto still = store::load_profile(db_, *s.customer);
      if (still && !*still) {
        reset(s);
        show(s, now);
      }
    }
  }
  schedule_refresh();
}

void Workflows::schedule_refresh() {
  if (refresh_armed_ || stopped_) return;
  refresh_armed_ = true;
  refresh_timer_.expires_after(kRefreshCoalesce);
  refresh_timer_.async_wait(
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (ec || !a || !*a) return;
        refresh_armed_ = false;
        if (reservations_changed_) {
          reservations_changed_ = false;
          run_expiry();
        }
        refresh_all();
      });
}

// ---------------------------------------------------------------------------
// Screens

Result<void> Workflows::on_screen_attached(const screen::Hello& hello) {
  if (!options_.screens.empty()) {
    auto it = std::find_if(options_.screens.begin(), options_.screens.end(),
                           [&](const KnownScreen& k) { return k.id == hello.screen; });
    if (it == options_.screens.end()) {
      return fail("unknown_screen", "screen " + hello.screen + " is not in screens.list");
    }
    if (it->role != hello.role) {
      return fail("wrong_role",
                  "screen " + hello.screen + " is configured as " + screen::to_string(it->role));
    }
    if (it->role == screen::Role::kCheckout && hello.till != it->till) {
      return fail("wrong_till",
                  "screen " + hello.screen + " is configured for till " + it->till.value_or(""));
    }
  }
  auto& s = sessions_[hello.screen];
  reset(s);
  s.hello = hello;
  s.attached = true;
  show(s, clock_());
  return {};
}

void Workflows::on_screen_detached(const std::string& screen) {
  auto* s = find(screen);
  if (s == nullptr) return;
  reset(*s);  // nothing personal stays behind a screen that went away
  s->attached = false;
}

Workflows::Session* Workflows::find(const std::string& screen) {
  auto it = sessions_.find(screen);
  return it == sessions_.end() ? nullptr : &it->second;
}

std::string Workflows::till_of(const Session& s) const {
  return s.hello.till.value_or(s.hello.screen);
}

bool Workflows::is_checkout(const Session& s) const {
  return s.hello.role == screen::Role::kCheckout;
}

void Workflows::reset(Session& s) {
  ++s.idle_generation;
  if (s.idle) s.idle->cancel();
  s.focus = Focus::kRest;
  s.customer.reset();
  s.reservation.reset();
  s.ticket.reset();
  s.message.reset();
  s.generic_offers = false;
  s.recorded_offers.clear();
  s.offers_on_screen.clear();
}

void Workflows::touch(Session& s) {
  if (stopped_) return;
  if (!s.idle) s.idle = std::make_unique<boost::asio::steady_timer>(io_);
  const auto generation = ++s.idle_generation;
  s.idle->expires_after(options_.idle_after);
  s.idle->async_wait([this, alive = std::weak_ptr<bool>(alive_), screen = s.hello.screen,
                      generation](const boost::system::error_code& ec) {
    auto a = alive.lock();
    if (ec || !a || !*a) return;
    idle_fired(screen, generation);
  });
}

void Workflows::idle_fired(const std::string& screen, std::uint64_t generation) {
  auto* s = find(screen);
  if (s == nullptr || !s->attached || s->idle_generation != generation) return;
  if (s->ticket && s->ticket->state == core::TicketState::kClaiming) {
    touch(*s);  // the claim ends by its answer or the offline policy first
    return;
  }
  reset(*s);
  show(*s, clock_());
}

void Workflows::on_action(const std::string& screen, const screen::Action& action,
                          screen::Reply reply) {
  auto* s = find(screen);
  if (s == nullptr || !s->attached) {
    reply(fail("not_attached", "hello first"));
    return;
  }
  const auto& body = action.body;
  auto text = [&](const char* key) -> std::optional<std::string> {
    auto it = body.find(key);
    if (it == body.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto need = [&](const char* key) -> std::optional<std::string> {
    auto value = text(key);
    if (!value) reply(fail(std::string(errc::kMissingField), std::string(key) + " (a string)"));
    return value;
  };
  auto checkout_only = [&] {
    if (is_checkout(*s)) return true;
    reply(fail("wrong_role", action.name + " is for checkout screens"));
    return false;
  };
  auto kiosk_only = [&] {
    if (!is_checkout(*s)) return true;
    reply(fail("wrong_role", action.name + " is for kiosk screens"));
    return false;
  };

  const auto& name = action.name;
  if (name == "scan") {
    if (auto p = need("payload")) handle_scan(*s, *p, reply);
  } else if (name == "code.enter") {
    if (!checkout_only()) return;
    if (auto c = need("code")) handle_code_enter(*s, *c, reply);
  } else if (name == "redeem.confirm") {
    if (!checkout_only()) return;
    if (auto t = need("ticket")) handle_confirm(*s, *t, reply);
  } else if (name == "redeem.cancel") {
    if (!checkout_only()) return;
    if (auto t = need("ticket")) handle_cancel(*s, *t, reply);
  } else if (name == "pickup.confirm") {
    if (!checkout_only()) return;
    if (auto r = need("reservation")) handle_pickup(*s, *r, reply);
  } else if (name == "offer.accept") {
    if (auto o = need("offer")) handle_offer_accept(*s, *o, reply);
  } else if (name == "consent.set") {
    if (!kiosk_only()) return;
    handle_consent(*s, body.value("consents", nlohmann::json()), reply);
  } else if (name == "preferences.set") {
    if (!kiosk_only()) return;
    handle_preferences(*s, body.value("preferences", nlohmann::json()), reply);
  } else if (name == "purchase") {
    if (!checkout_only()) return;
    handle_purchase(*s, action, reply);
  } else if (name == "session.end") {
    if (s->ticket && s->ticket->state == core::TicketState::kClaiming) {
      // The claim still ends by its answer or the offline policy (ticket.hpp).
      log::info("session.end on ", screen, " while a claim is under way");
    }
    reset(*s);
    show(*s, clock_());
    reply({});
  } else {
    reply(fail("unknown_action", name));
  }
}

void Workflows::on_scanner_scan(const std::string& screen, const std::string& payload) {
  auto* s = find(screen);
  if (s == nullptr || !s->attached) {
    log::warn("scan for screen ", screen, " dropped: the screen is not attached");
    return;
  }
  handle_scan(*s, payload, [](Result<void>) {});
}

// ---------------------------------------------------------------------------
// Screenshots

void Workflows::request_screenshot(const std::string& screen,
                                   std::function<void(Result<std::string>)> done) {
  if (server_ == nullptr || stopped_) {
    done(fail(std::string(errc::kNotFound), "no screen server"));
    return;
  }
  const std::string id = "shot-" + std::to_string(next_shot_++);
  if (auto sent = server_->request_screenshot(screen, id); !sent) {
    done(tl::unexpected(sent.error()));
    return;
  }
  PendingShot shot{screen, std::move(done), std::make_unique<boost::asio::steady_timer>(io_)};
  shot.timer->expires_after(options_.screenshot_timeout);
  shot.timer->async_wait(
      [this, alive = std::weak_ptr<bool>(alive_), id](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (ec || !a || !*a) return;
        auto it = shots_.find(id);
        if (it == shots_.end()) return;
        auto finished = std::move(it->second.done);
        shots_.erase(it);
        finished(fail("timeout", "the screen did not answer the screenshot request"));
      });
  shots_.emplace(id, std::move(shot));
}

void Workflows::on_screenshot(const std::string& screen, const screen::ScreenshotResult& result) {
  auto it = shots_.find(result.id);
  if (it == shots_.end() || it->second.screen != screen) return;  // late or foreign answer
  auto finished = std::move(it->second.done);
  it->second.timer->cancel();
  shots_.erase(it);
  if (result.png_base64.empty()) {
    finished(fail(std::string(errc::kInvalidValue), "empty screenshot"));
  } else {
    finished(result.png_base64);
  }
}

// ---------------------------------------------------------------------------
// Views

core::ScreenStatus Workflows::status() {
  core::ScreenStatus st;
  st.online = online_;
  st.last_sync = last_sync_;
  st.version = options_.version;
  if (auto usage = store::outbox_usage(db_)) st.outbox = usage->events;
  return st;
}

Result<Workflows::Composed> Workflows::compose(Session& s, TimePoint now) {
  Composed c;
  auto& v = c.state;
  // v.status is filled after the commit (commit_and_show): it counts what
  // this view's transaction writes.

  auto offers = offers_.get();
  if (!offers) return tl::unexpected(offers.error());
  mark(ScanPhase::kOffers);

  auto generic = [&]() {
    return core::decide_idle_offers(**offers, catalog_, options_.offers, options_.store,
                                    s.hello.screen, now)
        .offers;
  };
  auto reservation_on_screen = [&](domain::Reservation r) {
    core::ReservationOnScreen out;
    if (auto p = catalog_.product(r.sku)) {
      out.name = p->name;
      out.size = p->size;
    }
    out.reservation = std::move(r);
    return out;
  };
  auto open_reservations = [&]() -> Result<std::vector<core::ReservationOnScreen>> {
    auto list = store::load_open_reservations(db_, options_.store);
    if (!list) return tl::unexpected(list.error());
    std::vector<core::ReservationOnScreen> out;
    for (auto& r : *list)
      out.push_back(reservation_on_screen(std::move(r)));
    return out;
  };
  auto rest = [&]() -> Result<void> {
    if (is_checkout(s)) {
      v.mode = core::ViewMode::kPickups;
      auto list = open_reservations();
      if (!list) return tl::unexpected(list.error());
      v.reservations = std::move(*list);
    } else {
      v.mode = core::ViewMode::kIdle;
      v.offers = generic();
    }
    return {};
  };

  // Who is on screen, if anyone (an erased profile ends the session).
  std::optional<domain::Profile> profile;
  if (s.customer) {
    auto loaded = store::load_profile_merged(db_, *s.customer);
    if (!loaded) return tl::unexpected(loaded.error());
    if (!*loaded) {
      reset(s);
    } else {
      profile = std::move(*loaded);
      auto pending = store::pending_points(db_, *s.customer);
      if (!pending) return tl::unexpected(pending.error());
      core::CustomerOnScreen cos;
      cos.profile = *profile;
      cos.pending_points = *pending;
      v.customer = std::move(cos);
    }
    mark(ScanPhase::kProfile);
  }

  switch (s.focus) {
    case Focus::kRest: {
      auto r = rest();
      if (!r) return tl::unexpected(r.error());
      break;
    }
    case Focus::kMessage:
      v.mode = core::ViewMode::kMessage;
      v.message = s.message;
      v.customer.reset();
      if (s.generic_offers) v.offers = generic();
      break;
    case Focus::kCode:
      v.mode = core::ViewMode::kCode;
      if (s.ticket) {
        const auto& t = *s.ticket;
        core::CodeOnScreen code;
        code.ticket = t.ticket;
        code.status = std::string(core::to_string(t.outcome));
        if (t.outcome == core::Outcome::kOk) code.benefit = t.code.benefit;
        if (!t.code.customer.empty()) code.customer = t.code.customer;
        code.redeemed = t.state == core::TicketState::kRedeemed;
        v.code = std::move(code);
      }
      break;
    case Focus::kService:
      v.mode = core::ViewMode::kService;
      if (profile) v.history = profile->history;  // build_view enforces the consent
      break;
    case Focus::kReservation: {
      v.mode = core::ViewMode::kPickups;
      auto r = s.reservation ? store::load_reservation(db_, *s.reservation)
                             : Result<std::optional<domain::Reservation>>(std::nullopt);
      if (!r) return tl::unexpected(r.error());
      if (*r) v.reservations.push_back(reservation_on_screen(std::move(**r)));
      break;
    }
    case Focus::kCustomer: {
      if (!profile) {
        auto r = rest();
        if (!r) return tl::unexpected(r.error());
        break;
      }
      v.mode = core::ViewMode::kCustomer;
      core::OfferRequest request;
      request.profile = profile;
      request.offers = **offers;
      auto counts = store::shown_counts(db_, profile->customer, now);
      if (!counts) return tl::unexpected(counts.error());
      for (const auto& [offer, n] : *counts)
        request.shown_today[offer] = static_cast<int>(n);
      mark(ScanPhase::kCounts);
      request.config = options_.offers;
      request.store = options_.store;
      request.screen = s.hello.screen;
      request.now = now;
      const auto points_before = catalog_.point_queries();
      const auto categories_before = catalog_.category_queries();
      const auto parses_before = catalog_.product_parses();
      const auto misses_before = db_.page_cache_misses();
      auto decision = core::decide_offers(request, catalog_);
      mark(ScanPhase::kDecide);
      if (probe_ != nullptr) {
        probe_->add(ScanCount::kPointQueries, catalog_.point_queries() - points_before);
        probe_->add(ScanCount::kCategoryQueries, catalog_.category_queries() - categories_before);
        probe_->add(ScanCount::kProductParses, catalog_.product_parses() - parses_before);
        probe_->add(ScanCount::kRecent, static_cast<std::int64_t>(profile->recent.size()));
        probe_->add(ScanCount::kSizes,
                    static_cast<std::int64_t>(profile->preferences.sizes.size()));
        probe_->add(ScanCount::kOffersShown, static_cast<std::int64_t>(decision.offers.size()));
        probe_->add(ScanCount::kDecideMisses, db_.page_cache_misses() - misses_before);
      }
      v.customer->personalized = decision.personalized;
      // Record offers.shown once per offer and session (a refresh for new
      // stock does not show the customer the same offer again).
      std::vector<std::string> fresh;
      for (const auto& o : decision.offers) {
        if (!s.recorded_offers.contains(o.offer)) fresh.push_back(o.offer);
      }
      for (auto& e : decision.events) {
        if (e.type == domain::event_type::kOffersShown) {
          if (fresh.empty()) continue;
          e.fields["offers"] = fresh;
          c.events.push_back(std::move(e));
        } else if (e.fields.contains("offer") &&
                   std::find(fresh.begin(), fresh.end(), e.fields["offer"].get<std::string>()) !=
                       fresh.end()) {
          c.events.push_back(std::move(e));
        }
      }
      c.newly_shown = std::move(fresh);
      v.offers = std::move(decision.offers);
      auto mine = store::load_reservations_of(db_, profile->customer);
      if (!mine) return tl::unexpected(mine.error());
      for (auto& r : *mine) {
        if (r.store == options_.store)
          v.reservations.push_back(reservation_on_screen(std::move(r)));
      }
      mark(ScanPhase::kReservations);
      break;
    }
  }
  if (!v.customer && s.focus != Focus::kMessage && s.focus != Focus::kCode) {
    // kRest after an erased profile: nothing personal.
    v.history.reset();
  }
  return c;
}

Result<void> Workflows::write(std::vector<domain::Event> events, const TxBody& body,
                              store::Durability durability) {
  if (events.empty() && !body) return {};
  auto tx = store::Transaction::begin(db_, durability);
  if (!tx) return tl::unexpected(tx.error());
  if (body) {
    if (auto ok = body(*tx); !ok) return ok;
  }
  if (auto ok = store::append_events(*tx, events); !ok) return ok;
  if (auto ok = tx->commit(); !ok) return ok;
  if (!events.empty() && on_events_written_) on_events_written_();
  return {};
}

Result<Workflows::ViewTx> Workflows::begin_view_tx(store::Durability durability) {
  auto tx = store::Transaction::begin(db_, durability);
  if (!tx) return tl::unexpected(tx.error());
  auto stamp = catalog_.stamp_before_own_writes();
  return ViewTx{std::move(*tx), stamp};
}

Result<void> Workflows::commit_and_show(Session& s, TimePoint now,
                                        std::vector<domain::Event> events, const TxBody& body,
                                        store::Durability durability) {
  auto view_tx = begin_view_tx(durability);
  if (!view_tx) {
    note_storage(view_tx.error());
    return tl::unexpected(view_tx.error());
  }
  return commit_and_show(s, now, std::move(*view_tx), std::move(events), body);
}

Result<void> Workflows::commit_and_show(Session& s, TimePoint now, ViewTx view_tx,
                                        std::vector<domain::Event> events, const TxBody& body) {
  // The transaction writes the change first, so the view shows its result.
  auto& tx = view_tx.tx;
  mark(ScanPhase::kBegin);
  // Without a body this transaction writes only events and shown counters
  // (and a caller's jti), never a product, stock or nearby row: the
  // catalog's kept answers survive them and the commit
  // (sqlite_catalog_view.hpp). The stamp moves on at each step.
  if (body) {
    view_tx.catalog_stamp.reset();
    view_tx.view_first = false;  // a body is a change of its own: commit first
  }
  auto run = [&]() -> Result<Composed> {
    if (body) {
      if (auto ok = body(tx); !ok) return tl::unexpected(ok.error());
    }
    auto composed = compose(s, now);
    if (!composed) return composed;
    if (s.customer) {
      if (auto n = store::increment_shown_all(tx, *s.customer, composed->newly_shown, now); !n) {
        return tl::unexpected(n.error());
      }
    }
    mark(ScanPhase::kCounters);
    for (auto& e : composed->events)
      events.push_back(std::move(e));
    if (auto ok = store::append_events(tx, events); !ok) return tl::unexpected(ok.error());
    mark(ScanPhase::kEvents);
    return composed;
  };
  auto composed = run();
  if (!composed) {
    note_storage(composed.error());
    return tl::unexpected(composed.error());
  }
  auto push = [&] {
    s.offers_on_screen.clear();
    for (const auto& o : composed->state.offers)
      s.offers_on_screen.push_back(o.offer);
    // The outbox count in the strip includes what this transaction wrote
    // (this connection reads its own rows before the commit too).
    composed->state.status = status();
    mark(ScanPhase::kStatus);
    if (server_ != nullptr && s.attached) {
      auto text = core::view_text(composed->state);
      mark(ScanPhase::kViewText);
      server_->push_view(s.hello.screen, std::move(text));
      mark(ScanPhase::kSend);
    }
    // A customer on screen goes idle in time, even if the commit fails.
    if (s.focus != Focus::kRest) touch(s);
  };
  if (view_tx.view_first) push();
  if (auto ok = tx.commit(); !ok) {
    // view_first: the view stays; its events are lost as in a crash just
    // before the scan, and offers.shown is recorded at the next showing.
    note_storage(ok.error());
    return ok;
  }
  catalog_.keep_answers_across_own_writes(view_tx.catalog_stamp);
  mark(ScanPhase::kCommit);
  healthy_ = true;
  for (const auto& offer : composed->newly_shown)
    s.recorded_offers.insert(offer);
  if (!events.empty() && on_events_written_) on_events_written_();
  if (!view_tx.view_first) push();
  return {};
}

void Workflows::show(Session& s, TimePoint now) {
  if (auto ok = commit_and_show(s, now, {}); !ok) {
    log::error("view for ", s.hello.screen, " failed: ", ok.error().code, " ", ok.error().context);
  }
}

void Workflows::refresh_all() {
  if (stopped_) return;
  const auto now = clock_();
  for (auto& [id, s] : sessions_) {
    if (s.attached) show(s, now);
  }
}

void Workflows::show_message(Session& s, TimePoint now, std::string code, std::string detail,
                             std::vector<domain::Event> events, bool generic_offers) {
  reset(s);
  s.focus = Focus::kMessage;
  s.message = core::MessageOnScreen{std::move(code), std::move(detail)};
  s.generic_offers = generic_offers;
  if (auto ok = commit_and_show(s, now, std::move(events)); !ok) {
    log::error("message view for ", s.hello.screen, " failed: ", ok.error().code);
  }
}

void Workflows::note_storage(const Error& e) {
  healthy_ = false;
  log::error("storage: ", e.code, " ", e.context);
}

}  // namespace witryna::app
