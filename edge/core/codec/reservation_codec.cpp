#include "edge/core/codec/reservation_codec.hpp"

#include "edge/core/codec/benefit_codec.hpp"
#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {

Result<Item<domain::Reservation>> parse_reservation_item(const nlohmann::json& j) {
  FieldReader r(j);
  Item<domain::Reservation> item;
  auto& res = item.value;
  item.deleted = r.boolean_or("deleted", false);
  res.reservation = r.string("reservation");
  res.ver = r.integer("ver");
  if (item.deleted) return finish(r, std::move(item));
  res.customer = r.string("customer");
  res.store = r.string("store");
  res.sku = r.string("sku");
  res.qty = r.integer("qty");
  const auto status = r.string("status");
  if (r.ok()) {
    if (const auto s = domain::reservation_status_from(status)) {
      res.status = *s;
    } else {
      r.fail(errc::kInvalidValue, "status");
    }
  }
  res.hold_until = r.time("hold_until");
  res.fitting_room = r.string_or("fitting_room");
  if (auto discount = r.optional_object("discount")) res.discount = read_benefit(*discount);
  return finish(r, std::move(item));
}

nlohmann::json to_json(const domain::Reservation& r) {
  nlohmann::json j = {{"reservation", r.reservation},
                      {"customer", r.customer},
                      {"store", r.store},
                      {"sku", r.sku},
                      {"qty", r.qty},
                      {"status", domain::to_string(r.status)},
                      {"hold_until", format_rfc3339(r.hold_until)},
                      {"fitting_room", r.fitting_room},
                      {"ver", r.ver}};
  if (r.discount) j["discount"] = to_json(*r.discount);
  return j;
}

nlohmann::json to_json(const Item<domain::Reservation>& item) {
  if (item.deleted) {
    return {{"reservation", item.value.reservation}, {"ver", item.value.ver}, {"deleted", true}};
  }
  return to_json(item.value);
}

}  // namespace witryna::core
