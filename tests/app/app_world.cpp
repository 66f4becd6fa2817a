#include "tests/app/app_world.hpp"

#include "edge/core/codec/stream.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/crypto/sha256.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/store.hpp"

namespace witryna::app::test {

TimePoint now_ms() {
  return system_now();
}

std::string iso_from_now(std::chrono::milliseconds offset) {
  return format_rfc3339(now_ms() + offset);
}

namespace {
using std::chrono::hours;
using std::chrono::minutes;
}  // namespace

json seed_catalog() {
  return json::array({
      {{"kind", "product"},
       {"sku", "DRS-0042-M-RED"},
       {"product", "DRS-0042"},
       {"name", "Linen dress"},
       {"size", "M"},
       {"color", "red"},
       {"category", "dresses"},
       {"price_minor", 24999},
       {"currency", "PLN"},
       {"alternatives", json::array({"DRS-0042-L-RED"})},
       {"ver", 1}},
      {{"kind", "product"},
       {"sku", "DRS-0042-L-RED"},
       {"product", "DRS-0042"},
       {"name", "Linen dress"},
       {"size", "L"},
       {"color", "red"},
       {"category", "dresses"},
       {"price_minor", 24999},
       {"currency", "PLN"},
       {"alternatives", json::array()},
       {"ver", 1}},
      {{"kind", "offer"},
       {"offer", "OF-DRS"},
       {"title", "-20% on dresses"},
       {"body", "This week only"},
       {"benefit", {{"type", "percent"}, {"value", 20}}},
       {"category", "dresses"},
       {"skus", json::array()},
       {"segments", json::array()},
       {"tiers", json::array()},
       {"personalized", true},
       {"valid_from", iso_from_now(-hours(24))},
       {"valid_to", iso_from_now(hours(24 * 7))},
       {"max_per_day", 0},
       {"priority", 50},
       {"ver", 1}},
      {{"kind", "offer"},
       {"offer", "OF-ALL"},
       {"title", "Free alterations"},
       {"body", "On everything"},
       {"benefit", {{"type", "amount"}, {"value", 1000}, {"currency", "PLN"}}},
       {"category", ""},
       {"skus", json::array()},
       {"segments", json::array()},
       {"tiers", json::array()},
       {"personalized", false},
       {"valid_from", iso_from_now(-hours(24))},
       {"valid_to", iso_from_now(hours(24 * 7))},
       {"max_per_day", 0},
       {"priority", 10},
       {"ver", 1}},
  });
}

json seed_profiles() {
  auto anna = json::parse(R"({"customer":"C-000123","cards":["2900000123458"],
    "name":"Anna","segment":"active","tier":"gold","points":{"balance":1250,"ver":88},
    "consents":{"personalization":true,"marketing":false,"display_name":true,"history_for_staff":true},
    "preferences":{"sizes":["M"],"categories":["dresses","shoes"],"budget_minor":30000,
                   "pickup_store":"PL-WAW-001"},
    "affinities":{"dresses":0.8,"shoes":0.3},
    "recent":[],
    "history":[{"at":"2026-11-19T12:30:00.000Z","channel":"chat","note":"asked about linen care"}],
    "ver":5})");
  auto bob = json::parse(R"({"customer":"C-000200","cards":["2900000000018"],
    "name":"Bob","segment":"lapsed","tier":"silver","points":{"balance":40,"ver":3},
    "consents":{},
    "preferences":{"sizes":[],"categories":[]},
    "affinities":{"dresses":0.9},
    "recent":[],
    "history":[{"at":"2026-11-19T12:30:00.000Z","channel":"store","note":"private note"}],
    "ver":2})");
  return json::array({anna, bob});
}

json seed_stock() {
  return json::array({{{"sku", "DRS-0042-M-RED"}, {"on_hand", 4}, {"reserved", 1}, {"ver", 1}},
                      {{"sku", "DRS-0042-L-RED"}, {"on_hand", 2}, {"reserved", 0}, {"ver", 1}}});
}

