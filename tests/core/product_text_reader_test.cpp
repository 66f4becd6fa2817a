// The fast reader of plain product bodies must never disagree with the full
// parser (nlohmann + parse_product_item): where it reads a product, the text
// is JSON the full parser accepts and the item is the one it returns;
// everything else it leaves to the full parser.
#include "edge/core/codec/product_text_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codec/catalog_codec.hpp"
#include "tests/core/plain_reader_checks.hpp"

namespace witryna::core {
namespace product_text_reader_test {
namespace {

using nlohmann::json;

// As the store keeps them (to_json of the bench's products), Polish included.
const std::string kFull =
    R"({"alternatives":["ACC-0008-ONE-BLK","ACC-0008-ONE-RED"],"category":"accessories",)"
    R"("color":"beige","currency":"PLN","kind":"product","name":"Szalik wełniany Tatry",)"
    R"("price_minor":19999,"product":"ACC-0008","size":"ONE","sku":"ACC-0008-ONE-BEI","ver":14})";

bool expect_agrees(const std::string& text) {
  return test::expect_fast_reader_agrees(
      text, [](std::string_view t) { return read_plain_product(t); },
      [](const json& j) { return parse_product_item(j); });
}

TEST(ProductTextReader, ReadsThePlainShapesAsTheFullParserDoes) {
  domain::Product written;
  written.sku = "D-1-M";
  written.product = "D-1";
  written.name = "Sukienka \xe2\x80\x9eLen\xe2\x80\x9d";
  written.size = "M";
  written.color = "navy";
  written.category = "dresses";
  written.price_minor = 12999;
  written.currency = "PLN";
  written.ver = 9223372036854775807;
  const std::vector<std::string> plain = {
      kFull,
      to_json(written).dump(),
      R"({"kind":"product","sku":"S","ver":1,"name":"n","category":"c","price_minor":5,)"
      R"("currency":"PLN"})",
      R"( { "kind" : "product" , "sku":"S","ver":2,"deleted":true } )",
      R"({"kind":"product","sku":"S","ver":2,"deleted":true,"name":"kept out of a tombstone"})",
      R"({"kind":"product","sku":"S","ver":2,"deleted":false,"name":"n","category":"c",)"
      R"("price_minor":-7,"currency":"EUR","alternatives":[],"size":"","color":""})",
      "{\"kind\":\"product\",\"sku\":\"\xf0\x9f\x98\x80 \xe2\x82\xac \xc5\x82 \x7f\",\"ver\":1,"
      "\"name\":\"n\",\"category\":\"c\",\"price_minor\":0,\"currency\":\"PLN\"}",
  };
  for (const auto& text : plain) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(expect_agrees(text));  // all of these take the fast path
  }
  const auto read = read_plain_product(to_json(written).dump());
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(read->deleted);
  EXPECT_EQ(read->value, written);
  const auto tomb = read_plain_product(plain[4]);
  ASSERT_TRUE(tomb.has_value());
  EXPECT_TRUE(tomb->deleted);
  domain::Product erased;
  erased.sku = "S";
  erased.ver = 2;
  EXPECT_EQ(tomb->value, erased);
}

TEST(ProductTextReader, LeavesEverythingElseToTheFullParser) {
  const std::string live = R"("sku":"S","ver":1,"name":"n","category":"c","currency":"PLN")";
  const std::vector<std::string> other = {
      "",
      "[]",
      R"({"sku":"S","ver":1,"deleted":true})",                 // kind missing
      R"({"kind":"offer","sku":"S","ver":1,"deleted":true})",  // another kind
      R"({"kind":"product","ver":1,"deleted":true})",          // sku missing
      R"({"kind":"product","sku":"S","deleted":true})",        // ver missing
      R"({"kind":"product","sku":"S","ver":1,"category":"c","price_minor":1,"currency":"P"})",
      R"({"kind":"product","sku":"S","ver":1,"name":"n","price_minor":1,"currency":"P"})",
      R"({"kind":"product","sku":"S","ver":1,"name":"n","category":"c","currency":"P"})",
      R"({"kind":"product","sku":"S","ver":1,"name":"n","category":"c","price_minor":1})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"x":1})",    // unknown field
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"ver":2})",  // repeated key
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"size":null})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"color":"n\"avy"})",  // escape
      R"({"kind":"product",)" + live + R"(,"price_minor":1.0})",                 // not an integer
      R"({"kind":"product",)" + live + R"(,"price_minor":1e2})",
      R"({"kind":"product",)" + live + R"(,"price_minor":01})",  // not JSON
      R"({"kind":"product",)" + live + R"(,"price_minor":9223372036854775808})",
      R"({"kind":"product",)" + live + R"(,"price_minor":"1"})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"alternatives":"S2"})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"alternatives":[1]})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,"deleted":1})",
      R"({"kind":"product",)" + live + R"(,"price_minor":1} x)",
      R"({"kind":"product",)" + live + R"(,"price_minor":1,})",
      "{\"kind\":\"product\"," + live + ",\"price_minor\":1,\"size\":\"M\tL\"}",
      "{\"kind\":\"product\"," + live + ",\"price_minor\":1,\"size\":\"\xc0\x80\"}",
      "{\"kind\":\"product\"," + live + ",\"price_minor\":1,\"size\":\"\xed\xa0\x80\"}",
      "{\"kind\":\"product\"," + live + ",\"price_minor\":1,\"size\":\"\xe2\x82\"}",
      "{\"kind\":\"product\"," + live + ",\"price_minor\":1,\"size\":\"\xff\"}",
  };
  for (const auto& text : other) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(read_plain_product(text).has_value());
  }
}

// Every one-byte change of a real body (a byte replaced or removed): the
// fast reader either gives way or agrees with the full parser.
TEST(ProductTextReader, NeverDisagreesOnAnyOneByteChange) {
  const auto counts = test::for_each_one_byte_change(
      kFull, [](const std::string& text) { return expect_agrees(text); });
  // Both paths were exercised: many changes stay plain, many do not.
  EXPECT_GT(counts.read_fast, counts.cases / 10);
  EXPECT_LT(counts.read_fast, counts.cases - counts.cases / 10);
}

}  // namespace
}  // namespace product_text_reader_test
}  // namespace witryna::core
