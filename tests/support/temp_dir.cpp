#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

namespace witryna::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "witryna-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace witryna::test
