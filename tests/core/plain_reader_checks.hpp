#pragma once
// The differential tests of the plain-text readers (profile, product): the
// fast reader must agree with nlohmann + the full item parser on any text,
// including every one-byte change of a real item (each byte replaced by a few
// bytes that matter to JSON, or removed).

#include <gtest/gtest.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace witryna::test {

// Whatever `text` is: `fast_read(text)` agrees with `full_parse` of its
// JSON. True when the fast reader took it (false: the full parser decides).
template <typename FastRead, typename FullParse>
bool expect_fast_reader_agrees(const std::string& text, FastRead fast_read, FullParse full_parse) {
  SCOPED_TRACE(text);
  const auto fast = fast_read(text);
  if (!fast) return false;
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "read text that is not JSON";
  if (j.is_discarded()) return true;
  const auto full = full_parse(j);
  EXPECT_TRUE(full.has_value()) << "read an item the full parser refuses: " << full.error().code
                                << " " << full.error().context;
  if (full) {
    EXPECT_EQ(*fast, *full);
  }
  return true;
}

struct OneByteChanges {
  std::size_t cases = 0;
  std::size_t read_fast = 0;  // how many of them the fast reader read
};

// Calls `read_fast_and_agrees(text)` for every one-byte change of `original`;
// it checks agreement itself and returns whether the fast reader read it.
template <typename Check>
OneByteChanges for_each_one_byte_change(const std::string& original, Check read_fast_and_agrees) {
  const std::string replacements = std::string("\"\\,:}]0.x") + '\x80' + '\t';
  OneByteChanges counts;
  for (std::size_t i = 0; i < original.size(); ++i) {
    std::string removed = original;
    removed.erase(i, 1);
    counts.read_fast += read_fast_and_agrees(removed) ? 1 : 0;
    ++counts.cases;
    for (const char c : replacements) {
      if (original[i] == c) continue;
      std::string changed = original;
      changed[i] = c;
      counts.read_fast += read_fast_and_agrees(changed) ? 1 : 0;
      ++counts.cases;
    }
  }
  return counts;
}

}  // namespace witryna::test
