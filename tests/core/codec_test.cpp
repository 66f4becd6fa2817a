// The stream item codec against every example payload of mqtt.md.
#include "edge/core/codec/codec.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace witryna::core {
namespace codec_test {
namespace {

using nlohmann::json;

// Each stream's parser, with the parsed item written back to JSON so tables
// can treat every stream alike.
using ParseFn = std::function<Result<json>(const json&)>;

template <typename Parser>
ParseFn via(Parser parser) {
  return [parser](const json& j) -> Result<json> {
    auto item = parser(j);
    if (!item) return tl::unexpected(item.error());
    return to_json(*item);
  };
}

const ParseFn kCatalog = via(parse_catalog_item);
const ParseFn kStock = via(parse_stock_item);
const ParseFn kProfiles = via(parse_profile_item);
const ParseFn kReservations = via(parse_reservation_item);
const ParseFn kCodes = via(parse_code_item);
const ParseFn kNearby = via(parse_nearby_item);

// The examples of mqtt.md, with "…" replaced by real times.
const json kProduct = json::parse(R"({"kind":"product","sku":"DRS-0042-M-RED","product":"DRS-0042",
  "name":"Linen dress","size":"M","color":"red","category":"dresses","price_minor":24999,
  "currency":"PLN","alternatives":["DRS-0042-L-RED","DRS-0051-M-RED"],"ver":12})");
const json kOffer =
    json::parse(R"({"kind":"offer","offer":"OF-2026-11-DRS","title":"-20% on dresses",
  "body":"This week only","benefit":{"type":"percent","value":20},"category":"dresses","skus":[],
  "segments":["active","lapsed"],"tiers":[],"personalized":true,
  "valid_from":"2026-11-20T00:00:00.000Z","valid_to":"2026-11-27T00:00:00.000Z",
  "max_per_day":2,"priority":50,"ver":3})");
const json kStockItem =
    json::parse(R"({"sku":"DRS-0042-M-RED","on_hand":4,"reserved":1,"ver":991})");
const json kProfile = json::parse(R"({"customer":"C-000123","ver":5,"cards":["2900000123458"],
  "name":"Anna","segment":"active","tier":"gold","points":{"balance":1250,"ver":88},
  "consents":{"personalization":true,"marketing":false,"display_name":true,"history_for_staff":true},
  "preferences":{"sizes":["M"],"categories":["dresses","shoes"],"budget_minor":30000,
                 "pickup_store":"PL-WAW-001"},
  "affinities":{"dresses":0.8,"shoes":0.3},
  "recent":[{"sku":"DRS-0042-M-RED","channel":"web","at":"2026-11-21T18:00:00.000Z","what":"viewed"}],
  "history":[{"at":"2026-11-19T12:30:00.000Z","channel":"chat","note":"asked about linen care"}]})");
const json kReservation = json::parse(R"({"reservation":"R-9001","customer":"C-000123",
  "store":"PL-WAW-001","sku":"DRS-0042-M-RED","qty":1,"status":"held",
  "hold_until":"2026-11-23T18:00:00.000Z","fitting_room":"3",
  "discount":{"type":"percent","value":10},"ver":4})");
const json kCode =
    json::parse(R"({"code_hash":"b0f74be349e50a61e2ffea5fe7ed56b26b8ec1ed9f76f69822f65c8f77266199",
  "benefit":{"type":"amount","value":5000,"currency":"PLN"},"customer":"C-000123","reason":"social",
  "valid_to":"2026-12-31T23:59:59.000Z","max_uses":1,"scope":"brand","ver":2})");
const json kNearbyItem = json::parse(R"({"store":"PL-WAW-002","name":"Warszawa Arkadia",
  "distance_m":2400,"sku":"DRS-0042-M-RED","level":"in","ver":31})");

struct Example {
  const char* name;
  const ParseFn* parse;
  const json* item;
};

