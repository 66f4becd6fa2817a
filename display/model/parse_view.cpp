#include "display/model/parse_view.hpp"

#include <utility>

namespace witryna::display {
namespace {

using nlohmann::json;

// Thrown inside this file only and turned into a Result at its edge, so the
// many field reads stay readable.
struct ParseFailure {
  Error error;
};

[[noreturn]] void fail_with(std::string_view code, std::string context) {
  throw ParseFailure{Error{std::string(code), std::move(context)}};
}

// Present and not null.
bool has(const json& o, const char* key) {
  const auto it = o.find(key);
  return it != o.end() && !it->is_null();
}

const json& require(const json& o, const char* key) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) fail_with(errc::kMissingField, key);
  return *it;
}

void expect_object(const json& v, const char* what) {
  if (!v.is_object()) fail_with(errc::kWrongType, std::string(what) + " must be an object");
}

std::string as_string(const json& v, const char* key) {
  if (!v.is_string()) fail_with(errc::kWrongType, std::string(key) + " must be a string");
  return v.get<std::string>();
}

std::int64_t as_int(const json& v, const char* key) {
  if (!v.is_number_integer()) fail_with(errc::kWrongType, std::string(key) + " must be an integer");
  return v.get<std::int64_t>();
}

bool as_bool(const json& v, const char* key) {
  if (!v.is_boolean()) fail_with(errc::kWrongType, std::string(key) + " must be true or false");
  return v.get<bool>();
}

std::string opt_string(const json& o, const char* key) {
  return has(o, key) ? as_string(o.at(key), key) : std::string();
}

std::optional<std::string> maybe_string(const json& o, const char* key) {
  if (!has(o, key)) return std::nullopt;
  return as_string(o.at(key), key);
}

std::optional<std::int64_t> maybe_int(const json& o, const char* key) {
  if (!has(o, key)) return std::nullopt;
  return as_int(o.at(key), key);
}

std::optional<TimePoint> maybe_time(const json& o, const char* key) {
  if (!has(o, key)) return std::nullopt;
  auto t = parse_rfc3339(as_string(o.at(key), key));
  if (!t) fail_with(errc::kInvalidValue, std::string(key) + " is not an RFC 3339 time");
  return *t;
}

const json& array_at(const json& o, const char* key) {
  static const json kEmpty = json::array();
  if (!has(o, key)) return kEmpty;
  const json& v = o.at(key);
  if (!v.is_array()) fail_with(errc::kWrongType, std::string(key) + " must be an array");
  return v;
}

std::vector<std::string> string_list(const json& o, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : array_at(o, key))
    out.push_back(as_string(v, key));
  return out;
}

std::optional<domain::Benefit> maybe_benefit(const json& o, const char* key) {
  if (!has(o, key)) return std::nullopt;
  const json& b = o.at(key);
  expect_object(b, key);
  const auto type = domain::benefit_type_from(as_string(require(b, "type"), "benefit.type"));
  if (!type) fail_with(errc::kInvalidValue, "benefit.type");
  domain::Benefit out;
  out.type = *type;
  out.value = as_int(require(b, "value"), "benefit.value");
  out.currency = maybe_string(b, "currency");
  return out;
}

StockLevel stock_level(const json& o) {
  const std::string level = opt_string(o, "level");
  if (level == "in") return StockLevel::kIn;
  if (level == "low") return StockLevel::kLow;
  if (level == "out") return StockLevel::kOut;
  return StockLevel::kUnknown;  // a level added later is shown neutrally
}

std::optional<StockInfo> maybe_stock(const json& o) {
  if (!has(o, "stock")) return std::nullopt;
  const json& s = o.at("stock");
  expect_object(s, "stock");
  StockInfo out;
  out.level = stock_level(s);
  out.available = maybe_int(s, "available");
  if (out.level == StockLevel::kUnknown && out.available) {
    out.level = *out.available > 0 ? StockLevel::kIn : StockLevel::kOut;
  }
  return out;
}

std::optional<Alternative> maybe_alternative(const json& o) {
  if (!has(o, "alternative")) return std::nullopt;
  const json& a = o.at("alternative");
  Alternative out;
  if (a.is_string()) {
    out.sku = a.get<std::string>();
  } else {
    expect_object(a, "alternative");
    out.sku = opt_string(a, "sku");
    out.name = opt_string(a, "name");
    out.size = opt_string(a, "size");
    out.color = opt_string(a, "color");
    out.stock = maybe_stock(a);
  }
  return out;
}

NearbyStore parse_nearby(const json& n) {
  expect_object(n, "nearby[]");
  NearbyStore out;
  out.store = opt_string(n, "store");
  out.name = opt_string(n, "name");
  if (out.name.empty()) out.name = out.store;
  out.distance_m = maybe_int(n, "distance_m");
  out.level = stock_level(n);
  out.as_of = maybe_time(n, "as_of");
  out.stale = has(n, "stale") && as_bool(n.at("stale"), "stale");
  return out;
}

