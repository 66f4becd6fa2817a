#include "edge/core/view/view_builder.hpp"

namespace witryna::core {

const char* to_string(ViewMode mode) {
  switch (mode) {
    case ViewMode::kIdle:
      return "idle";
    case ViewMode::kCustomer:
      return "customer";
    case ViewMode::kCode:
      return "code";
    case ViewMode::kPickups:
      return "pickups";
    case ViewMode::kService:
      return "service";
    case ViewMode::kMessage:
      return "message";
  }
  return "?";
}

nlohmann::json benefit_json(const domain::Benefit& benefit) {
  nlohmann::json out = {{"type", domain::to_string(benefit.type)}, {"value", benefit.value}};
  if (benefit.currency) out["currency"] = *benefit.currency;
  return out;
}

namespace {

nlohmann::json stock_json(const StockState& stock) {
  return {{"level", to_string(stock.level)}, {"available", stock.available}};
}

nlohmann::json customer_json(const CustomerOnScreen& c) {
  const auto& p = c.profile;
  nlohmann::json prefs = {{"sizes", p.preferences.sizes},
                          {"categories", p.preferences.categories},
                          {"budget_minor", nullptr}};
  if (p.preferences.budget_minor) prefs["budget_minor"] = *p.preferences.budget_minor;
  return {
      {"id", p.customer},
      {"display_name",
       p.consents.display_name && !p.name.empty() ? nlohmann::json(p.name) : nlohmann::json()},
      {"tier", p.tier},
      {"points", p.points.balance + c.pending_points},
      {"pending_points", c.pending_points},
      {"personalized", c.personalized},
      {"consents",
       {{"personalization", p.consents.personalization},
        {"marketing", p.consents.marketing},
        {"display_name", p.consents.display_name},
        {"history_for_staff", p.consents.history_for_staff}}},
      {"preferences", std::move(prefs)},
  };
}

nlohmann::json reservation_json(const ReservationOnScreen& r) {
  const auto& res = r.reservation;
  return {{"reservation", res.reservation},
          {"sku", res.sku},
          {"name", r.name},
          {"size", r.size},
          {"qty", res.qty},
          {"status", domain::to_string(res.status)},
          {"hold_until", format_rfc3339(res.hold_until)},
          {"fitting_room", res.fitting_room},
          {"discount", res.discount ? benefit_json(*res.discount) : nlohmann::json()}};
}

}  // namespace

nlohmann::json offer_json(const ShownOffer& offer) {
  nlohmann::json alternative;
  if (offer.alternative) {
    const auto& a = *offer.alternative;
    alternative = {{"sku", a.sku},
                   {"name", a.name},
                   {"size", a.size},
                   {"color", a.color},
                   {"stock", stock_json(a.stock)}};
  }
  nlohmann::json nearby = nlohmann::json::array();
  for (const auto& n : offer.nearby) {
    nearby.push_back({{"store", n.store},
                      {"name", n.name},
                      {"distance_m", n.distance_m},
                      {"level", domain::to_string(n.level)},
                      {"as_of", format_rfc3339(n.as_of)},
                      {"stale", n.stale}});
  }
  nlohmann::json out = {{"offer", offer.offer},
                        {"title", offer.title},
                        {"body", offer.body},
                        {"benefit", benefit_json(offer.benefit)},
                        {"reasons", offer.reasons},
                        {"sku", offer.sku ? nlohmann::json(*offer.sku) : nlohmann::json()},
                        {"stock", offer.stock ? stock_json(*offer.stock) : nlohmann::json()},
                        {"alternative", std::move(alternative)},
                        {"nearby", std::move(nearby)}};
  if (offer.product) {
    out["product"] = {{"name", offer.product->name},
                      {"size", offer.product->size},
                      {"color", offer.product->color},
                      {"price_minor", offer.product->price_minor},
                      {"currency", offer.product->currency}};
  }
  return out;
}

nlohmann::json build_view(const ViewState& state, TimePoint /*now*/) {
  nlohmann::json status = {{"online", state.status.online},
                           {"last_sync", nullptr},
                           {"outbox", state.status.outbox},
                           {"version", state.status.version}};
  if (state.status.last_sync) status["last_sync"] = format_rfc3339(*state.status.last_sync);

  nlohmann::json offers = nlohmann::json::array();
  for (const auto& offer : state.offers)
    offers.push_back(offer_json(offer));
  nlohmann::json reservations = nlohmann::json::array();
  for (const auto& r : state.reservations)
    reservations.push_back(reservation_json(r));

  nlohmann::json code;
  if (state.code) {
    const auto& c = *state.code;
    code = {{"ticket", c.ticket},
            {"status", c.status},
            {"benefit", c.benefit ? benefit_json(*c.benefit) : nlohmann::json()},
            {"customer", c.customer ? nlohmann::json(*c.customer) : nlohmann::json()},
            {"redeemed", c.redeemed}};
  }
  nlohmann::json history;
  if (state.history && state.customer && state.customer->profile.consents.history_for_staff) {
    history = nlohmann::json::array();
    for (const auto& h : *state.history) {
      history.push_back({{"at", format_rfc3339(h.at)}, {"channel", h.channel}, {"note", h.note}});
    }
  }
  nlohmann::json message;
  if (state.message) message = {{"code", state.message->code}, {"detail", state.message->detail}};

  return {{"mode", to_string(state.mode)},
          {"status", std::move(status)},
          {"customer", state.customer ? customer_json(*state.customer) : nlohmann::json()},
          {"offers", std::move(offers)},
          {"reservations", std::move(reservations)},
          {"code", std::move(code)},
          {"history", std::move(history)},
          {"message", std::move(message)}};
}

}  // namespace witryna::core
