// The fast reader of plain `profiles` items must never disagree with the
// full parser (nlohmann + parse_profile_item): where it reads an item, the
// text is JSON the full parser accepts and the item is the one it returns;
// everything else it leaves to the full parser.
#include "edge/core/codec/profile_text_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codec/message_codec.hpp"
#include "edge/core/codec/profile_codec.hpp"
#include "tests/core/plain_reader_checks.hpp"

namespace witryna::core {
namespace profile_text_reader_test {
namespace {

using nlohmann::json;

// As central's generator writes them (the bench's bodies), Polish included.
const std::string kFull =
    R"({"affinities":{"accessories":0.93,"dresses":0.6,"jackets":0.23},"cards":["2900000000100"],)"
    R"("consents":{"display_name":false,"history_for_staff":true,"marketing":true,)"
    R"("personalization":true},"customer":"C-000001","history":[{"at":"2026-06-13T05:06:00.000Z",)"
    R"("channel":"store","note":"woli odbiór w sklepie"},{"at":"2026-09-24T15:16:00.000Z",)"
    R"("channel":"chat","note":"zwrot butów – za mały rozmiar"}],"name":"Weronika",)"
    R"("points":{"balance":2951,"ver":59},"preferences":{"categories":[],"sizes":[]},)"
    R"("recent":[{"at":"2026-11-05T23:28:00.000Z","channel":"store","sku":"ACC-0257-ONE-BLU",)"
    R"("what":"wishlisted"}],"segment":"active","tier":"gold","ver":30})";

bool expect_agrees(const std::string& text) {
  return test::expect_fast_reader_agrees(
      text, [](std::string_view t) { return read_plain_profile(t); },
      [](const json& j) { return parse_profile_item(j); });
}

TEST(ProfileTextReader, ReadsThePlainShapesAsTheFullParserDoes) {
  const std::vector<std::string> plain = {
      kFull,
      R"({"customer":"C-1","ver":1})",
      R"( { "customer" : "C-1" ,"ver": 9, "deleted": true } )",
      R"({"customer":"C-1","ver":9,"deleted":true,"name":"kept out of a tombstone"})",
      R"({"customer":"C-1","ver":2,"deleted":false,"cards":["a","b"],"name":"\u0000x"})",
      R"({"customer":"C-1","ver":-0,"affinities":{"a":1,"b":-0,"c":1.5e-3,"d":2E2,"e":0.1}})",
      R"({"customer":"C-1","ver":9223372036854775807,"points":{"ver":-3,"balance":0}})",
      R"({"customer":"C-1","ver":3,"preferences":{"budget_minor":5000,"pickup_store":"PL-1",)"
      R"("sizes":["M"],"categories":["dresses"]}})",
      R"({"customer":"C-1","ver":3,"recent":[{"sku":"S","at":"2026-11-05T23:28:00Z"}],)"
      R"("history":[{"note":"n","at":"2026-11-05T23:28:00.5+01:00"}]})",
      "{\"customer\":\"\xf0\x9f\x98\x80 \xe2\x82\xac \xc5\x82 \x7f\",\"ver\":1}",
  };
  for (const auto& text : plain) {
    SCOPED_TRACE(text);
    expect_agrees(text);
  }
  // The common shapes are actually taken by the fast path.
  EXPECT_TRUE(read_plain_profile(kFull).has_value());
  EXPECT_TRUE(read_plain_profile(plain[1]).has_value());
  EXPECT_TRUE(read_plain_profile(plain[2]).has_value());
  EXPECT_TRUE(read_plain_profile(plain.back()).has_value());
  const auto tomb = read_plain_profile(plain[3]);
  ASSERT_TRUE(tomb.has_value());
  EXPECT_TRUE(tomb->deleted);
  domain::Profile erased;
  erased.customer = "C-1";
  erased.ver = 9;
  EXPECT_EQ(tomb->value, erased);
}

TEST(ProfileTextReader, LeavesEverythingElseToTheFullParser) {
  const std::vector<std::string> other = {
      "",
      "[]",
      R"({"customer":"C-1"})",                            // ver missing
      R"({"ver":1})",                                     // customer missing
      R"({"customer":"C-1","ver":1,"x":1})",              // unknown field
      R"({"customer":"C-1","ver":1,"ver":2})",            // repeated key
      R"({"customer":"C-1","ver":1,"name":null})",        // null
      R"({"customer":"C\"1","ver":1})",                   // escape
      R"({"customer":"C-1","ver":1.0})",                  // not an integer
      R"({"customer":"C-1","ver":1e2})",                  // not an integer
      R"({"customer":"C-1","ver":01})",                   // not JSON
      R"({"customer":"C-1","ver":9223372036854775808})",  // too large
      R"({"customer":"C-1","ver":1,"affinities":{"a":1e400}})",
      R"({"customer":"C-1","ver":1,"affinities":{"a":1,"a":2}})",
      R"({"customer":"C-1","ver":1,"affinities":{"a":"x"}})",
      R"({"customer":"C-1","ver":1,"points":{"balance":1}})",
      R"({"customer":"C-1","ver":1,"recent":[{"sku":"S","at":"yesterday"}]})",
      R"({"customer":"C-1","ver":1,"history":[{"at":"2026-11-05T23:28:00Z"}]})",
      R"({"customer":"C-1","ver":1,"cards":"2900000000100"})",
      R"({"customer":"C-1","ver":1} x)",
      R"({"customer":"C-1","ver":1,})",
      R"({"customer":"C-1","ver":1,"deleted":truex})",
      "{\"customer\":\"C\t1\",\"ver\":1}",              // a control character
      "{\"customer\":\"\xc0\x80\",\"ver\":1}",          // overlong
      "{\"customer\":\"\xed\xa0\x80\",\"ver\":1}",      // a surrogate
      "{\"customer\":\"\xf4\x90\x80\x80\",\"ver\":1}",  // past U+10FFFF
      "{\"customer\":\"\xe2\x82\",\"ver\":1}",          // cut short
      "{\"customer\":\"\xff\",\"ver\":1}",
  };
  for (const auto& text : other) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(read_plain_profile(text).has_value());
  }
}