const std::vector<Example> kExamples = {
    {"product", &kCatalog, &kProduct},
    {"offer", &kCatalog, &kOffer},
    {"stock", &kStock, &kStockItem},
    {"profile", &kProfiles, &kProfile},
    {"reservation", &kReservations, &kReservation},
    {"code", &kCodes, &kCode},
    {"nearby", &kNearby, &kNearbyItem},
};

TEST(Codec, EveryContractExampleParsesAndRoundTrips) {
  for (const auto& ex : kExamples) {
    SCOPED_TRACE(ex.name);
    const auto once = (*ex.parse)(*ex.item);
    ASSERT_TRUE(once.has_value()) << once.error().code << " " << once.error().context;
    // Everything the example says survives (the codec may add defaults, never lose).
    for (const auto& [key, value] : ex.item->items()) {
      ASSERT_TRUE(once->contains(key)) << key;
      EXPECT_EQ((*once)[key], value) << key;
    }
    const auto twice = (*ex.parse)(*once);
    ASSERT_TRUE(twice.has_value());
    EXPECT_EQ(*once, *twice);
  }
}

TEST(Codec, ExampleValuesLandInTheDomainTypes) {
  const auto product = parse_catalog_item(kProduct);
  ASSERT_TRUE(product.has_value());
  const auto& p = std::get<Item<domain::Product>>(*product).value;
  EXPECT_EQ(p.sku, "DRS-0042-M-RED");
  EXPECT_EQ(p.price_minor, 24999);
  EXPECT_EQ(p.alternatives.size(), 2U);
  EXPECT_EQ(p.ver, 12);

  const auto offer = parse_catalog_item(kOffer);
  ASSERT_TRUE(offer.has_value());
  const auto& o = std::get<Item<domain::Offer>>(*offer).value;
  EXPECT_EQ(o.benefit, (domain::Benefit{domain::BenefitType::kPercent, 20, std::nullopt}));
  EXPECT_TRUE(o.personalized);
  EXPECT_EQ(format_rfc3339(o.valid_to), "2026-11-27T00:00:00.000Z");
  EXPECT_EQ(o.max_per_day, 2);

  const auto stock = parse_stock_item(kStockItem);
  ASSERT_TRUE(stock.has_value());
  EXPECT_EQ(stock->value.available(), 3);

  const auto profile = parse_profile_item(kProfile);
  ASSERT_TRUE(profile.has_value());
  const auto& pr = profile->value;
  EXPECT_FALSE(profile->deleted);
  EXPECT_EQ(pr.cards, std::vector<std::string>{"2900000123458"});
  EXPECT_EQ(pr.points, (domain::Points{1250, 88}));
  EXPECT_EQ(pr.consents, (domain::Consents{true, false, true, true}));
  EXPECT_EQ(pr.preferences.budget_minor, 30000);
  EXPECT_EQ(pr.preferences.pickup_store, "PL-WAW-001");
  EXPECT_DOUBLE_EQ(pr.affinities.at("dresses"), 0.8);
  ASSERT_EQ(pr.recent.size(), 1U);
  EXPECT_EQ(pr.recent[0].what, "viewed");
  ASSERT_EQ(pr.history.size(), 1U);
  EXPECT_EQ(pr.history[0].note, "asked about linen care");

  const auto res = parse_reservation_item(kReservation);
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->value.status, domain::ReservationStatus::kHeld);
  ASSERT_TRUE(res->value.discount.has_value());
  EXPECT_EQ(res->value.discount->value, 10);

  const auto code = parse_code_item(kCode);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->value.scope, domain::CodeScope::kBrand);
  EXPECT_EQ(code->value.benefit.currency, "PLN");
  EXPECT_EQ(code->value.max_uses, 1);

  const auto nearby = parse_nearby_item(kNearbyItem);
  ASSERT_TRUE(nearby.has_value());
  EXPECT_EQ(nearby->value.level, domain::NearbyLevel::kIn);
  EXPECT_EQ(nearby->value.distance_m, 2400);
}