namespace {
json seed_code(const char* normalized, json benefit, const char* scope, std::chrono::hours valid,
               const char* customer = "C-000123") {
  return {{"code_hash", crypto::sha256_hex(normalized)},
          {"benefit", std::move(benefit)},
          {"customer", customer},
          {"reason", "social"},
          {"valid_to", iso_from_now(valid)},
          {"max_uses", 1},
          {"scope", scope},
          {"ver", 1}};
}
}  // namespace

json seed_codes() {
  const json pln50 = {{"type", "amount"}, {"value", 5000}, {"currency", "PLN"}};
  const json pln30 = {{"type", "amount"}, {"value", 3000}, {"currency", "PLN"}};
  const json pct10 = {{"type", "percent"}, {"value", 10}};
  return json::array({
      seed_code("7K3M9Q2DJ", pln50, "store", hours(24 * 30)),  // 7K3M-9Q2D-J
      seed_code("A1B2C3D4Y", pln30, "brand", hours(24 * 30)),  // A1B2-C3D4-Y: offline within policy
      seed_code("HJKMNPQR4", pct10, "brand", hours(24 * 30)),  // HJKM-NPQR-4: needs online
      seed_code("ZZZZZZZZ8", pln50, "store", hours(-1)),       // ZZZZ-ZZZZ-8: expired
  });
}

json seed_reservations() {
  return json::array({{{"reservation", "R-9001"},
                       {"customer", "C-000123"},
                       {"store", kStore},
                       {"sku", "DRS-0042-M-RED"},
                       {"qty", 1},
                       {"status", "ready"},
                       {"hold_until", iso_from_now(hours(2))},
                       {"fitting_room", "3"},
                       {"discount", {{"type", "percent"}, {"value", 10}}},
                       {"ver", 4}}});
}

json seed_nearby() {
  return json::array({{{"store", "PL-WAW-002"},
                       {"name", "Warszawa Arkadia"},
                       {"distance_m", 2400},
                       {"sku", "DRS-0042-M-RED"},
                       {"level", "in"},
                       {"ver", 1}}});
}

void seed(store::Database& db) {
  const auto ctx = store::ApplyContext::live(1, now_ms());
  must(store::apply_message(db, core::Stream::kCatalog, ctx, seed_catalog()), "catalog");
  must(store::apply_message(db, core::Stream::kProfiles, ctx, seed_profiles()), "profiles");
  must(store::apply_message(db, core::Stream::kStock, ctx, seed_stock()), "stock");
  must(store::apply_message(db, core::Stream::kCodes, ctx, seed_codes()), "codes");
  must(store::apply_message(db, core::Stream::kReservations, ctx, seed_reservations()),
       "reservations");
  must(store::apply_message(db, core::Stream::kNearby, ctx, seed_nearby()), "nearby");
}

WorkflowOptions default_options() {
  WorkflowOptions o;
  o.device = "PL-WAW-001-edge1";
  o.store = kStore;
  o.version = "test";
  o.offers.control_group_percent = 0;
  o.points.currency = "PLN";
  o.offline.max_value_minor = 5000;
  o.offline.max_per_hour = 10;
  o.screens = {{"kiosk-1", screen::Role::kKiosk, std::nullopt},
               {"kiosk-2", screen::Role::kKiosk, std::nullopt},
               {"checkout-1", screen::Role::kCheckout, "T1"},
               {"checkout-2", screen::Role::kCheckout, "T2"}};
  return o;
}

// ---------------------------------------------------------------------------

bool Screen::hello(const std::string& id, const std::string& role,
                   std::optional<std::string> till) {
  json h = {{"screen", id}, {"role", role}, {"till", till ? json(*till) : json()}, {"protocol", 1}};
  if (!client_.send_line(json{{"hello", h}}.dump())) return false;
  return view_until([](const json&) { return true; }).has_value();
}

bool Screen::read_one(std::chrono::milliseconds deadline) {
  auto line = client_.read_line(deadline);
  if (!line) return false;
  auto j = json::parse(*line, nullptr, false);
  if (j.is_discarded()) {
    others_.push_back(json{{"unparsed", *line}});
  } else if (j.contains("view")) {
    last_view_ = j["view"];
  } else if (j.contains("result")) {
    results_.push_back(j["result"]);
  } else if (j.contains("error") && j["error"].is_object() && j["error"].contains("id")) {
    // A protocol error about one action (e.g. unknown_action) answers it too.
    results_.push_back(json{{"id", j["error"]["id"]},
                            {"ok", false},
                            {"error", j["error"]["code"]},
                            {"protocol", true}});
    others_.push_back(j);
  } else {
    others_.push_back(j);
  }
  return true;
}

