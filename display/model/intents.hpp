#pragma once
// What a person did on screen, as views report it. The app turns each call
// into a screen-api.md action and sends it; views never see the wire format.
// Called on the render thread only; never blocks.

#include <cstdint>
#include <string_view>

#include "display/model/preferences_form.hpp"

namespace witryna::display {

class Intents {
 public:
  virtual ~Intents() = default;

  virtual void scan(std::string_view payload) = 0;
  virtual void enter_code(std::string_view formatted_code) = 0;
  virtual void confirm_redeem(std::string_view ticket) = 0;
  virtual void cancel_redeem(std::string_view ticket) = 0;
  virtual void confirm_pickup(std::string_view reservation) = 0;
  virtual void accept_offer(std::string_view offer) = 0;
  // Sends consent.set and/or preferences.set with only what changed.
  virtual void save_preferences(const PreferencesForm& form) = 0;
  virtual void record_purchase(std::string_view receipt, std::int64_t amount_minor,
                               std::string_view currency) = 0;
  virtual void end_session() = 0;
};

}  // namespace witryna::display