Offer parse_offer(const json& o) {
  expect_object(o, "offers[]");
  Offer out;
  out.offer = as_string(require(o, "offer"), "offer");
  out.title = as_string(require(o, "title"), "title");
  out.body = opt_string(o, "body");
  out.benefit = maybe_benefit(o, "benefit");
  out.reasons = string_list(o, "reasons");
  out.sku = opt_string(o, "sku");
  if (has(o, "product")) {
    const json& p = o.at("product");
    expect_object(p, "product");
    ProductInfo product;
    product.name = opt_string(p, "name");
    product.size = opt_string(p, "size");
    product.color = opt_string(p, "color");
    product.price_minor = maybe_int(p, "price_minor");
    product.currency = opt_string(p, "currency");
    out.product = std::move(product);
  }
  out.stock = maybe_stock(o);
  out.alternative = maybe_alternative(o);
  for (const auto& n : array_at(o, "nearby"))
    out.nearby.push_back(parse_nearby(n));
  return out;
}

ReservationCard parse_reservation(const json& r) {
  expect_object(r, "reservations[]");
  ReservationCard out;
  out.reservation = as_string(require(r, "reservation"), "reservation");
  const auto status = domain::reservation_status_from(as_string(require(r, "status"), "status"));
  if (!status) fail_with(errc::kInvalidValue, "reservation status");
  out.status = *status;
  out.sku = opt_string(r, "sku");
  out.name = opt_string(r, "name");
  out.size = opt_string(r, "size");
  out.hold_until = maybe_time(r, "hold_until");
  out.fitting_room = opt_string(r, "fitting_room");
  out.discount = maybe_benefit(r, "discount");
  // A pickups list may name who collects; only a display name is shown.
  if (has(r, "customer") && r.at("customer").is_object()) {
    out.customer_name = maybe_string(r.at("customer"), "display_name");
  } else {
    out.customer_name = maybe_string(r, "display_name");
  }
  return out;
}

domain::Consents parse_consents(const json& c, const Customer& customer) {
  domain::Consents out;
  // What the view itself implies, then whatever the edge spells out.
  out.personalization = customer.personalized;
  out.display_name = customer.display_name.has_value();
  if (!c.is_null()) {
    expect_object(c, "consents");
    const auto read = [&](const char* key, bool& field) {
      if (has(c, key)) field = as_bool(c.at(key), key);
    };
    read("personalization", out.personalization);
    read("marketing", out.marketing);
    read("display_name", out.display_name);
    read("history_for_staff", out.history_for_staff);
  }
  return out;
}

domain::Preferences parse_preferences(const json& o) {
  domain::Preferences out;
  if (!has(o, "preferences")) return out;
  const json& p = o.at("preferences");
  expect_object(p, "preferences");
  out.sizes = string_list(p, "sizes");
  out.categories = string_list(p, "categories");
  out.budget_minor = maybe_int(p, "budget_minor");
  out.pickup_store = maybe_string(p, "pickup_store");
  return out;
}

Customer parse_customer(const json& c) {
  expect_object(c, "customer");
  Customer out;
  out.id = opt_string(c, "id");
  out.display_name = maybe_string(c, "display_name");
  if (out.display_name && out.display_name->empty()) out.display_name.reset();
  out.tier = opt_string(c, "tier");
  if (has(c, "points")) {
    const json& p = c.at("points");
    if (p.is_object()) {
      out.points = maybe_int(p, "balance").value_or(0);
      out.points_pending = maybe_int(p, "pending").value_or(0);
    } else {
      out.points = as_int(p, "points");
    }
  }
  for (const char* key : {"pending_points", "points_pending"}) {
    if (const auto pending = maybe_int(c, key)) out.points_pending = *pending;
  }
  out.personalized = has(c, "personalized") && as_bool(c.at("personalized"), "personalized");
  out.consents = parse_consents(has(c, "consents") ? c.at("consents") : json(), out);
  out.preferences = parse_preferences(c);
  return out;
}

CodeOutcome parse_code(const json& c) {
  expect_object(c, "code");
  CodeOutcome out;
  out.ticket = maybe_string(c, "ticket");
  out.status = as_string(require(c, "status"), "code.status");
  out.benefit = maybe_benefit(c, "benefit");
  out.customer = maybe_string(c, "customer");
  out.redeemed = has(c, "redeemed") && as_bool(c.at("redeemed"), "redeemed");
  return out;
}

