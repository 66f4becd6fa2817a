#include "tools/https_files/url_path.hpp"

#include <gtest/gtest.h>

namespace witryna::https_files {
namespace url_path_test {
namespace {

TEST(UrlPath, PlainPathsMapUnderTheFolder) {
  EXPECT_EQ(safe_relative_path("/a.tar").value(), std::filesystem::path("a.tar"));
  EXPECT_EQ(safe_relative_path("/v1/a%20b.tar?x=1").value(), std::filesystem::path("v1/a b.tar"));
}

TEST(UrlPath, EveryWayOutIsRefused) {
  for (const char* bad : {"a.tar",        "",          "/",           "/../etc/passwd",
                          "/a/../../b",   "/%2e%2e/b", "/%2E%2e%2fb", "/./a",
                          "//etc/passwd", "/a//b",     "/a/",         "/.hidden",
                          "/a/.partial",  "/a%00b",    "/a\\..\\b",   "/a%5c..%5cb",
                          "/a%",          "/a%2",      "/a%zz",       "http://x/a"}) {
    const auto got = safe_relative_path(bad);
    EXPECT_FALSE(got) << bad << " -> " << (got ? got->string() : "");
    if (!got) {
      EXPECT_EQ(got.error().code, errc::kInvalidValue);
    }
  }
}

}  // namespace
}  // namespace url_path_test
}  // namespace witryna::https_files
