// The app-code look-up keys of codes.md §3 (sha256 of the normalized code).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "edge/core/codes/app_code.hpp"
#include "edge/core/codes/classify.hpp"
#include "edge/crypto/sha256.hpp"

namespace witryna::crypto {
namespace app_code_hash_test {
namespace {

struct Row {
  std::string typed;
  std::string sha256;
};

TEST(AppCodeHash, ContractTable) {
  const std::vector<Row> rows = {
      {"7K3M-9Q2D-J", "b0f74be349e50a61e2ffea5fe7ed56b26b8ec1ed9f76f69822f65c8f77266199"},
      {"7k3m 9q2d j", "b0f74be349e50a61e2ffea5fe7ed56b26b8ec1ed9f76f69822f65c8f77266199"},
      {"A1B2-C3D4-Y", "db95624cfbf70822b0f7b27c55c4ae8c6a43d6148650ca405e9328a372f3bdca"},
      {"HJKM-NPQR-4", "08839aaa710c2e7f13eaa29e095a5c712748c9cc082e5d06bfcea491ca05615a"},
      {"ZZZZ-ZZZZ-8", "3ab198e9bc6e4fb7ba515d98a6716b9cb8ca72ea8148236d7d832a02228a32a7"},
  };
  const core::Sha256Hex hash = sha256_hex;
  for (const auto& row : rows) {
    const auto code = core::parse_app_code(row.typed);
    ASSERT_TRUE(code) << row.typed;
    EXPECT_EQ(core::app_code_key(*code, hash), row.sha256) << row.typed;
    // A scan of the same text gives the same key.
    const auto scan = core::classify_scan(row.typed);
    const auto* app_code = std::get_if<core::AppCodeScan>(&scan);
    ASSERT_NE(app_code, nullptr) << row.typed;
    EXPECT_EQ(core::app_code_key(app_code->normalized, hash), row.sha256) << row.typed;
  }
}

}  // namespace
}  // namespace app_code_hash_test
}  // namespace witryna::crypto
