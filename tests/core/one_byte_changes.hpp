#pragma once
// The differential tests of the plain-text readers (profile, product) feed
// every one-byte change of a real item to both the fast reader and the full
// parser: each byte replaced by a few bytes that matter to JSON, or removed.

#include <cstddef>
#include <string>

namespace witryna::test {

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
