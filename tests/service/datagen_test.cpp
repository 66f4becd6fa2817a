// The demo data generator (tools/datagen): every line is a valid stream item
// as our own codec reads it, cards and codes carry valid check symbols, the
// references hold together, and the same seed gives the same brand.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "edge/core/codec/catalog_codec.hpp"
#include "edge/core/codec/profile_codec.hpp"
#include "edge/core/codec/stock_codec.hpp"
#include "edge/core/codes/app_code.hpp"
#include "edge/core/codes/ean13.hpp"
#include "edge/crypto/sha256.hpp"
#include "tests/support/temp_dir.hpp"
#include "tools/datagen/generator.hpp"

namespace witryna::datagen {
namespace datagen_test {
namespace {

using nlohmann::json;

Options small(const std::filesystem::path& out, std::uint64_t seed = 42) {
  Options o;
  o.seed = seed;
  o.products = 400;
  o.offers = 30;
  o.customers = 200;
  o.reservations = 25;
  o.codes = 40;
  o.now = parse_rfc3339("2026-11-22T10:00:00.000Z").value();
  o.out_dir = out;
  return o;
}

std::vector<std::string> lines_of(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<json> items_of(const std::filesystem::path& path) {
  std::vector<json> items;
  for (const auto& line : lines_of(path)) {
    auto j = json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path << ": " << line;
    items.push_back(std::move(j));
  }
  return items;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class Datagen : public ::testing::Test {
 protected:
  void SetUp() override {
    auto summary = generate(small(dir_.path()));
    ASSERT_TRUE(summary) << summary.error().context;
    summary_ = *summary;
    for (const auto& item : items_of(dir_ / "catalog.jsonl")) {
      if (item.value("kind", "") == "product") skus_.insert(item["sku"].get<std::string>());
    }
  }
  test::TempDir dir_;
  Summary summary_;
  std::set<std::string> skus_;
};

TEST_F(Datagen, WritesEveryStreamWithTheRequestedCounts) {
  EXPECT_EQ(summary_.lines.at("catalog.jsonl"), 430U);
  EXPECT_EQ(summary_.lines.at("stock.jsonl"), 400U);
  EXPECT_EQ(summary_.lines.at("profiles.jsonl"), 200U);
  EXPECT_EQ(summary_.lines.at("reservations.jsonl"), 25U);
  EXPECT_EQ(summary_.lines.at("codes.jsonl"), 40U);
  EXPECT_EQ(summary_.lines.at("codes.clear.txt"), 40U);
  EXPECT_EQ(summary_.lines.at("nearby.jsonl"), 1200U);
  EXPECT_EQ(skus_.size(), 400U);
}

TEST_F(Datagen, CatalogItemsParseWithTheCodec) {
  std::size_t products = 0;
  std::size_t offers = 0;
  std::set<std::string> benefit_types;
  for (const auto& item : items_of(dir_ / "catalog.jsonl")) {
    auto parsed = core::parse_catalog_item(item);
    ASSERT_TRUE(parsed) << parsed.error().code << " " << parsed.error().context << ": " << item;
    if (const auto* p = std::get_if<core::Item<domain::Product>>(&*parsed)) {
      ++products;
      EXPECT_GT(p->value.price_minor, 0);
      EXPECT_EQ(p->value.currency, "PLN");
      for (const auto& alt : p->value.alternatives)
        EXPECT_TRUE(skus_.contains(alt)) << alt;
    } else {
      ++offers;
      const auto& o = std::get<core::Item<domain::Offer>>(*parsed).value;
      EXPECT_LT(o.valid_from, o.valid_to);
      benefit_types.insert(domain::to_string(o.benefit.type));
      for (const auto& sku : o.skus)
        EXPECT_TRUE(skus_.contains(sku)) << sku;
    }
  }
  EXPECT_EQ(products, 400U);
  EXPECT_EQ(offers, 30U);
  EXPECT_EQ(benefit_types, (std::set<std::string>{"percent", "amount", "points"}));
}

TEST_F(Datagen, StockAndNearbyParseAndSomeSkusAreOut) {
  std::size_t out_of_stock = 0;
  for (const auto& item : items_of(dir_ / "stock.jsonl")) {
    auto parsed = core::parse_stock_item(item);
    ASSERT_TRUE(parsed) << item;
    EXPECT_TRUE(skus_.contains(parsed->value.sku));
    EXPECT_LE(parsed->value.reserved, parsed->value.on_hand);
    if (parsed->value.available() == 0) ++out_of_stock;
  }
  EXPECT_GT(out_of_stock, 10U);
  EXPECT_LT(out_of_stock, 200U);
  std::set<std::string> stores;
  for (const auto& item : items_of(dir_ / "nearby.jsonl")) {
    auto parsed = core::parse_nearby_item(item);
    ASSERT_TRUE(parsed) << item;
    EXPECT_TRUE(skus_.contains(parsed->value.sku));
    EXPECT_GT(parsed->value.distance_m, 0);
    stores.insert(parsed->value.store);
  }
  EXPECT_EQ(stores.size(), 3U);
  EXPECT_FALSE(stores.contains("PL-WAW-001"));
}

TEST_F(Datagen, ProfilesParseAndEveryCardIsAValidBrandCard) {
  const std::vector<std::string> prefixes = {"29"};
  std::set<std::string> cards;
  std::size_t without_consents = 0;
  std::size_t absent_personalization = 0;
  for (const auto& item : items_of(dir_ / "profiles.jsonl")) {
    auto parsed = core::parse_profile_item(item);
    ASSERT_TRUE(parsed) << item;
    for (const auto& card : parsed->value.cards) {
      EXPECT_TRUE(core::is_valid_ean13(card)) << card;
      EXPECT_TRUE(core::is_brand_card(card, prefixes)) << card;
      EXPECT_TRUE(cards.insert(card).second) << "card used twice: " << card;
    }
    if (!item.contains("consents")) ++without_consents;
    if (item.contains("consents") && !item["consents"].contains("personalization")) {
      ++absent_personalization;
    }
    for (const auto& r : parsed->value.recent)
      EXPECT_TRUE(skus_.contains(r.sku)) << r.sku;
  }
  EXPECT_EQ(cards.size() >= 200U, true);
  EXPECT_GT(without_consents + absent_personalization, 0U);
}

TEST_F(Datagen, ReservationsHaveTheContractFields) {
  const std::set<std::string> statuses = {"held", "ready", "picked_up", "cancelled", "expired"};
  std::size_t open_today = 0;
  for (const auto& item : items_of(dir_ / "reservations.jsonl")) {
    for (const char* field :
         {"reservation", "customer", "store", "sku", "qty", "status", "hold_until", "ver"}) {
      EXPECT_TRUE(item.contains(field)) << field << " missing: " << item;
    }
    EXPECT_EQ(item["store"], "PL-WAW-001");
    EXPECT_TRUE(skus_.contains(item["sku"].get<std::string>()));
    EXPECT_TRUE(statuses.contains(item["status"].get<std::string>())) << item;
    EXPECT_TRUE(parse_rfc3339(item["hold_until"].get<std::string>()));
    if (item["status"] == "ready" || item["status"] == "held") ++open_today;
  }
  EXPECT_GT(open_today, 0U);
}

TEST_F(Datagen, CodesCarryOnlyHashesOfValidCodes) {
  const auto items = items_of(dir_ / "codes.jsonl");
  std::vector<std::string> clear;
  for (const auto& line : lines_of(dir_ / "codes.clear.txt")) {
    if (!line.empty() && line.front() != '#') clear.push_back(line.substr(0, line.find('\t')));
  }
  ASSERT_EQ(items.size(), clear.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto normalized = core::parse_app_code(clear[i]);
    ASSERT_TRUE(normalized) << clear[i];
    EXPECT_TRUE(core::app_code_check_ok(*normalized));
    EXPECT_EQ(items[i]["code_hash"], crypto::sha256_hex(*normalized));
    for (const char* field : {"code_hash", "benefit", "valid_to", "max_uses", "scope", "ver"}) {
      EXPECT_TRUE(items[i].contains(field)) << field;
    }
    EXPECT_TRUE(items[i]["scope"] == "store" || items[i]["scope"] == "brand");
    EXPECT_EQ(read_all(dir_ / "codes.jsonl").find(clear[i]), std::string::npos)
        << "a clear code leaked into codes.jsonl";
  }
  // codes.md's test vector comes first, with its published hash.
  EXPECT_EQ(clear.front(), "7K3M-9Q2D-J");
  EXPECT_EQ(items.front()["code_hash"],
            "b0f74be349e50a61e2ffea5fe7ed56b26b8ec1ed9f76f69822f65c8f77266199");
}

TEST_F(Datagen, TheDemoDocumentPointsAtRealData) {
  const auto demo = json::parse(read_all(dir_ / "demo.json"));
  const std::string full = demo["customer_full_consent"]["customer"];
  const std::string refused = demo["customer_no_personalization"]["customer"];
  bool full_found = false;
  bool refused_found = false;
  for (const auto& item : items_of(dir_ / "profiles.jsonl")) {
    const auto cards = item["cards"];
    if (item["customer"] == full) {
      full_found = true;
      EXPECT_EQ(cards.front(), demo["customer_full_consent"]["card"]);
      EXPECT_EQ(item["consents"]["personalization"], true);
      EXPECT_EQ(item["consents"]["display_name"], true);
      EXPECT_EQ(item["consents"]["history_for_staff"], true);
    }
    if (item["customer"] == refused) {
      refused_found = true;
      EXPECT_EQ(cards.front(), demo["customer_no_personalization"]["card"]);
      EXPECT_EQ(item["consents"]["personalization"], false);
    }
    for (const auto& card : cards)
      EXPECT_NE(card, demo["unknown_card"]);
  }
  EXPECT_TRUE(full_found);
  EXPECT_TRUE(refused_found);
  EXPECT_TRUE(core::is_valid_ean13(demo["unknown_card"].get<std::string>()));
  EXPECT_FALSE(core::is_valid_ean13(demo["invalid_check_digit_card"].get<std::string>()));
  const std::string ean = demo["product_ean"];
  EXPECT_TRUE(core::is_valid_ean13(ean));
  EXPECT_FALSE(core::is_brand_card(ean, std::vector<std::string>{"29"}));
  EXPECT_TRUE(core::parse_app_code(demo["code_valid_store"].get<std::string>()));
  EXPECT_TRUE(core::parse_app_code(demo["code_expired"].get<std::string>()));
  EXPECT_FALSE(core::parse_app_code(demo["code_invalid_check"].get<std::string>()));
  EXPECT_TRUE(skus_.contains(demo["product_in_stock"]["sku"].get<std::string>()));
  EXPECT_TRUE(skus_.contains(demo["product_out_of_stock"]["sku"].get<std::string>()));
  EXPECT_EQ(demo["reservation_ready"]["reservation"], "R-9001");
  const auto first = json::parse(lines_of(dir_ / "reservations.jsonl").front());
  EXPECT_EQ(first["status"], "ready");
  EXPECT_EQ(first["customer"], full);
  EXPECT_EQ(first["fitting_room"], "3");
}

TEST(DatagenRepeat, TheSameSeedGivesTheSameBrand) {
  test::TempDir a;
  test::TempDir b;
  test::TempDir c;
  ASSERT_TRUE(generate(small(a.path(), 9)));
  ASSERT_TRUE(generate(small(b.path(), 9)));
  ASSERT_TRUE(generate(small(c.path(), 10)));
  for (const char* file : {"catalog.jsonl", "stock.jsonl", "profiles.jsonl", "reservations.jsonl",
                           "codes.jsonl", "nearby.jsonl", "codes.clear.txt", "demo.json"}) {
    EXPECT_EQ(read_all(a / file), read_all(b / file)) << file;
  }
  EXPECT_NE(read_all(a / "catalog.jsonl"), read_all(c / "catalog.jsonl"));
  EXPECT_NE(read_all(a / "profiles.jsonl"), read_all(c / "profiles.jsonl"));
}

TEST(DatagenOptions, BadOptionsAreRefused) {
  test::TempDir dir;
  auto too_few = small(dir.path());
  too_few.customers = 1;
  auto result = generate(too_few);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, errc::kInvalidValue);

  auto unknown_store = small(dir.path());
  unknown_store.store = "PL-XXX-001";
  result = generate(unknown_store);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().context.find("PL-WAW-002"), std::string::npos);
}

TEST(DatagenOptions, ATinyBrandStillHasItsDemo) {
  test::TempDir dir;
  auto tiny = small(dir.path());
  tiny.products = 1;
  tiny.customers = 2;
  tiny.offers = 0;
  tiny.codes = 0;
  tiny.reservations = 1;
  ASSERT_TRUE(generate(tiny));
  const auto demo = json::parse(read_all(dir / "demo.json"));
  EXPECT_EQ(demo["customer_full_consent"]["customer"], "C-000001");
  EXPECT_EQ(demo["customer_no_personalization"]["customer"], "C-000002");
}

}  // namespace
}  // namespace datagen_test
}  // namespace witryna::datagen