std::vector<HistoryItem> parse_history(const json& h) {
  if (!h.is_array()) fail_with(errc::kWrongType, "history must be an array");
  std::vector<HistoryItem> out;
  for (const auto& e : h) {
    expect_object(e, "history[]");
    HistoryItem item;
    item.at = maybe_time(e, "at");
    item.channel = opt_string(e, "channel");
    item.note = opt_string(e, "note");
    out.push_back(std::move(item));
  }
  return out;
}

Message parse_message(const json& m) {
  Message out;
  if (m.is_string()) {
    out.outcome = m.get<std::string>();
    return out;
  }
  expect_object(m, "message");
  for (const char* key : {"outcome", "code", "reason", "key"}) {
    if (has(m, key)) {
      out.outcome = as_string(m.at(key), key);
      break;
    }
  }
  out.text = has(m, "text") ? opt_string(m, "text") : opt_string(m, "detail");
  return out;
}

Mode parse_mode(const std::string& m) {
  if (m == "idle") return Mode::kIdle;
  if (m == "customer") return Mode::kCustomer;
  if (m == "code") return Mode::kCode;
  if (m == "pickups") return Mode::kPickups;
  if (m == "service") return Mode::kService;
  if (m == "message") return Mode::kMessage;
  fail_with(errc::kInvalidValue, "unknown mode");
}

ViewModel parse_view_or_throw(const json& v) {
  expect_object(v, "view");
  ViewModel out;
  out.rev = as_int(require(v, "rev"), "rev");
  out.mode = parse_mode(as_string(require(v, "mode"), "mode"));
  out.screen = opt_string(v, "screen");
  if (has(v, "status")) {
    const json& s = v.at("status");
    expect_object(s, "status");
    out.status.online = has(s, "online") && as_bool(s.at("online"), "online");
    out.status.last_sync = maybe_time(s, "last_sync");
    out.status.outbox = maybe_int(s, "outbox").value_or(0);
    out.status.version = opt_string(s, "version");
  }
  if (has(v, "customer")) out.customer = parse_customer(v.at("customer"));
  for (const auto& o : array_at(v, "offers"))
    out.offers.push_back(parse_offer(o));
  for (const auto& r : array_at(v, "reservations"))
    out.reservations.push_back(parse_reservation(r));
  if (has(v, "code")) out.code = parse_code(v.at("code"));
  if (has(v, "history")) out.history = parse_history(v.at("history"));
  if (has(v, "message")) out.message = parse_message(v.at("message"));
  return out;
}

}  // namespace

const char* to_string(Mode m) {
  switch (m) {
    case Mode::kIdle:
      return "idle";
    case Mode::kCustomer:
      return "customer";
    case Mode::kCode:
      return "code";
    case Mode::kPickups:
      return "pickups";
    case Mode::kService:
      return "service";
    case Mode::kMessage:
      return "message";
  }
  return "?";
}

bool has_personal_data(const ViewModel& v) {
  return v.customer.has_value() || v.code.has_value() || v.history.has_value() ||
         (v.mode != Mode::kPickups && !v.reservations.empty());
}

ViewModel neutral_view(const Status& status) {
  ViewModel out;
  out.mode = Mode::kIdle;
  out.status = status;
  return out;
}

Result<ViewModel> parse_view(const json& view) {
  try {
    return parse_view_or_throw(view);
  } catch (const ParseFailure& f) {
    return Unexpected(f.error);
  } catch (const json::exception& e) {
    return fail(std::string(errc::kWrongType), e.what());
  }
}

Result<ServerMessage> parse_server_line(std::string_view line) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception&) {
    return fail(std::string(errc::kInvalidJson), "line from the edge is not JSON");
  }
  return parse_server_message(j);
}

Result<ServerMessage> parse_server_message(const json& j) {
  if (!j.is_object()) return fail(std::string(errc::kWrongType), "line is not an object");
  try {
    if (has(j, "view")) {
      auto v = parse_view(j.at("view"));
      if (!v) return Unexpected(v.error());
      return ViewMessage{std::move(*v)};
    }
    if (has(j, "request")) {
      const json& r = j.at("request");
      expect_object(r, "request");
      return RequestMessage{require(r, "id"), as_string(require(r, "what"), "what")};
    }
    if (has(j, "result")) {
      const json& r = j.at("result");
      expect_object(r, "result");
      ResultMessage out;
      out.id = as_int(require(r, "id"), "result.id");
      out.ok = as_bool(require(r, "ok"), "ok");
      out.error = opt_string(r, "error");
      return out;
    }
    if (has(j, "error")) {
      const json& e = j.at("error");
      return ErrorMessage{e.is_string() ? e.get<std::string>() : e.dump()};
    }
  } catch (const ParseFailure& f) {
    return Unexpected(f.error);
  }
  return fail(std::string(errc::kProtocol), "unknown message from the edge");
}

}  // namespace witryna::display
