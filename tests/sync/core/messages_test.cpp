// Incoming payloads are checked without ever throwing; outgoing payloads have
// the contract's shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"
#include "sync/core/reasons.hpp"
#include "sync/core/stream_message.hpp"
#include "tests/sync/core/test_time.hpp"

namespace witryna::sync::core {
namespace messages_test {
namespace {

using nlohmann::json;

TEST(StreamMessage, ValidLiveMessageAndSnapshotPart) {
  const auto live = validate_stream_message(
      Stream::kStock,
      R"({"stream":"stock","seq":1042,"sent":"2026-11-22T10:00:00.123Z","items":[{"sku":"A"}],"extra":1})");
  ASSERT_TRUE(live.has_value()) << live.error().code;
  EXPECT_EQ(live->seq, 1042);
  EXPECT_EQ(live->items.size(), 1U);

  const auto part = validate_stream_message(
      Stream::kStock,
      R"({"stream":"stock","snapshot":{"id":"s-77","part":3,"parts":12,"upto_seq":1042},"items":[]})");
  ASSERT_TRUE(part.has_value()) << part.error().code;
  EXPECT_EQ(part->snapshot, (SnapshotPart{"s-77", 3, 12, 1042}));
}

TEST(StreamMessage, GarbageIsRejectedWithAReason) {
  struct Case {
    const char* name;
    std::string payload;
    std::string_view code;
  };
  const std::vector<Case> cases = {
      {"empty", "", errc::kInvalidJson},
      {"not json", "hello", errc::kInvalidJson},
      {"truncated", R"({"stream":"stock","seq":1,"items":[)", errc::kInvalidJson},
      {"invalid utf-8", "{\"stream\":\"st\xff\",\"seq\":1,\"items\":[]}", errc::kInvalidJson},
      {"array", "[1,2]", errc::kWrongType},
      {"number", "42", errc::kWrongType},
      {"null", "null", errc::kWrongType},
      {"missing stream", R"({"seq":1,"items":[]})", errc::kMissingField},
      {"stream not a string", R"({"stream":5,"seq":1,"items":[]})", errc::kWrongType},
      {"unknown stream", R"({"stream":"prices","seq":1,"items":[]})", errc::kInvalidValue},
      {"other stream than the topic", R"({"stream":"catalog","seq":1,"items":[]})",
       reason::kStreamMismatch},
      {"missing seq", R"({"stream":"stock","items":[]})", errc::kMissingField},
      {"seq a string", R"({"stream":"stock","seq":"1","items":[]})", errc::kWrongType},
      {"seq a float", R"({"stream":"stock","seq":1.5,"items":[]})", errc::kWrongType},
      {"seq zero", R"({"stream":"stock","seq":0,"items":[]})", errc::kInvalidValue},
      {"seq negative", R"({"stream":"stock","seq":-3,"items":[]})", errc::kInvalidValue},
      {"seq too big", R"({"stream":"stock","seq":18446744073709551615,"items":[]})",
       errc::kInvalidValue},
      {"missing items", R"({"stream":"stock","seq":1})", errc::kMissingField},
      {"items an object", R"({"stream":"stock","seq":1,"items":{}})", errc::kWrongType},
      {"bad sent", R"({"stream":"stock","seq":1,"sent":"yesterday","items":[]})",
       errc::kInvalidValue},
      {"snapshot not an object", R"({"stream":"stock","snapshot":1,"items":[]})", errc::kWrongType},
      {"snapshot part > parts",
       R"({"stream":"stock","snapshot":{"id":"s","part":4,"parts":3,"upto_seq":1},"items":[]})",
       errc::kInvalidValue},
      {"snapshot parts 0",
       R"({"stream":"stock","snapshot":{"id":"s","part":1,"parts":0,"upto_seq":1},"items":[]})",
       errc::kInvalidValue},
      {"snapshot without id",
       R"({"stream":"stock","snapshot":{"part":1,"parts":1,"upto_seq":1},"items":[]})",
       errc::kMissingField},
      {"too large", std::string(8 * 1024 * 1024 + 1, ' '), reason::kPayloadTooLarge},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto r = validate_stream_message(Stream::kStock, c.payload);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, c.code) << r.error().context;
  }
}

TEST(StreamMessage, TenMegabytesIsRefusedUnparsedAndTheCapIsConfigurable) {
  // Not even looked at: a 10 MB payload of anything is refused by its size.
  const std::string big(10 * 1024 * 1024, '{');
  EXPECT_EQ(validate_stream_message(Stream::kStock, big).error().code, reason::kPayloadTooLarge);
  const std::string small = R"({"stream":"stock","seq":1,"items":[]})";
  EXPECT_TRUE(validate_stream_message(Stream::kStock, small, {small.size()}).has_value());
  EXPECT_EQ(validate_stream_message(Stream::kStock, small, {small.size() - 1}).error().code,
            reason::kPayloadTooLarge);
}

TEST(StreamMessage, DeepNestingDoesNotCrash) {
  const std::string deep = R"({"stream":"stock","seq":1,"items":[)" + std::string(100'000, '[') +
                           std::string(100'000, ']') + "]}";
  const auto r = validate_stream_message(Stream::kStock, deep);
  EXPECT_TRUE(r.has_value());  // the envelope is fine; the item parser rejects the item later
  const std::string unbalanced = std::string(200'000, '[');
  EXPECT_EQ(validate_stream_message(Stream::kStock, unbalanced).error().code, errc::kInvalidJson);
}

TEST(InboundPayloads, Ack) {
  EXPECT_EQ(parse_ack(R"({"device":"PL-WAW-001-edge1","upto":5013})"),
            (Ack{"PL-WAW-001-edge1", 5013}));
  struct Case {
    const char* payload;
    std::string_view code;
  };
  for (const auto& c : std::vector<Case>{{"", errc::kInvalidJson},
                                         {R"({"upto":1})", errc::kMissingField},
                                         {R"({"device":"D"})", errc::kMissingField},
                                         {R"({"device":"D","upto":"1"})", errc::kWrongType},
                                         {R"({"device":"D","upto":-1})", errc::kInvalidValue},
                                         {R"([])", errc::kWrongType}}) {
    const auto r = parse_ack(c.payload);
    ASSERT_FALSE(r.has_value()) << c.payload;
    EXPECT_EQ(r.error().code, c.code) << c.payload;
  }
  EXPECT_EQ(parse_ack(std::string(kMaxSmallPayloadBytes + 1, ' ')).error().code,
            reason::kPayloadTooLarge);
}

TEST(InboundPayloads, ClaimResult) {
  EXPECT_EQ(parse_claim_result(R"({"claim":"c-1","result":"already_used"})"),
            (ClaimResultMessage{"c-1", ClaimResult::kAlreadyUsed}));
  EXPECT_EQ(parse_claim_result(R"({"claim":"c-1","result":"maybe"})").error().code,
            errc::kInvalidValue);
  EXPECT_EQ(parse_claim_result(R"({"result":"granted"})").error().code, errc::kMissingField);
  EXPECT_EQ(parse_claim_result("{").error().code, errc::kInvalidJson);
}

TEST(InboundPayloads, Command) {
  using K = Command::Kind;
  struct Case {
    const char* payload;
    Command expected;
  };
  for (const auto& c : std::vector<Case>{
           {R"({"cmd":"resync","id":"1"})", {K::kResync, "1", "resync", ""}},
           {R"({"cmd":"restart","id":"2"})", {K::kRestart, "2", "restart", ""}},
           {R"({"cmd":"screenshot","id":"3","screen":"kiosk-1"})",
            {K::kScreenshot, "3", "screenshot", "kiosk-1"}},
           {R"({"cmd":"format-disk","id":"4"})", {K::kUnknown, "4", "format-disk", ""}},
       }) {
    EXPECT_EQ(parse_command(c.payload), c.expected) << c.payload;
  }
  EXPECT_EQ(parse_command(R"({"cmd":"screenshot","id":"3"})").error().code, errc::kMissingField);
  EXPECT_EQ(parse_command(R"({"cmd":"resync"})").error().code, errc::kMissingField);
  EXPECT_EQ(parse_command(R"({"cmd":1,"id":"1"})").error().code, errc::kWrongType);
}

TEST(OutboundPayloads, ContractShapes) {
  EXPECT_EQ(
      json::parse(resync_payload({Stream::kStock, 1041, "r-1"}, "PL-WAW-001-edge1")),
      json::parse(
          R"({"stream":"stock","have_seq":1041,"device":"PL-WAW-001-edge1","request":"r-1"})"));
  EXPECT_EQ(json::parse(claim_payload({"c-1", "T2", "abc", test::at_ms(123)}, "D")),
            json::parse(R"({"claim":"c-1","device":"D","till":"T2","code_hash":"abc",
                            "at":"2026-11-18T11:06:40.123Z"})"));
  EXPECT_EQ(json::parse(command_result_payload({"1", true, "done", std::nullopt})),
            json::parse(R"({"id":"1","ok":true,"detail":"done"})"));
  EXPECT_EQ(json::parse(command_result_payload({"2", true, "", "iVBORw0KGgo="})),
            json::parse(R"({"id":"2","ok":true,"detail":"","png_base64":"iVBORw0KGgo="})"));
  // A name that is not UTF-8 is replaced, not thrown about.
  EXPECT_NO_THROW(static_cast<void>(resync_payload({Stream::kStock, 1, "r"}, "bad\xff")));
}

}  // namespace
}  // namespace messages_test
}  // namespace witryna::sync::core
