// A stream message cut into envelope + items (message_split) must accept and
// refuse exactly what parsing it whole does, and keep each item's text.
#include "edge/core/codec/message_codec.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codec/codec.hpp"
#include "edge/core/codec/message_split.hpp"

namespace witryna::core {
namespace message_codec_test {
namespace {

using nlohmann::json;

const std::string kProfile =
    R"({"customer":"C-1","ver":7,"cards":["2900000000100"],"name":"Ola \"O\" [x]",)"
    R"("points":{"balance":10,"ver":2},"affinities":{"dresses":0.5},"extra":{"a":[1,{"b":"}"}]}})";

TEST(MessageCodec, ItemsKeepTheirTextAsReceived) {
  const std::string payload = R"({"stream":"profiles","seq":5,"items":[ )" + kProfile +
                              R"( , {"customer":"C-2","ver":3,"deleted":true} ]})";
  const auto message = parse_message_text(payload);
  ASSERT_TRUE(message.has_value()) << message.error().code;
  EXPECT_EQ(message->envelope.stream, Stream::kProfiles);
  EXPECT_EQ(message->envelope.seq, 5);
  EXPECT_TRUE(message->envelope.items.empty());
  const auto& items = std::get<std::vector<Received<Item<domain::Profile>>>>(message->items.items);
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0].text, kProfile);
  EXPECT_EQ(items[0].item, parse_profile_item(json::parse(kProfile)).value());
  EXPECT_EQ(items[0].item.value.name, "Ola \"O\" [x]");
  EXPECT_TRUE(items[1].item.deleted);
  EXPECT_TRUE(items[1].text.empty());  // a tombstone has no body
  EXPECT_EQ(message->items.rejected, 0);
}

TEST(MessageCodec, StockKeepsNoText) {
  const auto message = parse_message_text(
      R"({"stream":"stock","seq":1,"items":[{"sku":"A","on_hand":1,"reserved":0,"ver":1}]})");
  ASSERT_TRUE(message.has_value());
  const auto& items = std::get<std::vector<Received<Item<domain::Stock>>>>(message->items.items);
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].item.value.sku, "A");
  EXPECT_TRUE(items[0].text.empty());
}

TEST(MessageCodec, MalformedItemsAreCountedAndTheOthersKept) {
  const auto message = parse_message_text(
      R"({"stream":"stock","seq":1,"items":[{"sku":"A","ver":"x"},{"sku":"B","on_hand":1,"reserved":0,"ver":1},7]})");
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->items.size(), 1U);
  EXPECT_EQ(message->items.rejected, 2);
  ASSERT_TRUE(message->items.first_rejection.has_value());
  EXPECT_EQ(message->items.first_rejection->context, "ver");
}

TEST(MessageCodec, ASnapshotPartSplitsLikeAWholeParse) {
  const std::string payload =
      "{\n  \"items\": [],\n  \"stream\": \"codes\",\n  \"snapshot\": {\"id\": \"s-1\", \"part\": "
      "2, \"parts\": 3, \"upto_seq\": 40}\n}\n";
  const auto split = split_message(payload);
  ASSERT_TRUE(split.has_value());
  EXPECT_TRUE(split->has_items);
  const auto message = parse_message_text(payload);
  ASSERT_TRUE(message.has_value());
  ASSERT_TRUE(message->envelope.snapshot.has_value());
  EXPECT_EQ(*message->envelope.snapshot, (SnapshotPart{"s-1", 2, 3, 40}));
  EXPECT_EQ(message->items.size(), 0U);
}

TEST(MessageCodec, TheLastOfARepeatedItemsKeyWins) {
  const auto split = split_message(R"({"items":[1],"stream":"stock","items":[2,3]})");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->items, (std::vector<std::string_view>{"2", "3"}));
  EXPECT_EQ(json::parse(R"({"items":[1],"items":[2,3]})")["items"].size(), 2U);  // as nlohmann
}

// Every payload gives the same verdict (and the same error) as parsing it
// whole; the cut is taken for the plain shapes and left for the others.
TEST(MessageCodec, AcceptsAndRefusesExactlyWhatAWholeParseDoes) {
  const std::vector<std::string> payloads = {
      R"({"stream":"stock","seq":1,"items":[]})",
      R"({"stream":"stock","seq":1,"items":[{"sku":"A","on_hand":1,"reserved":0,"ver":1}]})",
      R"({"stream":"stock","seq":1)",
      R"({"stream":"stock","seq":1,"items":[{"sku":"A"]})",
      R"({"stream":"stock","seq":1,"items":[{"sku":"A"}})",
      R"({"stream":"stock","seq":1,"items":[{"sku":"A"},]})",
      R"({"stream":"stock","seq":1,"items":[{"sku":"A"} {"sku":"B"}]})",
      R"({"stream":"stock","seq":1,"items":[{"sku":"\u00zz"}]})",
      R"({"stream":"stock","seq":1,"items":["\"]"]})",
      R"({"stream":"stock","seq":1,"items":[]} x)",
      R"({"stream":"stock","seq":1,"items":[],})",
      R"({"stream":"stock","seq":1 "items":[]})",
      R"({"stream":"stock","seq":01,"items":[]})",
      R"({"stream":"stock","seq":1,"items":[tru]})",
      R"({stream:"stock","seq":1,"items":[]})",
      R"({"stream":"stock","items":[{"sku":"A"]})",  // not JSON wins over a missing seq
      R"({"stream":"stock","items":[]})",
      R"({"stream":"stock","seq":1})",
      R"({"stream":"stock","seq":1,"items":{}})",
      R"({"stream":"stock","seq":1,"items":null})",
      R"({"stream":"orders","seq":1,"items":[]})",
      R"({"st\u0072eam":"stock","seq":1,"items":[]})",
      R"([1,2])",
      R"("text")",
      "",
      "   ",
      "{}",
      "{\"stream\":\"stock\",\"seq\":1,\"items\":[\"\xff\"]}",  // not UTF-8
  };
  for (const auto& payload : payloads) {
    SCOPED_TRACE(payload);
    const auto whole = parse_envelope_text(payload);
    const auto message = parse_message_text(payload);
    ASSERT_EQ(message.has_value(), whole.has_value());
    if (!whole) {
      EXPECT_EQ(message.error(), whole.error());
      continue;
    }
    EXPECT_EQ(message->envelope.stream, whole->stream);
    EXPECT_EQ(message->envelope.seq, whole->seq);
    EXPECT_EQ(message->items.size() + static_cast<std::size_t>(message->items.rejected),
              whole->items.size());
  }
}

}  // namespace
}  // namespace message_codec_test
}  // namespace witryna::core
