#include "display/app/client_intents.hpp"

#include <nlohmann/json.hpp>

namespace witryna::display {

void ClientIntents::watch(std::int64_t id, Watch w, std::string offer) {
  // Results normally come back at once; keep the map small if one never does.
  if (pending_.size() > 64) pending_.erase(pending_.begin());
  pending_[id] = Pending{w, std::move(offer)};
}

void ClientIntents::scan(std::string_view payload) {
  watch(client_.send(action::scan(payload)), Watch::kGeneric);
}
void ClientIntents::enter_code(std::string_view code) {
  watch(client_.send(action::code_enter(code)), Watch::kGeneric);
}
void ClientIntents::confirm_redeem(std::string_view ticket) {
  watch(client_.send(action::redeem_confirm(ticket)), Watch::kGeneric);
}
void ClientIntents::cancel_redeem(std::string_view ticket) {
  watch(client_.send(action::redeem_cancel(ticket)), Watch::kGeneric);
}
void ClientIntents::confirm_pickup(std::string_view reservation) {
  watch(client_.send(action::pickup_confirm(reservation)), Watch::kGeneric);
}
void ClientIntents::accept_offer(std::string_view offer) {
  watch(client_.send(action::offer_accept(offer)), Watch::kOffer, std::string(offer));
}
void ClientIntents::save_preferences(const PreferencesForm& form) {
  auto consents = form.consent_changes();
  if (!consents.empty())
    watch(client_.send(action::consent_set(std::move(consents))), Watch::kGeneric);
  auto preferences = form.preference_changes();
  if (!preferences.empty()) {
    watch(client_.send(action::preferences_set(std::move(preferences))), Watch::kGeneric);
  }
}
void ClientIntents::record_purchase(std::string_view receipt, std::int64_t amount_minor,
                                    std::string_view currency) {
  watch(client_.send(action::purchase(receipt, amount_minor, currency)), Watch::kPurchase);
}
void ClientIntents::end_session() {
  watch(client_.send(action::session_end()), Watch::kGeneric);
}

void ClientIntents::apply_results(const std::vector<ResultMessage>& results, UiState& ui,
                                  TimePoint now) {
  for (const auto& r : results) {
    const auto it = pending_.find(r.id);
    if (it == pending_.end()) continue;
    const Pending p = it->second;
    pending_.erase(it);
    if (r.ok) continue;
    if (p.watch == Watch::kOffer) ui.accepted_offers.erase(p.offer);
    if (p.watch == Watch::kPurchase) ui.purchase.sent = false;
    ui.notice = Notice{Text::kActionFailed, true, now + Millis(5000)};
  }
}

}  // namespace witryna::display