// Removes the field at `path` ("benefit.type", "recent.0.sku").
json without(json j, const std::string& path) {
  json* at = &j;
  std::string rest = path;
  for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
    const auto head = rest.substr(0, dot);
    at = at->is_array() ? &(*at)[std::stoul(head)] : &(*at)[head];
    rest = rest.substr(dot + 1);
  }
  at->erase(rest);
  return j;
}

json with(json j, const std::string& path, json value) {
  j[json::json_pointer("/" + [&] {
    std::string p = path;
    for (auto& c : p) {
      if (c == '.') c = '/';
    }
    return p;
  }())] = std::move(value);
  return j;
}

struct FieldCase {
  const ParseFn* parse;
  const json* item;
  std::string path;     // the field as removed / changed
  std::string context;  // what the error must name
};

TEST(Codec, EachMissingRequiredFieldIsAnError) {
  const std::vector<FieldCase> cases = {
      {&kCatalog, &kProduct, "kind", "kind"},
      {&kCatalog, &kProduct, "sku", "sku"},
      {&kCatalog, &kProduct, "ver", "ver"},
      {&kCatalog, &kProduct, "name", "name"},
      {&kCatalog, &kProduct, "category", "category"},
      {&kCatalog, &kProduct, "price_minor", "price_minor"},
      {&kCatalog, &kProduct, "currency", "currency"},
      {&kCatalog, &kOffer, "offer", "offer"},
      {&kCatalog, &kOffer, "ver", "ver"},
      {&kCatalog, &kOffer, "title", "title"},
      {&kCatalog, &kOffer, "benefit", "benefit"},
      {&kCatalog, &kOffer, "benefit.type", "benefit.type"},
      {&kCatalog, &kOffer, "benefit.value", "benefit.value"},
      {&kCatalog, &kOffer, "valid_from", "valid_from"},
      {&kCatalog, &kOffer, "valid_to", "valid_to"},
      {&kStock, &kStockItem, "sku", "sku"},
      {&kStock, &kStockItem, "on_hand", "on_hand"},
      {&kStock, &kStockItem, "reserved", "reserved"},
      {&kStock, &kStockItem, "ver", "ver"},
      {&kProfiles, &kProfile, "customer", "customer"},
      {&kProfiles, &kProfile, "ver", "ver"},
      {&kProfiles, &kProfile, "points.balance", "points.balance"},
      {&kProfiles, &kProfile, "points.ver", "points.ver"},
      {&kProfiles, &kProfile, "recent.0.sku", "recent[0].sku"},
      {&kProfiles, &kProfile, "recent.0.at", "recent[0].at"},
      {&kProfiles, &kProfile, "history.0.at", "history[0].at"},
      {&kProfiles, &kProfile, "history.0.note", "history[0].note"},
      {&kReservations, &kReservation, "reservation", "reservation"},
      {&kReservations, &kReservation, "customer", "customer"},
      {&kReservations, &kReservation, "store", "store"},
      {&kReservations, &kReservation, "sku", "sku"},
      {&kReservations, &kReservation, "qty", "qty"},
      {&kReservations, &kReservation, "status", "status"},
      {&kReservations, &kReservation, "hold_until", "hold_until"},
      {&kReservations, &kReservation, "ver", "ver"},
      {&kReservations, &kReservation, "discount.type", "discount.type"},
      {&kCodes, &kCode, "code_hash", "code_hash"},
      {&kCodes, &kCode, "benefit", "benefit"},
      {&kCodes, &kCode, "valid_to", "valid_to"},
      {&kCodes, &kCode, "max_uses", "max_uses"},
      {&kCodes, &kCode, "scope", "scope"},
      {&kCodes, &kCode, "ver", "ver"},
      {&kNearby, &kNearbyItem, "store", "store"},
      {&kNearby, &kNearbyItem, "sku", "sku"},
      {&kNearby, &kNearbyItem, "level", "level"},
      {&kNearby, &kNearbyItem, "ver", "ver"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    const auto r = (*c.parse)(without(*c.item, c.path));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error(), (Error{std::string(errc::kMissingField), c.context}));
  }
}

TEST(Codec, NullCountsAsAbsent) {
  const auto r = parse_stock_item(with(kStockItem, "on_hand", nullptr));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::kMissingField);
}

