#include "tools/https_files/byte_range.hpp"

#include <gtest/gtest.h>

namespace witryna::https_files {
namespace byte_range_test {
namespace {

void expect(const RangeDecision& got, RangeKind kind, std::int64_t first, std::int64_t last) {
  EXPECT_EQ(got.kind, kind);
  if (kind == RangeKind::kUnsatisfiable) return;
  EXPECT_EQ(got.first, first);
  EXPECT_EQ(got.last, last);
}

TEST(ByteRange, NoHeaderOtherUnitsAndSeveralRangesGetTheWholeFile) {
  expect(decide_range("", 100), RangeKind::kWhole, 0, 99);
  expect(decide_range("items=0-5", 100), RangeKind::kWhole, 0, 99);
  expect(decide_range("bytes=0-5,10-20", 100), RangeKind::kWhole, 0, 99);
  expect(decide_range("", 0), RangeKind::kWhole, 0, -1);
}

TEST(ByteRange, RangesInsideTheFile) {
  expect(decide_range("bytes=10-", 100), RangeKind::kPartial, 10, 99);
  expect(decide_range("bytes=0-0", 100), RangeKind::kPartial, 0, 0);
  expect(decide_range("bytes=10-19", 100), RangeKind::kPartial, 10, 19);
  expect(decide_range("bytes=90-500", 100), RangeKind::kPartial, 90, 99);
  expect(decide_range("bytes=-10", 100), RangeKind::kPartial, 90, 99);
  expect(decide_range("bytes=-500", 100), RangeKind::kPartial, 0, 99);
  expect(decide_range(" Bytes= 5 - 6 ", 100), RangeKind::kPartial, 5, 6);
}

TEST(ByteRange, BadOrPastTheEndIsUnsatisfiable) {
  for (const char* bad : {"bytes=100-", "bytes=500-600", "bytes=9-3", "bytes=-0", "bytes=",
                          "bytes=abc", "bytes=1-x", "bytes=--5", "bytes=99999999999999999999-"}) {
    EXPECT_EQ(decide_range(bad, 100).kind, RangeKind::kUnsatisfiable) << bad;
  }
  EXPECT_EQ(decide_range("bytes=0-", 0).kind, RangeKind::kUnsatisfiable);
  EXPECT_EQ(decide_range("bytes=-5", 0).kind, RangeKind::kUnsatisfiable);
}

}  // namespace
}  // namespace byte_range_test
}  // namespace witryna::https_files
