#include "edge/service/log.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <utility>
#include <vector>

namespace witryna::service {
namespace log_test {
namespace {

// Captures lines for one test and restores stderr and the level after it.
class CapturedLog {
 public:
  CapturedLog() : old_level_(log::level()) {
    log::set_sink([this](LogLevel level, std::string_view line) {
      lines.emplace_back(level, std::string(line));
    });
  }
  ~CapturedLog() {
    log::set_sink({});
    log::set_level(old_level_);
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  std::vector<std::pair<LogLevel, std::string>> lines;

 private:
  LogLevel old_level_;
};

// Counts how often it is formatted.
struct Probe {
  int* n;
  friend std::ostream& operator<<(std::ostream& out, const Probe& p) {
    ++*p.n;
    return out;
  }
};

struct FilterCase {
  LogLevel threshold;
  std::vector<std::string> expected;
  friend void PrintTo(const FilterCase& c, std::ostream* out) { *out << to_string(c.threshold); }
};

class LogFilter : public ::testing::TestWithParam<FilterCase> {};

TEST_P(LogFilter, DropsWhatIsLessSevereThanTheLevel) {
  CapturedLog captured;
  log::set_level(GetParam().threshold);
  log::error("e");
  log::warn("w");
  log::info("i");
  log::debug("d");
  std::vector<std::string> got;
  for (const auto& [level, line] : captured.lines)
    got.push_back(line);
  EXPECT_EQ(got, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Table, LogFilter,
                         ::testing::Values(FilterCase{LogLevel::kError, {"e"}},
                                           FilterCase{LogLevel::kWarn, {"e", "w"}},
                                           FilterCase{LogLevel::kInfo, {"e", "w", "i"}},
                                           FilterCase{LogLevel::kDebug, {"e", "w", "i", "d"}}));

TEST(Log, PartsAreStreamedAndOneMessageIsOneLine) {
  CapturedLog captured;
  log::set_level(LogLevel::kInfo);
  log::info("outbox ", 42, " events\nsecond line");
  ASSERT_EQ(captured.lines.size(), 1U);
  EXPECT_EQ(captured.lines[0].first, LogLevel::kInfo);
  EXPECT_EQ(captured.lines[0].second, "outbox 42 events second line");
}

TEST(Log, DisabledLevelsDoNotEvenFormat) {
  CapturedLog captured;
  log::set_level(LogLevel::kWarn);
  int formatted = 0;
  log::debug(Probe{&formatted});
  EXPECT_EQ(formatted, 0);
  log::warn(Probe{&formatted});
  EXPECT_EQ(formatted, 1);
}

TEST(Log, JournalPrefixIsTheSyslogPriority) {
  EXPECT_EQ(log::line_prefix(LogLevel::kError, true), "<3>");
  EXPECT_EQ(log::line_prefix(LogLevel::kWarn, true), "<4>");
  EXPECT_EQ(log::line_prefix(LogLevel::kInfo, true), "<6>");
  EXPECT_EQ(log::line_prefix(LogLevel::kDebug, true), "<7>");
  const std::string plain = log::line_prefix(LogLevel::kWarn, false);
  // "2026-11-22T10:00:00.123Z warn "
  ASSERT_EQ(plain.size(), 24U + 6U);
  EXPECT_EQ(plain[10], 'T');
  EXPECT_EQ(plain.substr(23), "Z warn ");
}

TEST(Log, LevelNamesRoundTrip) {
  for (auto level : {LogLevel::kError, LogLevel::kWarn, LogLevel::kInfo, LogLevel::kDebug}) {
    EXPECT_EQ(log_level_from(to_string(level)), level);
  }
  EXPECT_FALSE(log_level_from("verbose"));
}

}  // namespace
}  // namespace log_test
}  // namespace witryna::service