struct TypeCase {
  const ParseFn* parse;
  const json* item;
  std::string path;
  json value;
  std::string code;
  std::string context;
};

TEST(Codec, WrongTypesAndValuesAreErrorsNamingOnlyTheField) {
  const std::string wrong(errc::kWrongType);
  const std::string invalid(errc::kInvalidValue);
  const std::vector<TypeCase> cases = {
      {&kCatalog, &kProduct, "ver", "12", wrong, "ver"},
      {&kCatalog, &kProduct, "ver", 12.0, wrong, "ver"},
      {&kCatalog, &kProduct, "ver", json(18446744073709551615ULL), invalid, "ver"},
      {&kCatalog, &kProduct, "price_minor", true, wrong, "price_minor"},
      {&kCatalog, &kProduct, "alternatives", "DRS-1", wrong, "alternatives"},
      {&kCatalog, &kProduct, "alternatives", json::array({"a", 1}), wrong, "alternatives[1]"},
      {&kCatalog, &kProduct, "kind", "bundle", invalid, "kind"},
      {&kCatalog, &kProduct, "kind", 1, wrong, "kind"},
      {&kCatalog, &kProduct, "deleted", "yes", wrong, "deleted"},
      {&kCatalog, &kOffer, "benefit", json::array(), wrong, "benefit"},
      {&kCatalog, &kOffer, "benefit.type", "free", invalid, "benefit.type"},
      {&kCatalog, &kOffer, "valid_to", "next week", invalid, "valid_to"},
      {&kCatalog, &kOffer, "personalized", 1, wrong, "personalized"},
      {&kCatalog, &kOffer, "max_per_day", json(5000000000LL), invalid, "max_per_day"},
      {&kStock, &kStockItem, "on_hand", "4", wrong, "on_hand"},
      {&kProfiles, &kProfile, "name", 7, wrong, "name"},
      {&kProfiles, &kProfile, "cards", "2900000123458", wrong, "cards"},
      {&kProfiles, &kProfile, "consents", true, wrong, "consents"},
      {&kProfiles, &kProfile, "consents.marketing", "no", wrong, "consents.marketing"},
      {&kProfiles, &kProfile, "points", 1250, wrong, "points"},
      {&kProfiles, &kProfile, "affinities", json::object({{"dresses", "high"}}), wrong,
       "affinities"},
      {&kProfiles, &kProfile, "preferences.budget_minor", "30000", wrong,
       "preferences.budget_minor"},
      {&kProfiles, &kProfile, "recent", json::object(), wrong, "recent"},
      {&kProfiles, &kProfile, "recent.0", "viewed", wrong, "recent[0]"},
      {&kProfiles, &kProfile, "history.0.at", "yesterday", invalid, "history[0].at"},
      {&kReservations, &kReservation, "status", "lost", invalid, "status"},
      {&kReservations, &kReservation, "qty", 1.5, wrong, "qty"},
      {&kCodes, &kCode, "scope", "world", invalid, "scope"},
      {&kCodes, &kCode, "max_uses", 0, invalid, "max_uses"},
      {&kNearby, &kNearbyItem, "level", "plenty", invalid, "level"},
      {&kNearby, &kNearbyItem, "distance_m", "2.4km", wrong, "distance_m"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path + " = " + c.value.dump());
    const auto r = (*c.parse)(with(*c.item, c.path, c.value));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error(), (Error{c.code, c.context}));
  }
}

TEST(Codec, AnItemThatIsNotAnObjectIsAWrongTypeNotAThrow) {
  for (const auto* parse : {&kCatalog, &kStock, &kProfiles, &kReservations, &kCodes, &kNearby}) {
    for (const json& bad : {json(nullptr), json("x"), json(3), json::array({1, 2})}) {
      const auto r = (*parse)(bad);
      ASSERT_FALSE(r.has_value());
      EXPECT_EQ(r.error(), (Error{std::string(errc::kWrongType), "item"}));
    }
  }
}

