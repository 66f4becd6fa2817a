#include "edge/core/reservations/reservation_events.hpp"

#include <string>

namespace witryna::core {

namespace {

nlohmann::json base_fields(const domain::Reservation& r) {
  return {{"reservation", r.reservation}, {"customer", r.customer}, {"sku", r.sku}, {"qty", r.qty}};
}

}  // namespace

domain::Event reservation_picked_up_event(const domain::Reservation& r, std::string_view till,
                                          TimePoint now) {
  auto fields = base_fields(r);
  if (!till.empty()) fields["till"] = std::string(till);
  return {domain::event_type::kReservationPickedUp, now, std::move(fields)};
}

domain::Event reservation_expired_event(const domain::Reservation& r, TimePoint now) {
  auto fields = base_fields(r);
  fields["hold_until"] = format_rfc3339(r.hold_until);
  return {domain::event_type::kReservationExpired, now, std::move(fields)};
}

}  // namespace witryna::core
