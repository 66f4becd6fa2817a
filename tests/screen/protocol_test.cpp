#include "edge/screen/protocol.hpp"

#include <gtest/gtest.h>

namespace witryna::screen {
namespace protocol_test {
namespace {

struct Case {
  const char* line;
  const char* error;  // nullptr: parses
};

TEST(ScreenProtocol, ParsesOrRejectsEachLine) {
  const Case cases[] = {
      {R"({"hello":{"screen":"kiosk-1","role":"kiosk","till":null,"protocol":1}})", nullptr},
      {R"({"hello":{"screen":"till-2","role":"checkout","till":"T2","protocol":1}})", nullptr},
      {R"({"hello":{"screen":"till-2","role":"checkout","till":null,"protocol":1}})",
       "invalid_hello"},
      {R"({"hello":{"screen":"","role":"kiosk","protocol":1}})", "invalid_hello"},
      {R"({"hello":{"screen":"k","role":"robot","protocol":1}})", "invalid_hello"},
      {R"({"hello":{"screen":"k","role":"kiosk","protocol":2}})", "unsupported_protocol"},
      {R"({"action":"code.enter","id":7,"code":"7K3M-9Q2D-J"})", nullptr},
      {R"({"action":"session.end","id":"a"})", nullptr},
      {R"({"action":"code.enter","code":"x"})", "invalid_message"},
      {R"({"action":"code.enter","id":1.5})", "invalid_message"},
      {R"({"action":"self.destruct","id":1})", "unknown_action"},
      {R"({"action":"screenshot.result","id":"r1","png_base64":"AA=="})", nullptr},
      {R"({"action":"screenshot.result","id":"r1"})", "invalid_message"},
      {R"([1,2,3])", "invalid_message"},
      {R"({"nothing":true})", "invalid_message"},
      {"{not json", "invalid_json"},
      {"\xff\xfe", "invalid_json"},
  };
  for (const auto& c : cases) {
    const auto parsed = parse_screen_line(c.line);
    if (c.error == nullptr) {
      EXPECT_TRUE(parsed) << c.line << " -> " << parsed.error().error.code;
    } else {
      ASSERT_FALSE(parsed) << c.line;
      EXPECT_EQ(parsed.error().error.code, c.error) << c.line;
    }
  }
}

TEST(ScreenProtocol, UnknownActionKeepsTheIdSoTheScreenCanMatchIt) {
  const auto parsed = parse_screen_line(R"({"action":"dance","id":42})");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().id, 42);
  const auto line = nlohmann::json::parse(error_line(parsed.error().error, parsed.error().id));
  EXPECT_EQ(line["error"]["id"], 42);
  EXPECT_EQ(line["error"]["code"], "unknown_action");
}

TEST(ScreenProtocol, ResultLinesFollowTheContract) {
  EXPECT_EQ(nlohmann::json::parse(result_line(7, {})),
            nlohmann::json::parse(R"({"result":{"id":7,"ok":true}})"));
  EXPECT_EQ(nlohmann::json::parse(result_line("x", fail("already_used"))),
            nlohmann::json::parse(R"({"result":{"id":"x","ok":false,"error":"already_used"}})"));
  const auto view = nlohmann::json::parse(view_line({{"mode", "idle"}}, "kiosk-1", 42));
  EXPECT_EQ(view["view"]["rev"], 42);
  EXPECT_EQ(view["view"]["screen"], "kiosk-1");
  EXPECT_EQ(view["view"]["mode"], "idle");
}

}  // namespace
}  // namespace protocol_test
}  // namespace witryna::screen