TEST(Codec, UnknownFieldsAreIgnored) {
  for (const auto& ex : kExamples) {
    SCOPED_TRACE(ex.name);
    auto j = *ex.item;
    j["added_in_2027"] = {{"nested", true}};
    const auto r = (*ex.parse)(j);
    ASSERT_TRUE(r.has_value());
    EXPECT_FALSE(r->contains("added_in_2027"));
    EXPECT_EQ(*r, *(*ex.parse)(*ex.item));
  }
}

TEST(Codec, AbsentConsentsAreRefused) {
  const auto none = parse_profile_item(without(kProfile, "consents"));
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->value.consents, domain::Consents{});
  const auto some = parse_profile_item(with(kProfile, "consents", {{"display_name", true}}));
  ASSERT_TRUE(some.has_value());
  EXPECT_EQ(some->value.consents, (domain::Consents{false, false, true, false}));
}

TEST(Codec, AMinimalProfileHasEmptyDefaults) {
  const auto r = parse_profile_item({{"customer", "C-9"}, {"ver", 1}});
  ASSERT_TRUE(r.has_value());
  domain::Profile expected;
  expected.customer = "C-9";
  expected.ver = 1;
  EXPECT_EQ(r->value, expected);
}

struct TombstoneCase {
  const char* name;
  const ParseFn* parse;
  json item;
};

TEST(Codec, TombstonesNeedOnlyKeyAndVerAndRoundTrip) {
  const std::vector<TombstoneCase> cases = {
      {"product", &kCatalog, {{"kind", "product"}, {"sku", "S"}, {"ver", 13}, {"deleted", true}}},
      {"offer", &kCatalog, {{"kind", "offer"}, {"offer", "O"}, {"ver", 4}, {"deleted", true}}},
      {"stock", &kStock, {{"sku", "S"}, {"ver", 992}, {"deleted", true}}},
      {"profile", &kProfiles, {{"customer", "C-000123"}, {"ver", 6}, {"deleted", true}}},
      {"reservation", &kReservations, {{"reservation", "R-1"}, {"ver", 5}, {"deleted", true}}},
      {"code", &kCodes, {{"code_hash", "ab"}, {"ver", 3}, {"deleted", true}}},
      {"nearby", &kNearby, {{"store", "P2"}, {"sku", "S"}, {"ver", 32}, {"deleted", true}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = (*c.parse)(c.item);
    ASSERT_TRUE(r.has_value()) << r.error().context;
    EXPECT_EQ(*r, c.item);
    const auto no_ver = (*c.parse)(without(c.item, "ver"));
    ASSERT_FALSE(no_ver.has_value());
    EXPECT_EQ(no_ver.error(), (Error{std::string(errc::kMissingField), "ver"}));
  }
}

TEST(Codec, ProfileTombstoneCarriesNothingPersonal) {
  auto j = kProfile;
  j["deleted"] = true;
  const auto r = parse_profile_item(j);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->deleted);
  domain::Profile expected;
  expected.customer = "C-000123";
  expected.ver = 5;
  EXPECT_EQ(r->value, expected);
}

TEST(Codec, DeletedFalseIsAnUpsert) {
  const auto r = parse_stock_item(with(kStockItem, "deleted", false));
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->deleted);
  EXPECT_EQ(r->value.on_hand, 4);
}

TEST(Codec, DomainRoundTripIsExact) {
  const auto item = parse_profile_item(kProfile);
  ASSERT_TRUE(item.has_value());
  const auto again = parse_profile_item(to_json(item->value));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->value, item->value);

  const auto offer = parse_offer_item(kOffer);
  ASSERT_TRUE(offer.has_value());
  EXPECT_EQ(parse_offer_item(to_json(offer->value))->value, offer->value);
  EXPECT_FALSE(parse_offer_item(kProduct).has_value());
  EXPECT_FALSE(parse_product_item(kOffer).has_value());
}

