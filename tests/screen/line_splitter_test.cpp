#include "edge/screen/line_splitter.hpp"

#include <gtest/gtest.h>

namespace witryna::screen {
namespace line_splitter_test {
namespace {

using Pieces = std::vector<LineSplitter::Piece>;

std::vector<std::string> lines_of(const Pieces& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces)
    out.push_back(p.overlong ? "<overlong>" : p.line);
  return out;
}

TEST(LineSplitter, SplitsAcrossChunks) {
  LineSplitter s(16);
  EXPECT_TRUE(s.feed("ab").empty());
  EXPECT_EQ(lines_of(s.feed("c\nde\r\nf")), (std::vector<std::string>{"abc", "de"}));
  EXPECT_EQ(lines_of(s.feed("\n")), (std::vector<std::string>{"f"}));
}

TEST(LineSplitter, ReportsAnOverlongLineOnceAndRecovers) {
  LineSplitter s(4);
  EXPECT_EQ(lines_of(s.feed("123")), (std::vector<std::string>{}));
  EXPECT_EQ(lines_of(s.feed("45678")), (std::vector<std::string>{"<overlong>"}));
  EXPECT_EQ(lines_of(s.feed("9999999999")), (std::vector<std::string>{}));
  EXPECT_EQ(lines_of(s.feed("\nok\n")), (std::vector<std::string>{"ok"}));
}

TEST(LineSplitter, LineOfExactlyTheLimitIsAccepted) {
  LineSplitter s(4);
  EXPECT_EQ(lines_of(s.feed("1234\n12345\n")), (std::vector<std::string>{"1234", "<overlong>"}));
}

}  // namespace
}  // namespace line_splitter_test
}  // namespace witryna::screen
