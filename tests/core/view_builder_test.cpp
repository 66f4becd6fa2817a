#include "edge/core/view/view_builder.hpp"

#include <gtest/gtest.h>

namespace witryna::core {
namespace view_builder_test {
namespace {

using nlohmann::json;

TimePoint at(const char* text) {
  return *parse_rfc3339(text);
}

CustomerOnScreen anna(domain::Consents consents) {
  CustomerOnScreen c;
  c.profile.customer = "C-000123";
  c.profile.name = "Anna";
  c.profile.tier = "gold";
  c.profile.points.balance = 1250;
  c.profile.consents = consents;
  c.profile.history = {{at("2026-11-20T12:00:00Z"), "chat", "asked about linen care"}};
  c.pending_points = 50;
  c.personalized = consents.personalization;
  return c;
}

TEST(ViewBuilder, IdleViewHasEveryContractFieldAndNothingPersonal) {
  ViewState state;
  state.status = {true, at("2026-11-22T10:00:00Z"), 3, "0.1.0"};
  const auto view = build_view(state, at("2026-11-22T10:00:01Z"));
  for (const char* field :
       {"mode", "status", "customer", "offers", "reservations", "code", "history", "message"}) {
    EXPECT_TRUE(view.contains(field)) << field;
  }
  EXPECT_EQ(view["mode"], "idle");
  EXPECT_TRUE(view["customer"].is_null());
  EXPECT_EQ(view["status"],
            json::parse(R"({"online":true,"last_sync":"2026-11-22T10:00:00.000Z","outbox":3,
                            "version":"0.1.0"})"));
}

TEST(ViewBuilder, NameOnlyWithDisplayNameConsent) {
  ViewState state;
  state.mode = ViewMode::kCustomer;
  state.customer = anna({.personalization = true, .display_name = false});
  EXPECT_TRUE(build_view(state, {})["customer"]["display_name"].is_null());
  state.customer = anna({.personalization = true, .display_name = true});
  EXPECT_EQ(build_view(state, {})["customer"]["display_name"], "Anna");
  EXPECT_EQ(build_view(state, {})["customer"]["points"], 1300) << "pending points included";
}

TEST(ViewBuilder, HistoryOnlyWithStaffConsentEvenIfTheCallerPassedIt) {
  ViewState state;
  state.mode = ViewMode::kService;
  state.customer = anna({.history_for_staff = false});
  state.history = state.customer->profile.history;
  EXPECT_TRUE(build_view(state, {})["history"].is_null());
  state.customer = anna({.history_for_staff = true});
  const auto view = build_view(state, {});
  ASSERT_EQ(view["history"].size(), 1u);
  EXPECT_EQ(view["history"][0]["note"], "asked about linen care");
}

TEST(ViewBuilder, OfferCarriesReasonsStockAndNearbyWithStaleMark) {
  ShownOffer offer;
  offer.offer = "OF-1";
  offer.title = "-20% on dresses";
  offer.benefit = {domain::BenefitType::kPercent, 20, std::nullopt};
  offer.reasons = {"you like dresses"};
  offer.sku = "DRS-0042-M-RED";
  offer.stock = StockState{StockLevel::kOut, 0};
  offer.nearby = {
      {"PL-WAW-002", "Arkadia", 2400, domain::NearbyLevel::kIn, at("2026-11-22T09:00:00Z"), true}};
  const auto json_offer = offer_json(offer);
  EXPECT_EQ(json_offer["stock"], json::parse(R"({"level":"out","available":0})"));
  EXPECT_EQ(json_offer["benefit"], json::parse(R"({"type":"percent","value":20})"));
  EXPECT_EQ(json_offer["nearby"][0]["stale"], true);
  EXPECT_EQ(json_offer["nearby"][0]["as_of"], "2026-11-22T09:00:00.000Z");
  EXPECT_TRUE(json_offer["alternative"].is_null());
}

}  // namespace
}  // namespace view_builder_test
}  // namespace witryna::core
