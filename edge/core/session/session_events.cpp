#include "edge/core/session/session_events.hpp"

namespace witryna::core {

const char* to_string(ScanKind kind) {
  switch (kind) {
    case ScanKind::kCard:
      return "card";
    case ScanKind::kToken:
      return "token";
    case ScanKind::kCode:
      return "code";
    case ScanKind::kOther:
      return "other";
  }
  return "?";
}

domain::Event scan_event(std::string_view screen, ScanKind kind, Outcome outcome,
                         const std::optional<std::string>& customer, TimePoint now) {
  nlohmann::json f = {
      {"screen", screen}, {"kind", to_string(kind)}, {"outcome", std::string(to_string(outcome))}};
  if (customer) f["customer"] = *customer;
  return {domain::event_type::kScan, now, std::move(f)};
}

domain::Event offer_accepted_event(std::string_view screen, std::string_view offer,
                                   const std::optional<std::string>& customer, TimePoint now) {
  nlohmann::json f = {{"screen", screen}, {"offer", offer}};
  if (customer) f["customer"] = *customer;
  return {domain::event_type::kOfferAccepted, now, std::move(f)};
}

domain::Event service_opened_event(std::string_view screen, std::string_view customer,
                                   bool history_shown, TimePoint now) {
  return {domain::event_type::kServiceOpened,
          now,
          {{"screen", screen}, {"customer", customer}, {"history_shown", history_shown}}};
}

}  // namespace witryna::core
