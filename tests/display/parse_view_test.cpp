#include "display/model/parse_view.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace witryna::display {
namespace parse_view_test {
namespace {

using nlohmann::json;

// The example view of screen-api.md, verbatim apart from the elided times.
const char* kContractExample = R"({"view":{"rev":42,"screen":"kiosk-1","mode":"customer",
 "status":{"online":true,"last_sync":"2026-11-22T10:00:00.123Z","outbox":0,"version":"1.4.2"},
 "customer":{"id":"C-000123","display_name":"Anna","tier":"gold","points":1250,"personalized":true},
 "offers":[{"offer":"OF-2026-11-DRS","title":"-20% on dresses","body":"…","benefit":{"type":"percent","value":20},
            "reasons":["you like dresses","your size M is in stock"],
            "sku":"DRS-0042-M-RED","stock":{"level":"in","available":3},
            "alternative":null,"nearby":[]}],
 "reservations":[{"reservation":"R-9001","sku":"DRS-0042-M-RED","name":"Linen dress","size":"M",
                  "status":"ready","hold_until":"2026-11-22T17:00:00Z","fitting_room":"3","discount":{"type":"percent","value":10}}],
 "code":null,
 "history":null,
 "message":null}})";

ViewModel view_of(const std::string& line) {
  auto m = parse_server_line(line);
  EXPECT_TRUE(m) << (m ? "" : m.error().code + " " + m.error().context);
  return std::get<ViewMessage>(*m).view;
}

TEST(ParseView, ContractExample) {
  const ViewModel v = view_of(kContractExample);
  EXPECT_EQ(v.rev, 42);
  EXPECT_EQ(v.screen, "kiosk-1");
  EXPECT_EQ(v.mode, Mode::kCustomer);
  EXPECT_TRUE(v.status.online);
  EXPECT_EQ(v.status.version, "1.4.2");
  ASSERT_TRUE(v.status.last_sync);
  ASSERT_TRUE(v.customer);
  EXPECT_EQ(v.customer->display_name, "Anna");
  EXPECT_EQ(v.customer->tier, "gold");
  EXPECT_EQ(v.customer->points, 1250);
  EXPECT_TRUE(v.customer->personalized);
  // Implied by the view: personalized and a name shown; the rest refused.
  EXPECT_TRUE(v.customer->consents.personalization);
  EXPECT_TRUE(v.customer->consents.display_name);
  EXPECT_FALSE(v.customer->consents.marketing);
  ASSERT_EQ(v.offers.size(), 1u);
  const Offer& o = v.offers[0];
  EXPECT_EQ(o.offer, "OF-2026-11-DRS");
  ASSERT_TRUE(o.benefit);
  EXPECT_EQ(o.benefit->type, domain::BenefitType::kPercent);
  EXPECT_EQ(o.benefit->value, 20);
  EXPECT_EQ(o.reasons.size(), 2u);
  ASSERT_TRUE(o.stock);
  EXPECT_EQ(o.stock->level, StockLevel::kIn);
  EXPECT_EQ(o.stock->available, 3);
  EXPECT_FALSE(o.alternative);
  ASSERT_EQ(v.reservations.size(), 1u);
  EXPECT_EQ(v.reservations[0].status, domain::ReservationStatus::kReady);
  EXPECT_EQ(v.reservations[0].fitting_room, "3");
  EXPECT_TRUE(v.reservations[0].discount);
  EXPECT_FALSE(v.code);
  EXPECT_FALSE(v.history);
  EXPECT_FALSE(v.message);
  EXPECT_TRUE(has_personal_data(v));
}

