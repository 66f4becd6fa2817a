// Where wrapped text breaks. The kiosk's attract slide once showed
// "PLN 89." on one line and "99" on the next: ImGui's wrapper breaks after
// '.' and ','. These tests pin the rule the views now use.
#include "display/model/wrap.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <memory>
#include <string>

#include "display/model/format.hpp"
#include "display/model/utf8.hpp"
#include "display/views/fonts.hpp"

namespace witryna::display {
namespace wrap_test {
namespace {

// Every code point one unit wide: widths read as character counts.
float monospace(std::string_view s) {
  return static_cast<float>(utf8_code_points(s).size());
}

std::vector<std::string> wrap(std::string_view text, float width) {
  std::vector<std::string> out;
  for (const auto line : wrap_lines(text, width, monospace))
    out.emplace_back(line);
  return out;
}

using Lines = std::vector<std::string>;

TEST(Wrap, BreaksAtSpacesAndDropsThemAtTheBreak) {
  EXPECT_EQ(wrap("Linen dress in red", 11), (Lines{"Linen dress", "in red"}));
  EXPECT_EQ(wrap("Linen dress in red", 100), (Lines{"Linen dress in red"}));
  EXPECT_EQ(wrap("one  two", 3), (Lines{"one", "two"}));
  EXPECT_EQ(wrap("trailing   ", 8), (Lines{"trailing"}));
}

TEST(Wrap, KeepsExplicitLinesAndEmptyParagraphs) {
  EXPECT_EQ(wrap("a\n\nb", 10), (Lines{"a", "", "b"}));
  EXPECT_EQ(wrap("a b\nc", 0), (Lines{"a b", "c"}));  // no width: only at '\n'
  EXPECT_EQ(wrap("", 10), (Lines{""}));
}

TEST(Wrap, NeverBreaksAfterPunctuationInsideAWord) {
  // ImGui's own wrapper gives {"PLN 89.", "99"} here.
  EXPECT_EQ(wrap("Price: PLN 89.99", 14), (Lines{"Price: PLN", "89.99"}));
  EXPECT_EQ(wrap("1,250 points", 8), (Lines{"1,250", "points"}));
  EXPECT_EQ(wrap("-20%, today", 6), (Lines{"-20%,", "today"}));
}

TEST(Wrap, DropsASeparatorDotWhereTheLineBreaks) {
  EXPECT_EQ(wrap("Linen dress  ·  36", 12), (Lines{"Linen dress", "36"}));
  EXPECT_EQ(wrap("Linen dress  ·  36", 18), (Lines{"Linen dress  ·  36"}));
  EXPECT_EQ(wrap("a · b · c", 5), (Lines{"a · b", "c"}));
  EXPECT_EQ(wrap("· a", 1), (Lines{"·", "a"}));  // a leading dot is not a separator
  EXPECT_EQ(wrap("a ·", 1), (Lines{"a", "·"}));  // nor a trailing one
}

TEST(Wrap, CutsAWordWiderThanTheLineBetweenCodePoints) {
  EXPECT_EQ(wrap("abcdefg hi", 3), (Lines{"abc", "def", "g", "hi"}));
  EXPECT_EQ(wrap("abcdefg h", 3), (Lines{"abc", "def", "g h"}));
  EXPECT_EQ(wrap("źźźź", 3), (Lines{"źźź", "ź"}));  // 2-byte letters are not split
  EXPECT_EQ(wrap("ab", 0.5f), (Lines{"a", "b"}));   // at least one code point a line
}

// The attract slide's product line: name, separator and a price formatted as
// the screen formats it. At every width the price stays whole with its
// currency, on one line.
TEST(Wrap, APriceStaysWithItsCurrencyAtEveryWidth) {
  for (const Language language : {Language::kEn, Language::kPl}) {
    for (const std::int64_t minor : {8999, 24999, 124999}) {
      const std::string price = format_money(minor, "PLN", language);
      const std::string line = "Merino wool sweater  ·  " + price;
      const float price_width = monospace(price);
      for (float width = price_width; width <= monospace(line) + 1; width += 1) {
        const auto lines = wrap(line, width);
        bool whole = false;
        for (const auto& l : lines) {
          whole = whole || l.find(price) != std::string::npos;
          EXPECT_FALSE(l.size() >= 2 && l.compare(l.size() - 2, 2, "·") == 0) << l;
        }
        EXPECT_TRUE(whole) << price << " at width " << width << ": "
                           << testing::PrintToString(lines);
      }
    }
  }
}

// The same with the kiosk's real font (DejaVu, the slide's product-line font),
// every pixel width the price could meet the edge of the line at. ImGui's own
// wrapper, which the views used before, splits the price here: the check
// below proves this test fails with it.
TEST(Wrap, WithTheRealFontThePriceNeverSplitsWhereImGuiWouldSplitIt) {
  ImFontAtlas atlas;
  auto fonts = load_fonts(atlas, FontOptions{});
  ASSERT_TRUE(fonts) << fonts.error().context;
  const ImFont* font = fonts->title;
  const auto measure = [font](std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
  };
  const std::string price = format_money(8999, "PLN", Language::kEn);  // "PLN 89.99"
  const std::string line = "Sweter z wełny merino  ·  " + price;
  int imgui_splits = 0;
  for (float width = measure(price); width <= measure(line) + 1; width += 1) {
    bool whole = false;
    for (const auto l : wrap_lines(line, width, measure))
      whole = whole || l.find(price) != std::string_view::npos;
    EXPECT_TRUE(whole) << "at width " << width;
    const char* end = line.data() + line.size();
    const char* eol = font->CalcWordWrapPositionA(1.0f, line.data(), end, width);
    const std::string_view first(line.data(), static_cast<std::size_t>(eol - line.data()));
    if (first.size() > line.size() - price.size() && first.size() < line.size()) ++imgui_splits;
  }
  EXPECT_GT(imgui_splits, 0) << "ImGui's wrapper no longer splits prices: the widths are wrong";
}

}  // namespace
}  // namespace wrap_test
}  // namespace witryna::display