TEST(Codec, ConsentsAndPreferencesParseAlone) {
  const auto c = parse_consents(json{{"marketing", true}});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(*c, (domain::Consents{false, true, false, false}));
  EXPECT_EQ(parse_consents(to_json(*c)).value(), *c);
  const auto bad = parse_consents(json{{"marketing", "yes"}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().context, "consents.marketing");

  const auto p = parse_preferences(kProfile["preferences"]);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(parse_preferences(to_json(*p)).value(), *p);
}

TEST(Envelope, LiveMessageParsesWithoutTouchingItems) {
  const auto env = parse_envelope_text(
      R"({"stream":"stock","seq":1042,"sent":"2026-11-22T10:00:00.123Z","items":[{"x":1},2]})");
  ASSERT_TRUE(env.has_value());
  EXPECT_EQ(env->stream, Stream::kStock);
  EXPECT_EQ(env->seq, 1042);
  ASSERT_TRUE(env->sent.has_value());
  EXPECT_EQ(format_rfc3339(*env->sent), "2026-11-22T10:00:00.123Z");
  EXPECT_FALSE(env->is_snapshot());
  EXPECT_EQ(env->items.size(), 2U);
}

TEST(Envelope, SnapshotPartParses) {
  const auto env = parse_envelope_text(
      R"({"stream":"stock","snapshot":{"id":"s-77","part":3,"parts":12,"upto_seq":1042},"items":[]})");
  ASSERT_TRUE(env.has_value());
  EXPECT_FALSE(env->seq.has_value());
  ASSERT_TRUE(env->is_snapshot());
  EXPECT_EQ(*env->snapshot, (SnapshotPart{"s-77", 3, 12, 1042}));
}

TEST(Envelope, EveryStreamNameIsKnown) {
  for (const auto s : kAllStreams) {
    EXPECT_EQ(stream_from(to_string(s)), s);
    const auto env = parse_envelope(json{{"stream", to_string(s)}, {"seq", 1}, {"items", {}}});
    ASSERT_FALSE(env.has_value());  // items: null is absent
  }
  EXPECT_FALSE(stream_from("orders").has_value());
}

struct EnvelopeCase {
  const char* text;
  std::string code;
  std::string context;
};

TEST(Envelope, BadEnvelopesAreErrors) {
  const std::string missing(errc::kMissingField);
  const std::string wrong(errc::kWrongType);
  const std::string invalid(errc::kInvalidValue);
  const std::vector<EnvelopeCase> cases = {
      {R"({"stream":"stock","seq":1)", std::string(errc::kInvalidJson), "stream message"},
      {R"([1,2])", wrong, "item"},
      {R"({"seq":1,"items":[]})", missing, "stream"},
      {R"({"stream":"orders","seq":1,"items":[]})", invalid, "stream"},
      {R"({"stream":"stock","items":[]})", missing, "seq"},
      {R"({"stream":"stock","seq":0,"items":[]})", invalid, "seq"},
      {R"({"stream":"stock","seq":"1","items":[]})", wrong, "seq"},
      {R"({"stream":"stock","seq":1})", missing, "items"},
      {R"({"stream":"stock","seq":1,"items":{}})", wrong, "items"},
      {R"({"stream":"stock","seq":1,"sent":"now","items":[]})", invalid, "sent"},
      {R"({"stream":"stock","snapshot":{"part":1,"parts":1,"upto_seq":1},"items":[]})", missing,
       "snapshot.id"},
      {R"({"stream":"stock","snapshot":{"id":"s","part":3,"parts":2,"upto_seq":1},"items":[]})",
       invalid, "snapshot.part"},
      {R"({"stream":"stock","snapshot":{"id":"s","part":1,"parts":1,"upto_seq":-1},"items":[]})",
       invalid, "snapshot.upto_seq"},
      {R"({"stream":"stock","snapshot":"s-77","items":[]})", wrong, "snapshot"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto env = parse_envelope_text(c.text);
    ASSERT_FALSE(env.has_value());
    EXPECT_EQ(env.error(), (Error{c.code, c.context}));
  }
}

}  // namespace
}  // namespace codec_test
}  // namespace witryna::core