TEST(ParseView, EveryRecordedViewParses) {
  const std::string dir = std::string(WITRYNA_SOURCE_DIR) + "/tests/display/views/";
  for (const char* name : {"idle", "customer", "message", "code_ok", "code_expired", "pickups",
                           "service", "checkout_customer"}) {
    std::ifstream in(dir + name + ".json");
    ASSERT_TRUE(in) << name;
    std::stringstream text;
    text << in.rdbuf();
    const auto m = parse_server_line(text.str());
    EXPECT_TRUE(m) << name << ": " << (m ? "" : m.error().code + " " + m.error().context);
  }
}

TEST(ParseView, EdgeExtensionsAndAlternativeShapes) {
  const ViewModel v = view_of(R"({"view":{"rev":1,"mode":"customer",
    "customer":{"id":"C-1","display_name":null,"tier":"silver","points":900,"pending_points":40,
      "personalized":false,"consents":{"marketing":true,"history_for_staff":true},
      "preferences":{"sizes":["M","L"],"categories":["shoes"],"budget_minor":null}},
    "offers":[{"offer":"O1","title":"t","benefit":{"type":"amount","value":5000,"currency":"PLN"},
      "stock":{"level":"out","available":0},
      "alternative":{"sku":"S2","name":"Boots","size":"38","color":"brown","stock":{"level":"in","available":2}},
      "nearby":[{"store":"PL-2","name":"Arkadia","distance_m":2400,"level":"low","as_of":"2026-11-22T09:00:00Z","stale":true}],
      "product":{"name":"Dress","size":"M","price_minor":24999,"currency":"PLN"}},
     {"offer":"O2","title":"t2","alternative":"SKU-ALT"}]}})");
  ASSERT_TRUE(v.customer);
  EXPECT_FALSE(v.customer->display_name);
  EXPECT_EQ(v.customer->points_pending, 40);
  EXPECT_FALSE(v.customer->consents.personalization);
  EXPECT_TRUE(v.customer->consents.marketing);
  EXPECT_TRUE(v.customer->consents.history_for_staff);
  EXPECT_EQ(v.customer->preferences.sizes, (std::vector<std::string>{"M", "L"}));
  EXPECT_FALSE(v.customer->preferences.budget_minor);
  const Offer& o = v.offers[0];
  EXPECT_EQ(o.benefit->currency, "PLN");
  ASSERT_TRUE(o.alternative);
  EXPECT_EQ(o.alternative->name, "Boots");
  ASSERT_EQ(o.nearby.size(), 1u);
  EXPECT_TRUE(o.nearby[0].stale);
  EXPECT_EQ(o.nearby[0].level, StockLevel::kLow);
  EXPECT_EQ(o.nearby[0].distance_m, 2400);
  ASSERT_TRUE(o.product);
  EXPECT_EQ(o.product->price_minor, 24999);
  ASSERT_TRUE(v.offers[1].alternative);
  EXPECT_EQ(v.offers[1].alternative->sku, "SKU-ALT");
}

TEST(ParseView, MessageShapes) {
  struct Case {
    const char* message;
    const char* outcome;
    const char* text;
  };
  const Case cases[] = {
      {R"("unknown_card")", "unknown_card", ""},
      {R"({"code":"expired","detail":"token expired"})", "expired", "token expired"},
      {R"({"outcome":"replayed","text":"x"})", "replayed", "x"},
  };
  for (const auto& c : cases) {
    const ViewModel v =
        view_of(std::string(R"({"view":{"rev":1,"mode":"message","message":)") + c.message + "}}");
    ASSERT_TRUE(v.message) << c.message;
    EXPECT_EQ(v.message->outcome, c.outcome);
    EXPECT_EQ(v.message->text, c.text);
  }
}

TEST(ParseView, CodeAndHistory) {
  const ViewModel v = view_of(R"({"view":{"rev":3,"mode":"code",
    "code":{"ticket":"TK-1","status":"ok","benefit":{"type":"amount","value":5000,"currency":"PLN"},"customer":"C-1","redeemed":true},
    "history":[{"at":"2026-11-20T15:12:00Z","channel":"chat","note":"linen care"}]}})");
  ASSERT_TRUE(v.code);
  EXPECT_EQ(v.code->ticket, "TK-1");
  EXPECT_EQ(v.code->status, "ok");
  EXPECT_TRUE(v.code->redeemed);
  ASSERT_TRUE(v.history);
  EXPECT_EQ((*v.history)[0].channel, "chat");
}

