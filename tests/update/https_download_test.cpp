// download_resuming against the Beast test server: resume with Range after a
// cut link, a server that ignores Range, size checks, TLS trust.
#include "edge/update/https_download.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "edge/core/update/manifest.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tls_certs.hpp"
#include "tests/support/wait.hpp"
#include "tests/update/test_file_server.hpp"

namespace witryna::update {
namespace update_https_download_test {
namespace https_download_test {
namespace {

namespace fs = std::filesystem;

using test::patterned_bytes;
using test::read_file;

class HttpsDownload : public ::testing::Test {
 protected:
  DownloadOptions options() const {
    DownloadOptions o;
    o.ca_file = certs_.ca_file();
    o.sync_every_bytes = 64 * 1024;
    o.io_timeout = std::chrono::seconds(5);
    return o;
  }
  test::TempDir tmp_;
  test::TlsCerts certs_;
  test::TestFileServer server_{certs_.server()};
  fs::path part_ = tmp_ / "a.part";
};

TEST_F(HttpsDownload, ResumesWithRangeAfterALostLink) {
  const auto data = patterned_bytes(700 * 1024);
  server_->put("/a", data);
  server_->cut_next_after(300 * 1024);
  const auto size = static_cast<std::int64_t>(data.size());
  auto first = download_resuming(server_->url("/a"), part_, size, options());
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, core::update_error::kDownload);
  const auto kept = durable_bytes(part_);
  EXPECT_GT(kept, 0);
  EXPECT_LE(kept, 300 * 1024);
  auto second = download_resuming(server_->url("/a"), part_, size, options());
  ASSERT_TRUE(second) << second.error().context;
  EXPECT_EQ(read_file(part_), data);
  // The server notes a response once its last byte is written: maybe just after the client read it.
  ASSERT_TRUE(test::wait_until([&] { return server_.ranges().size() == 2; }));
  const auto ranges = server_.ranges();
  EXPECT_EQ(ranges[0], "");
  EXPECT_EQ(ranges[1], "bytes=" + std::to_string(kept) + "-");
}

TEST_F(HttpsDownload, StartsOverWhenTheServerIgnoresRange) {
  const auto data = patterned_bytes(300 * 1024);
  server_->put("/a", data);
  server_->cut_next_after(200 * 1024);
  const auto size = static_cast<std::int64_t>(data.size());
  ASSERT_FALSE(download_resuming(server_->url("/a"), part_, size, options()));
  server_->ignore_range(true);
  auto second = download_resuming(server_->url("/a"), part_, size, options());
  ASSERT_TRUE(second) << second.error().context;
  EXPECT_EQ(read_file(part_), data);
}

TEST_F(HttpsDownload, UndurableTailIsNotTrusted) {
  // After a power cut the file may hold more than was fsync'd: only the
  // recorded count is kept.
  const auto data = patterned_bytes(200 * 1024);
  server_->put("/a", data);
  { std::ofstream(part_, std::ios::binary) << std::string(150 * 1024, 'X'); }
  auto got = download_resuming(server_->url("/a"), part_, static_cast<std::int64_t>(data.size()),
                               options());
  ASSERT_TRUE(got) << got.error().context;
  EXPECT_EQ(read_file(part_), data);
}

TEST_F(HttpsDownload, WrongSizeIsASizeMismatch) {
  server_->put("/a", patterned_bytes(1000));
  auto smaller = download_resuming(server_->url("/a"), part_, 999, options());
  ASSERT_FALSE(smaller);
  EXPECT_EQ(smaller.error().code, core::update_error::kSizeMismatch);
  auto larger = download_resuming(server_->url("/a"), part_, 1001, options());
  ASSERT_FALSE(larger);
  EXPECT_EQ(larger.error().code, core::update_error::kSizeMismatch);
}

TEST_F(HttpsDownload, UntrustedServerAndBadUrlsAreRefused) {
  server_->put("/a", patterned_bytes(10));
  DownloadOptions untrusted = options();
  untrusted.ca_file = certs_.rogue_ca_file();
  auto got = download_resuming(server_->url("/a"), part_, 10, untrusted);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, core::update_error::kDownload);
  EXPECT_FALSE(download_resuming("http://localhost/a", part_, 10, options()));
  EXPECT_FALSE(parse_https_url("https://user@host/a"));
  EXPECT_FALSE(parse_https_url("https://host:99999/a"));
  const auto url = parse_https_url("https://updates.example:8443/w/a.tar");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "updates.example");
  EXPECT_EQ(url->port, "8443");
  EXPECT_EQ(url->target, "/w/a.tar");
}

}  // namespace
}  // namespace https_download_test
}  // namespace update_https_download_test
}  // namespace witryna::update
