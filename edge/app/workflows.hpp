#pragma once
// The store's workflows: what happens when a card, an app QR or a code is
// scanned or typed at a screen, and when a person acts on a screen
// (screen-api.md). Glue only: load from the store, ask the core, write the
// result and its events in ONE transaction, build the view, push it.
//
// Threads: everything runs on the service's io_context thread (the screen
// server, scanners and sync post onto it).

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "edge/app/offers_cache.hpp"
#include "edge/app/scan_probe.hpp"
#include "edge/app/workflow_options.hpp"
#include "edge/core/codes/jws.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/ports/code_claims.hpp"
#include "edge/core/redemption/guess_lockout.hpp"
#include "edge/core/redemption/ticket.hpp"
#include "edge/core/session/session_events.hpp"
#include "edge/core/view/view_state.hpp"
#include "edge/screen/screen_handler.hpp"
#include "edge/store/db/database.hpp"
#include "edge/store/db/transaction.hpp"
#include "edge/store/sqlite_catalog_view.hpp"

namespace witryna::screen {
class ScreenServer;
}

namespace witryna::app {

// The wall clock (tests may pass another).
using WallClock = std::function<TimePoint()>;
inline constexpr std::chrono::milliseconds kRefreshCoalesce{100};
[[nodiscard]] TimePoint system_now();

class Workflows final : public screen::ScreenHandler {
 public:
  // `db`, `app_keys` and `claims` must outlive the workflows.
  Workflows(boost::asio::io_context& io, store::Database& db,
            const core::SignatureVerifier& app_keys, core::CodeClaims& claims,
            WorkflowOptions options, WallClock clock = system_now);
  ~Workflows() override;
  Workflows(const Workflows&) = delete;
  Workflows& operator=(const Workflows&) = delete;

  // The server views are pushed to (null: none). Set before screens attach.
  void set_server(screen::ScreenServer* server) { server_ = server; }
  // Releases holds that ended while the device was off and arms the expiry timer.
  void start();
  // Cancels every timer; pending screenshot requests fail with "stopped".
  void stop();
  // Live configuration: offers.max_on_screen, screens.idle_after_s, redemption.*,
  // outbox.* … take effect for the next decision; views are refreshed.
  void reconfigure(WorkflowOptions options);

  // --- for sync (wired in edge/service/components.cpp) ---
  // The status strip of every screen; views are refreshed.
  void set_link_status(bool online, std::optional<TimePoint> last_sync);
  // Central data of `stream` ("catalog", "stock", "profiles", "reservations",
  // "codes", "nearby") was applied: refresh what may show it (within
  // kRefreshCoalesce, once per burst); a profile on screen that is gone
  // (erased) is cleared from that screen.
  void on_central_changed(std::string_view stream);
  // Called after every committed transaction that wrote outbox events.
  void set_on_events_written(std::function<void()> fn) { on_events_written_ = std::move(fn); }
  // What the screen shows now as PNG base64 (fleet `screenshot` command).
  // Fails with "not_found" (not attached), "timeout" or "stopped".
  void request_screenshot(const std::string& screen, std::function<void(Result<std::string>)> done);

  // A scan from a scanner that belongs to `screen` (config scanners.<id>.screen):
  // the same as a `scan` action from that screen.
  void on_scanner_scan(const std::string& screen, const std::string& payload);

  // --- screen::ScreenHandler ---
  [[nodiscard]] Result<void> on_screen_attached(const screen::Hello& hello) override;
  void on_screen_detached(const std::string& screen) override;
  void on_action(const std::string& screen, const screen::Action& action,
                 screen::Reply reply) override;
  void on_screenshot(const std::string& screen, const screen::ScreenshotResult& result) override;

  // Phase timings of each scan go to `probe` (null: none; tools/bench/decide).
  void set_scan_probe(ScanProbe* probe) { probe_ = probe; }

  // False after a storage failure until the next storage success.
  [[nodiscard]] bool healthy() const { return healthy_; }

 private:
  // What a screen is about now (its view is built from this and the store).
  enum class Focus { kRest, kCustomer, kService, kCode, kReservation, kMessage };

  struct Session {
    screen::Hello hello;
    bool attached = false;
    Focus focus = Focus::kRest;
    std::optional<std::string> customer;
    std::optional<std::string> reservation;  // kReservation: the one a `res` token named
    std::optional<core::RedemptionTicket> ticket;
    std::optional<core::MessageOnScreen> message;
    bool generic_offers = false;            // kMessage: show the attract loop's offers too
    std::set<std::string> recorded_offers;  // offers.shown already recorded this session
    std::vector<std::string> offers_on_screen;
    std::unique_ptr<boost::asio::steady_timer> idle;
    std::uint64_t idle_generation = 0;
  };

  // A view to push and the events showing it records.
  struct Composed {
    core::ViewState state;
    std::vector<domain::Event> events;
    std::vector<std::string> newly_shown;  // offers to count in shown counters
  };
  using TxBody = std::function<Result<void>(store::Transaction&)>;

