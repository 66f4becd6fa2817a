#include "sync/core/uuid.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace witryna::sync::core {
namespace uuid_test {
namespace {

TEST(Uuid, FormatsVersionAndVariantBits) {
  struct Case {
    std::array<std::uint8_t, 16> bytes;
    const char* expected;
  };
  const Case cases[] = {
      {{}, "00000000-0000-4000-8000-000000000000"},
      {{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF},
       "ffffffff-ffff-4fff-bfff-ffffffffffff"},
      {{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD,
        0xEF},
       "01234567-89ab-4def-8123-456789abcdef"},
  };
  for (const auto& c : cases) {
    const auto text = format_uuid_v4(c.bytes);
    EXPECT_EQ(text, c.expected);
    EXPECT_TRUE(is_uuid(text));
  }
}

TEST(Uuid, RecognisesOnlyTheCanonicalShape) {
  EXPECT_TRUE(is_uuid("01234567-89AB-4DEF-8123-456789ABCDEF"));
  for (const char* bad :
       {"", "01234567-89ab-4def-8123-456789abcde", "01234567-89ab-4def-8123-456789abcdeff",
        "0123456789ab-4def-8123-456789abcdef0", "g1234567-89ab-4def-8123-456789abcdef",
        "01234567_89ab_4def_8123_456789abcdef"}) {
    EXPECT_FALSE(is_uuid(bad)) << bad;
  }
}

TEST(Uuid, GeneratorIsDeterministicPerSeedAndDoesNotRepeat) {
  IdGenerator a(42, 7);
  IdGenerator b(42, 7);
  IdGenerator c(43, 7);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
    EXPECT_TRUE(is_uuid(x));
    EXPECT_EQ(x[14], '4');
    EXPECT_TRUE(seen.insert(x).second);
  }
}

}  // namespace
}  // namespace uuid_test
}  // namespace witryna::sync::core
