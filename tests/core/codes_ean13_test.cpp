// Loyalty cards: EAN-13 with the GS1 check digit and brand prefixes (codes.md §1).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codes/classify.hpp"
#include "edge/core/codes/ean13.hpp"

namespace witryna::core {
namespace codes_ean13_test {
namespace {

struct Row {
  std::string input;
  ScanClass expected;
};

TEST(Ean13, ContractTable) {
  const std::vector<Row> rows = {
      {"2900000123458", CardScan{"2900000123458"}},
      {"2900000000018", CardScan{"2900000000018"}},
      {"4006381333931", RejectedScan{Outcome::kUnrecognized}},
      {"2900000123451", RejectedScan{Outcome::kInvalidCheckDigit}},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(classify_scan(row.input), row.expected) << row.input;
  }
}

TEST(Ean13, CheckDigit) {
  const std::vector<std::pair<std::string, char>> rows = {
      {"290000012345", '8'}, {"290000000001", '8'}, {"400638133393", '1'},
      {"000000000000", '0'}, {"590123412345", '7'},
  };
  for (const auto& [first12, check] : rows) {
    EXPECT_EQ(ean13_check_digit(first12), check) << first12;
  }
}

TEST(Ean13, EveryWrongCheckDigitIsRefused) {
  for (char c = '0'; c <= '9'; ++c) {
    const std::string code = std::string("290000012345") + c;
    EXPECT_EQ(is_valid_ean13(code), c == '8') << code;
    EXPECT_EQ(classify_scan(code), c == '8' ? ScanClass{CardScan{code}}
                                            : ScanClass{RejectedScan{Outcome::kInvalidCheckDigit}})
        << code;
  }
}

TEST(Ean13, ShapeIsExactly13Digits) {
  for (const char* text : {"290000012345", "29000001234580", "290000012345a", "", " 2900000123458",
                           "2900000123458 ", "29000-0123458"}) {
    EXPECT_FALSE(is_ean13_shape(text)) << text;
    EXPECT_FALSE(is_valid_ean13(text)) << text;
  }
}

TEST(Ean13, PrefixesComeFromConfig) {
  ScanOptions options;
  options.card_prefixes = {"400", "21"};
  EXPECT_EQ(classify_scan("4006381333931", options), ScanClass{CardScan{"4006381333931"}});
  EXPECT_EQ(classify_scan("2900000123458", options),
            ScanClass{RejectedScan{Outcome::kUnrecognized}});
  options.card_prefixes = {};
  EXPECT_EQ(classify_scan("2900000123458", options),
            ScanClass{RejectedScan{Outcome::kUnrecognized}});
  EXPECT_TRUE(is_brand_card("2900000123458", kDefaultCardPrefixes));
  EXPECT_FALSE(is_brand_card("2900000123451", kDefaultCardPrefixes));
  const std::vector<std::string> empty_prefix = {""};
  EXPECT_FALSE(is_brand_card("4006381333931", empty_prefix));
}

}  // namespace
}  // namespace codes_ean13_test
}  // namespace witryna::core