  // workflows.cpp
  Session* find(const std::string& screen);
  [[nodiscard]] std::string till_of(const Session& s) const;
  [[nodiscard]] bool is_checkout(const Session& s) const;
  void reset(Session& s);
  void touch(Session& s);
  void idle_fired(const std::string& screen, std::uint64_t generation);
  [[nodiscard]] Result<Composed> compose(Session& s, TimePoint now);
  // A view's transaction, begun by a caller that writes in it before the view
  // (a token's jti): `catalog_stamp` is the catalog's stamp taken before any
  // write (store::SqliteCatalogView), kept only if nothing written in it
  // touches a product, stock or nearby row.
  //
  // `view_first`: the transaction holds only what showing a scanned customer
  // records (the scan, offers.shown and alternative.suggested events, the
  // shown counters, a token's jti) at kNormal: the view is pushed before the
  // commit, which follows in the same handler (docs/workflows.md, "View
  // before commit"). Never for anything else.
  struct ViewTx {
    store::Transaction tx;
    std::optional<store::DataStamp> catalog_stamp;
    bool view_first = false;
  };
  [[nodiscard]] Result<ViewTx> begin_view_tx(
      store::Durability durability = store::Durability::kNormal);
  // Commits `body` + `events` + what showing the view records, in one
  // transaction, then pushes the view. A failure leaves the screen as it was.
  [[nodiscard]] Result<void> commit_and_show(
      Session& s, TimePoint now, std::vector<domain::Event> events, const TxBody& body = {},
      store::Durability durability = store::Durability::kNormal);
  // The same in the caller's transaction `view_tx` (failures are noted here;
  // with view_first a failed commit leaves the view on screen).
  [[nodiscard]] Result<void> commit_and_show(Session& s, TimePoint now, ViewTx view_tx,
                                             std::vector<domain::Event> events,
                                             const TxBody& body = {});
  [[nodiscard]] Result<void> write(std::vector<domain::Event> events, const TxBody& body,
                                   store::Durability durability);
  void show(Session& s, TimePoint now);
  void refresh_all();
  void schedule_refresh();
  void show_message(Session& s, TimePoint now, std::string code, std::string detail,
                    std::vector<domain::Event> events, bool generic_offers = false);
  [[nodiscard]] core::ScreenStatus status();
  void note_storage(const Error& e);
  void mark(ScanPhase phase) {
    if (probe_ != nullptr) probe_->mark(phase);
  }

  // workflows_scan.cpp
  void handle_scan(Session& s, const std::string& payload, const screen::Reply& reply);
  // Shows `customer` in `view_tx` (begun by the scan).
  void open_customer(Session& s, Focus focus, const std::string& customer,
                     std::vector<domain::Event> events, ViewTx view_tx, const screen::Reply& reply,
                     TimePoint now);

  // workflows_checkout.cpp
  void handle_code_enter(Session& s, const std::string& typed, const screen::Reply& reply);
  void handle_confirm(Session& s, const std::string& ticket, const screen::Reply& reply);
  void handle_cancel(Session& s, const std::string& ticket, const screen::Reply& reply);
  void finish_claim(const std::string& screen, core::RedemptionTicket ticket,
                    std::optional<core::ClaimResult> answer, const screen::Reply& reply);
  // Records the redemption (kFull) or a refusal for `ticket`; updates the
  // screen showing it. Returns the outcome shown.
  Result<void> settle(const std::string& screen, core::RedemptionTicket ticket,
                      core::CodeDecision decision);
  [[nodiscard]] Result<core::CodeContext> code_context(const std::string& code_hash, TimePoint now);
  [[nodiscard]] bool redemptions_refused(TimePoint now);
  void show_ticket(const std::string& screen, const core::RedemptionTicket& ticket);

  // workflows_profile.cpp
  // The customer on screen for a local profile change: central's ver (what the
  // pending change waits to be confirmed above) and the profile as shown.
  // Replies with the failure and returns nullopt when there is none.
  struct ProfileChange {
    std::string customer;
    std::int64_t base_ver = 0;
    domain::Profile merged;
  };
  [[nodiscard]] std::optional<ProfileChange> profile_change(Session& s, const screen::Reply& reply);
  void handle_consent(Session& s, const nlohmann::json& patch, const screen::Reply& reply);
  void handle_preferences(Session& s, const nlohmann::json& patch, const screen::Reply& reply);
  void handle_purchase(Session& s, const screen::Action& action, const screen::Reply& reply);
  void handle_offer_accept(Session& s, const std::string& offer, const screen::Reply& reply);
  void handle_pickup(Session& s, const std::string& reservation, const screen::Reply& reply);
  void run_expiry();

  boost::asio::io_context& io_;
  store::Database& db_;
  store::SqliteCatalogView catalog_;
  OffersCache offers_;
  const core::SignatureVerifier& app_keys_;
  core::CodeClaims& claims_;
  WorkflowOptions options_;
  WallClock clock_;
  screen::ScreenServer* server_ = nullptr;
  std::map<std::string, Session, std::less<>> sessions_;
  core::TillLockouts lockouts_;
  bool online_ = false;
  std::optional<TimePoint> last_sync_;
  bool healthy_ = true;
  bool stopped_ = false;
  std::function<void()> on_events_written_;
  std::mt19937_64 random_;
  boost::asio::steady_timer expiry_timer_;
  std::uint64_t expiry_generation_ = 0;
  // Central changes come in bursts (a snapshot applies 1,000 items per
  // message): views are refreshed once per burst, not once per message.
  boost::asio::steady_timer refresh_timer_;
  bool refresh_armed_ = false;
  bool reservations_changed_ = false;

  struct PendingShot {
    std::string screen;
    std::function<void(Result<std::string>)> done;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };
  std::map<std::string, PendingShot> shots_;
  std::uint64_t next_shot_ = 1;

  ScanProbe* probe_ = nullptr;

  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::app
