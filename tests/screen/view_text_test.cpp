// core::view_text writes the view line without a JSON tree; it must give the
// very bytes of build_view printed by view_line, whatever the state holds.
#include "edge/core/view/view_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/view/view_builder.hpp"
#include "edge/screen/protocol.hpp"

namespace witryna::screen {
namespace view_text_test {
namespace {

using core::ViewState;

TimePoint at(const char* text) {
  return *parse_rfc3339(text);
}

core::CustomerOnScreen customer(domain::Consents consents, std::string name) {
  core::CustomerOnScreen c;
  c.profile.customer = "C-000123";
  c.profile.name = std::move(name);
  c.profile.tier = "gold";
  c.profile.points.balance = 1250;
  c.profile.consents = consents;
  c.profile.preferences.sizes = {"M", "38"};
  c.profile.preferences.categories = {"dresses"};
  c.profile.history = {{at("2026-11-20T12:00:00Z"), "chat", "asked about \"linen\" care"},
                       {at("2026-11-21T08:30:00Z"), "store", "zwrot — rozmiar"}};
  c.pending_points = 50;
  c.personalized = consents.personalization;
  return c;
}

core::ShownOffer offer(std::string id, std::string title) {
  core::ShownOffer o;
  o.offer = std::move(id);
  o.title = std::move(title);
  o.body = "Body\nwith a line break\tand a tab";
  o.benefit = {domain::BenefitType::kPercent, 20, std::nullopt};
  o.reasons = {"you like dresses", "only 1 left here"};
  return o;
}

std::vector<std::pair<const char*, ViewState>> states() {
  std::vector<std::pair<const char*, ViewState>> out;

  ViewState idle;
  idle.status = {true, at("2026-11-22T10:00:00Z"), 3, "0.1.0"};
  idle.offers.push_back(offer("OF-W", "Everything -10%"));
  out.emplace_back("idle with a store-wide offer", idle);

  ViewState empty;
  out.emplace_back("default state, offline, never synced", empty);

  ViewState full;
  full.mode = core::ViewMode::kCustomer;
  full.status = {false, std::nullopt, 1234567, "1.2.3-rc1"};
  full.customer = customer({true, true, true, true}, "Zoë \"Z\" O'Brien");
  full.customer->profile.preferences.budget_minor = 30000;
  auto with_item = offer("OF-DRS", "Dresses −20 %");
  with_item.benefit = {domain::BenefitType::kAmount, 5000, "PLN"};
  with_item.sku = "DRS-0042-M-RED";
  with_item.product = domain::Product{"DRS-0042-M-RED", "DRS-0042", "Linen dress", "M", "red",
                                      "dresses",        24999,      "PLN",         {},  3};
  with_item.stock = core::StockState{core::StockLevel::kLow, 1};
  out.emplace_back("customer, no offers", full);
  auto out_of_stock = offer("OF-SHO", "Shoes");
  out_of_stock.sku = "SHO-1";
  out_of_stock.stock = core::StockState{core::StockLevel::kOut, 0};
  out_of_stock.alternative =
      core::AlternativeItem{"SHO-2", "Loafer", "40", "black", {core::StockLevel::kIn, 7}};
  auto nearby = offer("OF-BAG", "Bags");
  nearby.sku = "BAG-1";
  nearby.stock = core::StockState{core::StockLevel::kOut, 0};
  nearby.nearby = {
      {"PL-WAW-002", "Warszawa Arkadia", 1200, domain::NearbyLevel::kLow,
       at("2026-11-22T09:55:00Z"), false},
      {"PL-WAW-003", "", 5300, domain::NearbyLevel::kIn, at("2026-11-22T09:00:00Z"), true}};
  full.offers = {with_item, out_of_stock, nearby, offer("OF-W", "")};
  domain::Reservation r;
  r.reservation = "R-1";
  r.customer = "C-000123";
  r.store = "PL-WAW-001";
  r.sku = "DRS-0042-M-RED";
  r.qty = 2;
  r.hold_until = at("2026-11-23T18:00:00Z");
  r.fitting_room = "2";
  r.discount = domain::Benefit{domain::BenefitType::kPercent, 10, std::nullopt};
  full.reservations.push_back({r, "Linen dress", "M"});
  r.reservation = "R-2";
  r.discount.reset();
  r.status = domain::ReservationStatus::kPickedUp;
  full.reservations.push_back({r, "", ""});
  out.emplace_back("customer, offers of every kind, reservations", full);

  auto no_name = full;
  no_name.customer = customer({false, false, false, false}, "Anna");
  out.emplace_back("customer without consents", no_name);

  ViewState service;
  service.mode = core::ViewMode::kService;
  service.customer = customer({false, false, true, true}, "Anna");
  service.history = service.customer->profile.history;
  out.emplace_back("service with history consent", service);
  service.customer->profile.consents.history_for_staff = false;
  out.emplace_back("service without history consent", service);

  ViewState code;
  code.mode = core::ViewMode::kCode;
  code.code = core::CodeOnScreen{
      "T-77", "ok", domain::Benefit{domain::BenefitType::kAmount, 1500, "PLN"}, "C-000123", true};
  out.emplace_back("code redeemed", code);
  code.code = core::CodeOnScreen{"T-78", "unknown_code", std::nullopt, std::nullopt, false};
  out.emplace_back("code unknown", code);

  ViewState message;
  message.mode = core::ViewMode::kMessage;
  message.message = core::MessageOnScreen{"unknown_card", "This card is not recognized here."};
  out.emplace_back("message", message);

  ViewState odd;
  odd.mode = core::ViewMode::kCustomer;
  odd.customer = customer({true, true, true, true}, std::string("bad \xff\xfe utf-8 \x01 ctl"));
  odd.customer->profile.tier = "\\back\\slash/";
  odd.offers.push_back(offer("OF-\x7f", "\xe2\x82"));  // DEL, a cut-off sequence
  out.emplace_back("control characters and invalid UTF-8", odd);
  return out;
}

TEST(ViewText, SameBytesAsTheJsonBuilder) {
  for (const auto& [name, state] : states()) {
    for (const auto& [screen, rev] : std::vector<std::pair<std::string, std::int64_t>>{
             {"kiosk-1", 1}, {"checkout \"2\"", 9000000000}}) {
      const auto want = view_line(core::build_view(state, {}), screen, rev);
      EXPECT_EQ(core::view_line_text(core::view_text(state), screen, rev), want)
          << name << " / " << screen;
    }
  }
}

TEST(ViewText, ParsesBackAsTheContractView) {
  const auto line = core::view_line_text(core::view_text(states()[3].second), "kiosk-1", 7);
  const auto parsed = nlohmann::json::parse(line);
  const auto& view = parsed.at("view");
  EXPECT_EQ(view.at("rev"), 7);
  EXPECT_EQ(view.at("screen"), "kiosk-1");
  EXPECT_EQ(view.at("mode"), "customer");
  EXPECT_EQ(view.at("offers").size(), 4U);
  EXPECT_EQ(view.at("offers")[1].at("alternative").at("sku"), "SHO-2");
  EXPECT_EQ(view.at("reservations")[0].at("discount").at("value"), 10);
  EXPECT_TRUE(view.at("status").at("last_sync").is_null());
}

TEST(ViewText, StringsEscapeAsNlohmannDoes) {
  const std::vector<std::string> cases = {"",
                                          "plain",
                                          "quote \" here",
                                          "back\\slash",
                                          "\n\r\t\b\f",
                                          std::string(1, '\0'),
                                          "\x1f\x7f",
                                          "zażółć gęślą",
                                          "\xc3\x28",
                                          "\xf0\x9f\x98\x80 emoji"};
  for (const auto& s : cases) {
    std::string got;
    core::append_json_string(got, s);
    EXPECT_EQ(got,
              nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace view_text_test
}  // namespace witryna::screen