TEST(ParseView, Errors) {
  struct Case {
    const char* line;
    const char* code;
  };
  const Case cases[] = {
      {"not json", "invalid_json"},
      {"[1,2]", "wrong_type"},
      {R"({"view":{"mode":"idle"}})", "missing_field"},
      {R"({"view":{"rev":1}})", "missing_field"},
      {R"({"view":{"rev":"1","mode":"idle"}})", "wrong_type"},
      {R"({"view":{"rev":1,"mode":"dance"}})", "invalid_value"},
      {R"({"view":{"rev":1,"mode":"idle","offers":[{"title":"x"}]}})", "missing_field"},
      {R"({"view":{"rev":1,"mode":"idle","offers":{}}})", "wrong_type"},
      {R"({"view":{"rev":1,"mode":"idle","status":{"last_sync":"yesterday"}}})", "invalid_value"},
      {R"({"view":{"rev":1,"mode":"idle","reservations":[{"reservation":"R","status":"lost"}]}})",
       "invalid_value"},
      {R"({"view":{"rev":1,"mode":"code","code":{"ticket":"T"}}})", "missing_field"},
      {R"({"hello":{}})", "protocol"},
  };
  for (const auto& c : cases) {
    const auto m = parse_server_line(c.line);
    ASSERT_FALSE(m) << c.line;
    EXPECT_EQ(m.error().code, c.code) << c.line;
  }
}

TEST(ParseView, UnknownFieldsAreIgnored) {
  const ViewModel v = view_of(
      R"({"view":{"rev":1,"mode":"idle","future":{"x":1},"status":{"online":true,"new":2}}})");
  EXPECT_EQ(v.mode, Mode::kIdle);
  EXPECT_TRUE(v.status.online);
  EXPECT_FALSE(has_personal_data(v));
}

TEST(ParseServerLine, RequestsResultsErrors) {
  auto r = parse_server_line(R"({"request":{"id":"shot-1","what":"screenshot"}})");
  ASSERT_TRUE(r);
  const auto& req = std::get<RequestMessage>(*r);
  EXPECT_EQ(req.id, json("shot-1"));
  EXPECT_EQ(req.what, "screenshot");

  r = parse_server_line(R"({"result":{"id":7,"ok":false,"error":"locked"}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(std::get<ResultMessage>(*r).id, 7);
  EXPECT_FALSE(std::get<ResultMessage>(*r).ok);
  EXPECT_EQ(std::get<ResultMessage>(*r).error, "locked");

  r = parse_server_line(R"({"result":{"id":8,"ok":true}})");
  ASSERT_TRUE(r);
  EXPECT_TRUE(std::get<ResultMessage>(*r).ok);

  r = parse_server_line(R"({"error":{"code":"unknown_action","detail":"x"}})");
  ASSERT_TRUE(r);
  EXPECT_NE(std::get<ErrorMessage>(*r).error.find("unknown_action"), std::string::npos);
}

TEST(PersonalData, PickupsListIsNotAboutOnePerson) {
  ViewModel v;
  v.mode = Mode::kPickups;
  v.reservations.push_back(ReservationCard{});
  EXPECT_FALSE(has_personal_data(v));
  v.mode = Mode::kCustomer;
  EXPECT_TRUE(has_personal_data(v));
  const ViewModel n = neutral_view(Status{true, std::nullopt, 3, "1.0"});
  EXPECT_FALSE(has_personal_data(n));
  EXPECT_EQ(n.status.outbox, 3);
}

}  // namespace
}  // namespace parse_view_test
}  // namespace witryna::display