std::optional<json> Screen::wait_result(const json& id, std::chrono::milliseconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  for (;;) {
    for (auto it = results_.begin(); it != results_.end(); ++it) {
      if (it->value("id", json()) == id) {
        json r = *it;
        results_.erase(it);
        return r;
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        end - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !read_one(left)) return std::nullopt;
  }
}

json Screen::act(json action) {
  const int id = next_id_++;
  action["id"] = id;
  if (!client_.send_line(action.dump())) return json{{"ok", false}, {"error", "send failed"}};
  auto r = wait_result(id);
  return r ? *r : json{{"ok", false}, {"error", "no result"}};
}

json Screen::act(const std::string& name, json fields) {
  fields["action"] = name;
  return act(std::move(fields));
}

// ---------------------------------------------------------------------------

AppWorld::AppWorld(WorkflowOptions options, bool seeded, ClaimsFactory claims)
    : signer_(must(crypto::Ed25519Signer::generate(), "signer")) {
  must(keys_.add_raw_hex(kKid, must(signer_.public_key_hex(), "public key")), "key ring");
  io_.call([&] {
    db_.emplace(must(store::open_store(dir_ / "edge.db"), "open_store"));
    if (seeded) seed(*db_);
    claims_ = claims ? claims(io_.io()) : std::make_unique<OfflineClaims>(io_.io());
    workflows_ = std::make_unique<Workflows>(io_.io(), *db_, keys_, *claims_, std::move(options));
    workflows_->set_on_events_written([this] { ++events_written_; });
    server_ = std::make_unique<screen::ScreenServer>(io_.io(), *workflows_);
    workflows_->set_server(server_.get());
    screen::ScreenServerOptions so;
    so.unix_path = socket();
    so.unix_group = "";
    must(server_->start(so), "screen server");
    workflows_->start();
    return 0;
  });
}

AppWorld::~AppWorld() {
  io_.call([&] {
    server_->stop();
    workflows_->stop();
    return 0;
  });
  io_.stop();  // nothing runs on the loop any more: tear down here
  server_.reset();
  workflows_.reset();
  claims_.reset();
  db_.reset();
}

std::unique_ptr<Screen> AppWorld::screen(const std::string& id, const std::string& role,
                                         std::optional<std::string> till) {
  auto s = std::make_unique<Screen>(socket());
  if (!s->hello(id, role, std::move(till))) throw std::runtime_error("no first view for " + id);
  return s;
}

std::vector<json> AppWorld::events() {
  return call([&] {
    std::vector<json> out;
    for (const auto& e : must(store::pending_events(*db_, 0, 100000), "events")) {
      out.push_back(json::parse(e.json));
    }
    return out;
  });
}

std::vector<json> AppWorld::events_of(const std::string& type) {
  std::vector<json> out;
  for (auto& e : events()) {
    if (e.value("type", "") == type) out.push_back(std::move(e));
  }
  return out;
}

void AppWorld::central(const std::string& stream, const json& items) {
  call([&] {
    const auto s = core::stream_from(stream).value();
    must(store::apply_message(*db_, s, store::ApplyContext{{}, {}, now_ms()}, items), "apply");
    workflows_->on_central_changed(stream);
    return 0;
  });
}

std::string AppWorld::token(const std::string& sub, core::AppTokenType typ, std::string res,
                            std::chrono::seconds iat_offset, std::chrono::seconds lifetime) {
  core::AppTokenClaims c;
  c.sub = sub;
  c.typ = typ;
  c.res = std::move(res);
  c.iat = to_unix_seconds(now_ms()) + iat_offset.count();
  c.exp = c.iat + lifetime.count();
  c.jti = "jti-" + std::to_string(++jti_) + "-" + std::to_string(to_unix_millis(now_ms()));
  return must(crypto::make_app_token(signer_, kKid, c), "token");
}

}  // namespace witryna::app::test
