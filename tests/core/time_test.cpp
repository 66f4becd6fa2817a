#include "edge/core/time.hpp"

#include <gtest/gtest.h>

namespace witryna {
namespace time_test {
namespace {

TEST(Rfc3339, RoundTripsMilliseconds) {
  const auto t = parse_rfc3339("2026-11-22T10:00:00.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2026-11-22T10:00:00.123Z");
}

TEST(Rfc3339, AcceptsOffsetsAndMissingFraction) {
  const auto a = parse_rfc3339("2026-11-22T11:00:00+01:00");
  const auto b = parse_rfc3339("2026-11-22T10:00:00Z");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(Rfc3339, RejectsGarbage) {
  for (const char* bad :
       {"", "2026-11-22", "2026-13-01T00:00:00Z", "2026-11-22T10:00:00", "2026-11-22T10:00:00.Z",
        "2026-11-22T10:00:00Zjunk", "2026-02-30T00:00:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
}

TEST(Rfc3339, UnixSecondsMatchJwtNumericDate) {
  EXPECT_EQ(format_rfc3339(from_unix_seconds(1795000000)), "2026-11-18T11:06:40.000Z");
  EXPECT_EQ(to_unix_seconds(from_unix_seconds(1795000000)), 1795000000);
}

}  // namespace
}  // namespace time_test
}  // namespace witryna