// Every one-byte change of a real item (a byte replaced or removed): the
// fast reader either gives way or agrees with the full parser.
TEST(ProfileTextReader, NeverDisagreesOnAnyOneByteChange) {
  const auto counts = test::for_each_one_byte_change(
      kFull, [](const std::string& text) { return expect_agrees(text); });
  // Both paths were exercised: many changes stay plain, many do not.
  EXPECT_GT(counts.read_fast, counts.cases / 10);
  EXPECT_LT(counts.read_fast, counts.cases - counts.cases / 10);
}

// A whole snapshot part: the items read fast are the items a whole parse
// gives, each keeping its text.
TEST(ProfileTextReader, APartReadsAsAWholeParseDoes) {
  const std::string other = R"({"customer":"C-2","ver":4,"future":[1]})";
  const std::string payload = R"({"stream":"profiles","snapshot":{"id":"S1","part":1,"parts":1,)"
                              R"("upto_seq":9},"items":[)" +
                              kFull + "," + other + "]}";
  const auto message = parse_message_text(payload);
  ASSERT_TRUE(message.has_value()) << message.error().code;
  const auto& items = std::get<std::vector<Received<Item<domain::Profile>>>>(message->items.items);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0].item, parse_profile_item(json::parse(kFull)).value());
  EXPECT_EQ(items[0].text, kFull);
  EXPECT_EQ(items[1].item, parse_profile_item(json::parse(other)).value());
  EXPECT_EQ(items[1].text, other);
}

}  // namespace
}  // namespace profile_text_reader_test
}  // namespace witryna::core
