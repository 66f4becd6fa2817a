// base64url (RFC 4648 §5, no padding, canonical) and hex.
#include "edge/core/encoding/base64url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/encoding/hex.hpp"

namespace witryna::core {
namespace base64url_test {
namespace {

struct Pair {
  std::string bytes;
  std::string encoded;
};

// RFC 4648 §10 vectors without padding, plus the two URL-safe symbols.
const std::vector<Pair> kPairs = {
    {"", ""},
    {"f", "Zg"},
    {"fo", "Zm8"},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg"},
    {"fooba", "Zm9vYmE"},
    {"foobar", "Zm9vYmFy"},
    {std::string("\xfb\xff\xbf", 3), "-_-_"},
    {std::string("\x00\x00", 2), "AAA"},
    {R"({"alg":"EdDSA","kid":"test-2026","typ":"JWT"})",
     "eyJhbGciOiJFZERTQSIsImtpZCI6InRlc3QtMjAyNiIsInR5cCI6IkpXVCJ9"},
};

TEST(Base64Url, EncodesAndDecodesVectors) {
  for (const auto& [bytes, encoded] : kPairs) {
    EXPECT_EQ(base64url_encode(bytes), encoded) << encoded;
    const auto decoded = base64url_decode_to_string(encoded);
    ASSERT_TRUE(decoded) << encoded;
    EXPECT_EQ(*decoded, bytes) << encoded;
  }
}

TEST(Base64Url, RoundTripsEveryLengthAndByteValue) {
  std::vector<std::uint8_t> bytes;
  for (int length = 0; length <= 300; ++length) {
    const auto encoded = base64url_encode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    const auto decoded = base64url_decode(encoded);
    ASSERT_TRUE(decoded) << length;
    EXPECT_EQ(*decoded, bytes) << length;
    bytes.push_back(static_cast<std::uint8_t>(length * 37 + 11));
  }
}

TEST(Base64Url, RejectsNonCanonicalOrForeignText) {
  const std::vector<std::string> bad = {
      "Zg==",              // padding
      "Zm9v=",             // padding
      "Z",                 // length 1 mod 4
      "Zm9vY",             // length 1 mod 4
      "Zh",                // non-zero trailing bits ("f" is "Zg")
      "Zm9",               // non-zero trailing bits ("fo" is "Zm8")
      "Zm9v+w", "Zm9v/w",  // standard base64 symbols
      "Zm9 v",  "Zm9v\n", std::string("Zm\0v", 4), "Zm9v\xc3\xa9",
  };
  for (const auto& text : bad) {
    const auto decoded = base64url_decode(text);
    ASSERT_FALSE(decoded) << text;
    EXPECT_EQ(decoded.error().code, errc::kInvalidValue);
  }
}

TEST(Base64Url, AlphabetCheck) {
  EXPECT_TRUE(is_base64url_alphabet(""));
  EXPECT_TRUE(is_base64url_alphabet("azAZ09-_"));
  for (const char* text : {"a.b", "a=", "a+", "a/", "a b", "ą"}) {
    EXPECT_FALSE(is_base64url_alphabet(text)) << text;
  }
}

TEST(Hex, EncodesLowercaseAndDecodesBothCases) {
  const std::vector<std::uint8_t> bytes = {0x00, 0x7f, 0xd7, 0x5a, 0xff};
  EXPECT_EQ(hex_encode(bytes), "007fd75aff");
  for (const char* text : {"007fd75aff", "007FD75AFF", "007Fd75aFf"}) {
    const auto decoded = hex_decode(text);
    ASSERT_TRUE(decoded) << text;
    EXPECT_EQ(*decoded, bytes) << text;
  }
  const auto empty = hex_decode("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(Hex, RejectsOddLengthAndNonDigits) {
  for (const char* text : {"0", "abc", "0g", "0x00", " 00", "00 "}) {
    const auto decoded = hex_decode(text);
    ASSERT_FALSE(decoded) << text;
    EXPECT_EQ(decoded.error().code, errc::kInvalidValue);
  }
}

}  // namespace
}  // namespace base64url_test
}  // namespace witryna::core
