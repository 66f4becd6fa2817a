// Classification of one scanned or typed string (codes.md: limits, kinds, terminators).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codes/classify.hpp"

namespace witryna::core {
namespace codes_classify_test {
namespace {

const std::string kVectorToken =
    "eyJhbGciOiJFZERTQSIsImtpZCI6InRlc3QtMjAyNiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiJDLTAwMDEyMyIsInR5cCI6ImlkIiwiaWF0IjoxNzk1MDAwMDAwLCJleHAiOjE3OTUwMDAzMDAsImp0aSI6In"
    "E3WWQwY0p4M1QifQ."
    "cOaIKk7k6_COQ8Tm8BomRFe0daf0HdaZwh1tZUTHokBZSHFB9imr-ybEJMCwZolkeWrwkihSWSfrjxEDpS9jBQ";

struct Row {
  std::string input;
  ScanClass expected;
};

const ScanClass kMalformed = RejectedScan{Outcome::kMalformed};
const ScanClass kUnrecognized = RejectedScan{Outcome::kUnrecognized};
const ScanClass kInvalidCheck = RejectedScan{Outcome::kInvalidCheck};

TEST(Classify, Kinds) {
  const std::vector<Row> rows = {
      // codes.md §1
      {"2900000123458", CardScan{"2900000123458"}},
      {"2900000000018", CardScan{"2900000000018"}},
      {"4006381333931", kUnrecognized},
      {"2900000123451", RejectedScan{Outcome::kInvalidCheckDigit}},
      {"4006381333932", RejectedScan{Outcome::kInvalidCheckDigit}},
      // codes.md §2
      {kVectorToken, AppTokenScan{kVectorToken}},
      {"eyJhbGciOiJub25lIn0.eyJzdWIiOiJDIn0.",
       AppTokenScan{"eyJhbGciOiJub25lIn0.eyJzdWIiOiJDIn0."}},
      // codes.md §3
      {"7K3M-9Q2D-J", AppCodeScan{"7K3M9Q2DJ"}},
      {"7k3m 9q2d j", AppCodeScan{"7K3M9Q2DJ"}},
      {"A1B2-C3D4-Y", AppCodeScan{"A1B2C3D4Y"}},
      {"HJKM-NPQR-4", AppCodeScan{"HJKMNPQR4"}},
      {"ZZZZ-ZZZZ-8", AppCodeScan{"ZZZZZZZZ8"}},
      {"ZZZZZZZZ8", AppCodeScan{"ZZZZZZZZ8"}},
      {"7K3M-9Q2D-K", kInvalidCheck},
      {"7K3M-9Q2", kMalformed},
      {"7K3M-9Q2D-JX", kMalformed},
      {"7K3M-9Q2D-U", kMalformed},
      {"000000000", AppCodeScan{"000000000"}},  // 9 digits: a code, check ok
      {"000000001", kInvalidCheck},
      {"1234-5678", kMalformed},  // separators: a code attempt, not a barcode
      // everything else
      {"", kUnrecognized},
      {"96385074", kUnrecognized},      // EAN-8
      {"036000291452", kUnrecognized},  // UPC-A
      {"12345678901234", kUnrecognized},
      {"https://witryna.example/c/7K3M9Q2DJ", kUnrecognized},
      {"7K3M", kUnrecognized},
      {"HELLO", kUnrecognized},
      {"7K3M/9Q2D/J", kUnrecognized},
      {"a.b.c=", kUnrecognized},
      {" 2900000123458", kUnrecognized},
      {"Zażółć gęślą", kUnrecognized},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(classify_scan(row.input), row.expected) << row.input;
  }
}

TEST(Classify, OneTerminatorIsAccepted) {
  for (const char* terminator : {"", "\r", "\n", "\r\n"}) {
    EXPECT_EQ(classify_scan(std::string("2900000123458") + terminator),
              ScanClass{CardScan{"2900000123458"}});
    EXPECT_EQ(classify_scan(kVectorToken + terminator), ScanClass{AppTokenScan{kVectorToken}});
    EXPECT_EQ(classify_scan(std::string("7K3M-9Q2D-J") + terminator),
              ScanClass{AppCodeScan{"7K3M9Q2DJ"}});
  }
  EXPECT_EQ(classify_scan("\n"), kUnrecognized);
}

TEST(Classify, ControlCharactersAreMalformed) {
  const std::vector<std::string> inputs = {
      "2900000123458\n\n",
      "2900000123458\r\r",
      "2900000123458\n\r",
      "2900000123458\r\n\n",
      "\n2900000123458",
      "29000\t00123458",
      std::string("2900000123458\0", 14),
      "7K3M-9Q2D-J\x1b",
      "7K3M\x7f-9Q2D-J",
      "7K3M-9Q2D-J\xc2\x85",  // NEL, a C1 control in UTF-8
      kVectorToken.substr(0, 20) + "\n" + kVectorToken.substr(20),
      "\t",
  };
  for (const auto& input : inputs) {
    EXPECT_EQ(classify_scan(input), kMalformed) << input;
  }
  // Non-control non-ASCII is merely unrecognized.
  EXPECT_EQ(classify_scan("7K3M\xc2\xa0"
                          "9Q2D-J"),
            kUnrecognized);
}

TEST(Classify, LengthLimitIs4096BytesWithoutTerminator) {
  // A 4096-byte JWS-shaped string is still classified; one byte more is malformed.
  const std::string at_limit = "a." + std::string(4096 - 4, 'b') + ".c";
  ASSERT_EQ(at_limit.size(), 4096U);
  EXPECT_EQ(classify_scan(at_limit), ScanClass{AppTokenScan{at_limit}});
  EXPECT_EQ(classify_scan(at_limit + "\r\n"), ScanClass{AppTokenScan{at_limit}});
  EXPECT_EQ(classify_scan(at_limit + "c"), kMalformed);
  EXPECT_EQ(classify_scan(std::string(100000, 'x')), kMalformed);
  EXPECT_EQ(classify_scan(std::string(4097, '\n')), kMalformed);
}

TEST(Classify, Helpers) {
  EXPECT_EQ(strip_terminator("x\r\n"), "x");
  EXPECT_EQ(strip_terminator("x\n\r"), "x\n");
  EXPECT_EQ(strip_terminator("x\r\r"), "x\r");
  EXPECT_EQ(strip_terminator(""), "");
  EXPECT_FALSE(has_control_characters("abc \xc2\xa0 \xc3\xa9"));
  EXPECT_TRUE(has_control_characters("\xc2\x80"));
  EXPECT_TRUE(has_control_characters("\xc2\x9f"));
}

}  // namespace
}  // namespace codes_classify_test
}  // namespace witryna::core
