#include "display/model/actions.hpp"

#include <utility>

namespace witryna::display {

using nlohmann::json;

json hello_message(const Hello& hello) {
  json h{{"screen", hello.screen},
         {"role", to_string(hello.role)},
         {"till", nullptr},
         {"protocol", kProtocolVersion}};
  if (hello.till) h["till"] = *hello.till;
  return json{{"hello", std::move(h)}};
}

namespace action {

json scan(std::string_view payload) {
  return {{"action", "scan"}, {"payload", payload}};
}
json code_enter(std::string_view code) {
  return {{"action", "code.enter"}, {"code", code}};
}
json redeem_confirm(std::string_view ticket) {
  return {{"action", "redeem.confirm"}, {"ticket", ticket}};
}
json redeem_cancel(std::string_view ticket) {
  return {{"action", "redeem.cancel"}, {"ticket", ticket}};
}
json pickup_confirm(std::string_view reservation) {
  return {{"action", "pickup.confirm"}, {"reservation", reservation}};
}
json offer_accept(std::string_view offer) {
  return {{"action", "offer.accept"}, {"offer", offer}};
}
json consent_set(json consents) {
  return {{"action", "consent.set"}, {"consents", std::move(consents)}};
}
json preferences_set(json preferences) {
  return {{"action", "preferences.set"}, {"preferences", std::move(preferences)}};
}
json purchase(std::string_view receipt, std::int64_t amount_minor, std::string_view currency) {
  return {{"action", "purchase"},
          {"receipt", receipt},
          {"amount_minor", amount_minor},
          {"currency", currency}};
}
json session_end() {
  return {{"action", "session.end"}};
}
json screenshot_result(const json& id, std::string png_base64) {
  return {{"action", "screenshot.result"}, {"id", id}, {"png_base64", std::move(png_base64)}};
}

}  // namespace action
}  // namespace witryna::display
