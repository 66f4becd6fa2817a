#pragma once
// Events of a screen session (mqtt.md "Events"): what was scanned (its kind
// and outcome, never the payload), offers accepted, service views opened.

#include <optional>
#include <string>
#include <string_view>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// What kind of thing was scanned, for the `scan` event.
enum class ScanKind { kCard, kToken, kCode, kOther };
[[nodiscard]] const char* to_string(ScanKind kind);

// scan: screen, kind, outcome, customer (only when the scan identified one).
[[nodiscard]] domain::Event scan_event(std::string_view screen, ScanKind kind, Outcome outcome,
                                       const std::optional<std::string>& customer, TimePoint now);
// offer.accepted: screen, offer, customer (none for an anonymous idle screen).
[[nodiscard]] domain::Event offer_accepted_event(std::string_view screen, std::string_view offer,
                                                 const std::optional<std::string>& customer,
                                                 TimePoint now);
// service.opened: screen, customer, history_shown (consent history_for_staff).
[[nodiscard]] domain::Event service_opened_event(std::string_view screen, std::string_view customer,
                                                 bool history_shown, TimePoint now);

}  // namespace witryna::core
