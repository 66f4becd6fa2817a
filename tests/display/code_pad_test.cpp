#include "display/model/code_pad.hpp"

#include <gtest/gtest.h>

namespace witryna::display {
namespace code_pad_test {
namespace {

TEST(CodePad, FormatsAsYouType) {
  struct Case {
    const char* typed;
    const char* shown;
    bool complete;
  };
  const Case cases[] = {
      {"", "", false},
      {"7", "7", false},
      {"7K3M", "7K3M", false},
      {"7K3M9", "7K3M-9", false},
      {"7k3m9q2d", "7K3M-9Q2D", false},
      {"7k3m9q2dj", "7K3M-9Q2D-J", true},
      {"7K3M-9Q2D-J", "7K3M-9Q2D-J", true},
      {"7k3m 9q2d j", "7K3M-9Q2D-J", true},
      {"OIL", "011", false},  // codes.md: O reads as 0, I and L as 1
  };
  for (const auto& c : cases) {
    CodePad pad;
    pad.type(c.typed);
    EXPECT_EQ(pad.display(), c.shown) << c.typed;
    EXPECT_EQ(pad.complete(), c.complete) << c.typed;
    EXPECT_TRUE(pad.looks_like_code()) << c.typed;
  }
}

TEST(CodePad, KeyByKeyWithBackspace) {
  CodePad pad;
  for (const char c : std::string("7K3M9"))
    pad.type(std::string(1, c));
  EXPECT_EQ(pad.display(), "7K3M-9");
  pad.backspace();
  EXPECT_EQ(pad.display(), "7K3M");
  pad.type("-");
  EXPECT_EQ(pad.display(), "7K3M");  // a typed separator is not a symbol
  pad.backspace();
  EXPECT_EQ(pad.display(), "7K3M");
  pad.backspace();
  EXPECT_EQ(pad.display(), "7K3");
  pad.clear();
  EXPECT_TRUE(pad.empty());
}

TEST(CodePad, SubmitsCompleteCodeFormatted) {
  CodePad pad;
  pad.type("7k3m9q2dj");
  const auto s = pad.submit();
  EXPECT_EQ(s.kind, PadSubmit::kCode);
  EXPECT_EQ(s.text, "7K3M-9Q2D-J");
  EXPECT_TRUE(pad.empty());
}

TEST(CodePad, HalfTypedCodeStays) {
  CodePad pad;
  pad.type("7K3M");
  EXPECT_EQ(pad.submit().kind, PadSubmit::kNothing);
  EXPECT_EQ(pad.display(), "7K3M");
}

TEST(CodePad, ScannerInputThatIsNotACodeIsAScan) {
  struct Case {
    const char* typed;
  };
  // A 13-digit card and a JWS-like token typed by a keyboard-wedge scanner.
  for (const char* typed : {"2900000123458", "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJDIn0.sig"}) {
    CodePad pad;
    pad.type(typed);
    EXPECT_FALSE(pad.looks_like_code()) << typed;
    const auto s = pad.submit();
    EXPECT_EQ(s.kind, PadSubmit::kScan) << typed;
    EXPECT_EQ(s.text, typed);
  }
}

TEST(CodePad, LongRawInputIsShortenedOnScreen) {
  CodePad pad;
  pad.type(std::string(100, '.'));
  EXPECT_EQ(pad.display(), std::string(32, '.') + "…");
}

TEST(CrockfordSymbol, Alphabet) {
  EXPECT_EQ(crockford_symbol('a'), 'A');
  EXPECT_EQ(crockford_symbol('o'), '0');
  EXPECT_EQ(crockford_symbol('l'), '1');
  EXPECT_EQ(crockford_symbol('U'), '\0');
  EXPECT_EQ(crockford_symbol('-'), '\0');
  EXPECT_EQ(format_code("HJKMNPQR4"), "HJKM-NPQR-4");
}

}  // namespace
}  // namespace code_pad_test
}  // namespace witryna::display
