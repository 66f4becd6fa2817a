#pragma once
// Intents → screen-api.md actions sent through the ScreenClient, and the
// edge's results for them turned back into what the screen shows.
// Render thread only.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "display/client/screen_client.hpp"
#include "display/model/intents.hpp"
#include "display/model/ui_state.hpp"

namespace witryna::display {

class ClientIntents final : public Intents {
 public:
  explicit ClientIntents(ScreenClient& client) : client_(client) {}

  void scan(std::string_view payload) override;
  void enter_code(std::string_view formatted_code) override;
  void confirm_redeem(std::string_view ticket) override;
  void cancel_redeem(std::string_view ticket) override;
  void confirm_pickup(std::string_view reservation) override;
  void accept_offer(std::string_view offer) override;
  void save_preferences(const PreferencesForm& form) override;
  void record_purchase(std::string_view receipt, std::int64_t amount_minor,
                       std::string_view currency) override;
  void end_session() override;

  // A failed result shows "That didn't work" and undoes what the screen
  // assumed (an offer marked chosen, a purchase marked recorded).
  void apply_results(const std::vector<ResultMessage>& results, UiState& ui, TimePoint now);

 private:
  enum class Watch { kGeneric, kOffer, kPurchase };
  struct Pending {
    Watch watch = Watch::kGeneric;
    std::string offer;
  };
  void watch(std::int64_t id, Watch w, std::string offer = {});

  ScreenClient& client_;
  std::map<std::int64_t, Pending> pending_;
};

// For --render-once: a person cannot act on a picture.
class NoIntents final : public Intents {
 public:
  void scan(std::string_view) override {}
  void enter_code(std::string_view) override {}
  void confirm_redeem(std::string_view) override {}
  void cancel_redeem(std::string_view) override {}
  void confirm_pickup(std::string_view) override {}
  void accept_offer(std::string_view) override {}
  void save_preferences(const PreferencesForm&) override {}
  void record_purchase(std::string_view, std::int64_t, std::string_view) override {}
  void end_session() override {}
};

}  // namespace witryna::display
