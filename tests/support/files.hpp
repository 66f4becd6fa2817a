#pragma once
// Whole-file reads and reproducible file contents for tests.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace witryna::test {

// The file's bytes; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// `n` bytes that do not repeat within a range request's reach, so a byte
// served from the wrong offset shows.
inline std::string patterned_bytes(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i)
    s[i] = static_cast<char>((i * 131) ^ (i >> 9));
  return s;
}

}  // namespace witryna::test
