#include "drivers/line_framer.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace witryna::drivers {
namespace line_framer_test {
namespace {

Frame scan(std::string payload) {
  return {FrameKind::kScan, std::move(payload)};
}
const Frame kOverlong{FrameKind::kOverlong, {}};

struct Case {
  const char* name;
  std::vector<std::string> chunks;  // fed one after the other
  std::vector<Frame> frames;        // everything they produce, in order
  std::size_t max_bytes = 16;
};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class LineFramerTable : public ::testing::TestWithParam<Case> {};

TEST_P(LineFramerTable, FramesChunks) {
  const auto& c = GetParam();
  LineFramer framer(c.max_bytes);
  std::vector<Frame> got;
  for (const auto& chunk : c.chunks) {
    for (auto& frame : framer.feed(chunk))
      got.push_back(std::move(frame));
  }
  EXPECT_EQ(got, c.frames);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LineFramerTable,
    ::testing::Values(
        Case{"lf", {"abc\n"}, {scan("abc")}}, Case{"cr", {"abc\r"}, {scan("abc")}},
        Case{"crlf", {"abc\r\n"}, {scan("abc")}},
        Case{"crlf_split_across_reads", {"abc\r", "\ndef\r", "\n"}, {scan("abc"), scan("def")}},
        Case{"several_in_one_read", {"a\nb\r\nc\r"}, {scan("a"), scan("b"), scan("c")}},
        Case{"split_payload", {"29000", "00123", "458\n"}, {scan("2900000123458")}},
        Case{"empty_lines_skipped", {"\n\r\n\r\rx\n\n"}, {scan("x")}},
        Case{"no_terminator_yet", {"abc"}, {}},
        Case{"exactly_the_limit", {std::string(16, 'x') + "\n"}, {scan(std::string(16, 'x'))}},
        Case{"one_over_the_limit", {std::string(17, 'x') + "\nok\n"}, {kOverlong, scan("ok")}},
        Case{"overlong_reported_once_across_reads",
             {std::string(10, 'x'), std::string(10, 'x'), std::string(10, 'x'), "\r\nok\r\n"},
             {kOverlong, scan("ok")}},
        Case{"other_control_bytes_kept_for_the_classifier", {"a\tb\x01\n"}, {scan("a\tb\x01")}},
        Case{"utf8_kept", {"zażółć\n"}, {scan("zażółć")}, 4096}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(LineFramer, DefaultLimitIsTheContractsMaximum) {
  LineFramer framer;
  EXPECT_EQ(framer.feed(std::string(kMaxScanBytes, '7') + "\n"),
            std::vector<Frame>{scan(std::string(kMaxScanBytes, '7'))});
  EXPECT_EQ(framer.feed(std::string(kMaxScanBytes + 1, '7') + "\n"), std::vector<Frame>{kOverlong});
}

TEST(LineFramer, FinishReportsAStartedLineOnceAndStartsAfresh) {
  LineFramer framer;
  EXPECT_TRUE(framer.feed("abc").empty());
  EXPECT_EQ(framer.finish(), std::optional<Frame>(Frame{FrameKind::kIncomplete, {}}));
  EXPECT_EQ(framer.finish(), std::nullopt);
  EXPECT_EQ(framer.feed("def\n"), std::vector<Frame>{scan("def")});
  EXPECT_EQ(framer.finish(), std::nullopt);
}

TEST(LineFramer, FinishAfterOverlongSaysNothingMore) {
  LineFramer framer(4);
  EXPECT_EQ(framer.feed("123456"), std::vector<Frame>{kOverlong});
  EXPECT_EQ(framer.finish(), std::nullopt);
  EXPECT_EQ(framer.feed("ab\n"), std::vector<Frame>{scan("ab")});
}

TEST(Frame, DiscardReasons) {
  EXPECT_EQ(discard_reason(FrameKind::kScan), "");
  EXPECT_EQ(discard_reason(FrameKind::kOverlong), "overlong");
  EXPECT_EQ(discard_reason(FrameKind::kTimedOut), "timeout");
  EXPECT_EQ(discard_reason(FrameKind::kIncomplete), "incomplete");
}

}  // namespace
}  // namespace line_framer_test
}  // namespace witryna::drivers
