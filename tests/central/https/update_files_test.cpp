// witryna-central --https-dir, the real binary, with real clients: the
// device's own downloader (edge/update/https_download) resuming after the
// simulator cut the link part-way, and a raw Beast client for the bad cases
// (range past the end, unknown file, traversal, HEAD, a link out of the folder).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fstream>
#include <sstream>

#include "edge/core/update/manifest.hpp"
#include "edge/update/https_download.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tls_certs.hpp"
#include "tests/support/wait.hpp"

namespace witryna::central {
namespace update_files_test {
namespace {

namespace fs = std::filesystem;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;

using test::patterned_bytes;
using test::read_file;

struct Answer {
  unsigned status = 0;
  std::string content_range;
  std::string content_length;
  std::string body;
};

// One request over HTTPS (trusting `ca`), the answer read to the end.
Answer fetch(std::uint16_t port, const fs::path& ca, http::verb verb, const std::string& target,
             const std::string& range = {}) {
  asio::io_context io;
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.load_verify_file(ca.string());
  tls.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(io, tls);
  stream.set_verify_callback(asio::ssl::host_name_verification("localhost"));
  beast::get_lowest_layer(stream).expires_after(5s);
  beast::get_lowest_layer(stream).connect({asio::ip::make_address("127.0.0.1"), port});
  stream.handshake(asio::ssl::stream_base::client);
  http::request<http::empty_body> request(verb, target, 11);
  request.set(http::field::host, "localhost");
  if (!range.empty()) request.set(http::field::range, range);
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.skip(verb == http::verb::head);
  http::read(stream, buffer, parser);
  const auto& response = parser.get();
  Answer answer;
  answer.status = response.result_int();
  answer.content_range = std::string(response[http::field::content_range]);
  answer.content_length = std::string(response[http::field::content_length]);
  answer.body = response.body();
  return answer;
}

class CentralServesUpdates : public ::testing::Test {
 protected:
  CentralServesUpdates() {
    fs::create_directories(dir_);
    std::ofstream(dir_ / "witryna-1.5.0.tar", std::ios::binary) << data_;
    std::ofstream(tmp_ / "secret.txt") << "not for you";
  }

  // Starts the simulator (no broker: its MQTT side retries in the background)
  // and waits for its URL file.
  void start(std::vector<std::string> extra) {
    std::vector<std::string> argv = {WITRYNA_CENTRAL_EXE, "--broker",
                                     "tcp://127.0.0.1:1", "--no-stdin",
                                     "--products",        "5",
                                     "--customers",       "5",
                                     "--offers",          "1",
                                     "--reservations",    "1",
                                     "--codes",           "1",
                                     "--https-dir",       dir_.string(),
                                     "--https-url-file",  url_file_.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    auto spawned = test::ChildProcess::spawn(argv, log_);
    ASSERT_TRUE(spawned) << spawned.error().context;
    central_.emplace(std::move(*spawned));
    ASSERT_TRUE(test::wait_until([&] { return fs::exists(url_file_) || !central_->running(); }))
        << log();
    ASSERT_TRUE(fs::exists(url_file_)) << log();
    url_ = read_file(url_file_);
    while (!url_.empty() && url_.back() == '\n')
      url_.pop_back();
    const auto colon = url_.rfind(':');
    port_ = static_cast<std::uint16_t>(std::stoi(url_.substr(colon + 1)));
  }

  // True once the simulator has logged a line holding `text`.
  bool logged(const std::string& text) const {
    return test::wait_until([&] { return log().find(text) != std::string::npos; }, 5s);
  }
  std::string log() const { return read_file(log_); }

  update::DownloadOptions download_options(const fs::path& ca) const {
    update::DownloadOptions o;
    o.ca_file = ca;
    o.sync_every_bytes = 64 * 1024;
    o.io_timeout = std::chrono::seconds(5);
    return o;
  }

  test::TempDir tmp_;
  test::TlsCerts certs_;
  fs::path dir_ = tmp_ / "updates";
  fs::path url_file_ = tmp_ / "https.url";
  fs::path log_ = tmp_ / "central.log";
  fs::path part_ = tmp_ / "download.part";
  std::string data_ = patterned_bytes(700 * 1024);
  std::optional<test::ChildProcess> central_;
  std::string url_;
  std::uint16_t port_ = 0;
};

TEST_F(CentralServesUpdates, DeviceDownloaderResumesAfterTheLinkIsCut) {
  start({"--https-cert", certs_.server().cert.string(), "--https-key", certs_.server().key.string(),
         "--https-cut-once-after", std::to_string(300 * 1024)});
  const auto size = static_cast<std::int64_t>(data_.size());
  const auto options = download_options(certs_.ca_file());
  auto first = update::download_resuming(url_ + "witryna-1.5.0.tar", part_, size, options);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, core::update_error::kDownload);
  const auto kept = update::durable_bytes(part_);
  ASSERT_GT(kept, 0);
  EXPECT_LE(kept, 300 * 1024);
  auto second = update::download_resuming(url_ + "witryna-1.5.0.tar", part_, size, options);
  ASSERT_TRUE(second) << second.error().context << "\n" << log();
  EXPECT_EQ(read_file(part_), data_);
  EXPECT_TRUE(logged("GET /witryna-1.5.0.tar -> 200 bytes 0-716799/716800, 307200 sent (link cut"))
      << log();
  EXPECT_TRUE(logged("GET /witryna-1.5.0.tar range \"bytes=" + std::to_string(kept) +
                     "-\" -> 206 bytes " + std::to_string(kept) + "-716799/716800"))
      << log();
}

TEST_F(CentralServesUpdates, OwnCertificateAndClearRefusals) {
  start({"--state-dir", (tmp_ / "state").string()});
  const fs::path own_cert = tmp_ / "state" / "https" / "cert.pem";
  ASSERT_TRUE(fs::exists(own_cert));
  const auto options = download_options(own_cert);

  // The device's downloader, trusting central's own certificate.
  auto got = update::download_resuming(url_ + "witryna-1.5.0.tar", part_,
                                       static_cast<std::int64_t>(data_.size()), options);
  ASSERT_TRUE(got) << got.error().context << "\n" << log();
  EXPECT_EQ(read_file(part_), data_);
  auto missing =
      update::download_resuming(url_ + "witryna-9.9.9.tar", tmp_ / "missing.part", 10, options);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().context.find("404"), std::string::npos) << missing.error().context;

  const auto total = std::to_string(data_.size());
  const Answer tail = fetch(port_, own_cert, http::verb::get, "/witryna-1.5.0.tar", "bytes=-10");
  EXPECT_EQ(tail.status, 206u);
  EXPECT_EQ(tail.content_range, "bytes 716790-716799/" + total);
  EXPECT_EQ(tail.body, data_.substr(716790));
  const Answer past =
      fetch(port_, own_cert, http::verb::get, "/witryna-1.5.0.tar", "bytes=" + total + "-");
  EXPECT_EQ(past.status, 416u);
  EXPECT_EQ(past.content_range, "bytes */" + total);
  const Answer backwards =
      fetch(port_, own_cert, http::verb::get, "/witryna-1.5.0.tar", "bytes=9-3");
  EXPECT_EQ(backwards.status, 416u);
  const Answer head = fetch(port_, own_cert, http::verb::head, "/witryna-1.5.0.tar");
  EXPECT_EQ(head.status, 200u);
  EXPECT_EQ(head.content_length, total);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(fetch(port_, own_cert, http::verb::get, "/nothing.tar").status, 404u);
  EXPECT_EQ(fetch(port_, own_cert, http::verb::get, "/../secret.txt").status, 400u);
  EXPECT_EQ(fetch(port_, own_cert, http::verb::get, "/%2e%2e/secret.txt").status, 400u);
  EXPECT_EQ(fetch(port_, own_cert, http::verb::get, "/").status, 400u);
  fs::create_symlink(tmp_ / "secret.txt", dir_ / "link.txt");
  const Answer link = fetch(port_, own_cert, http::verb::get, "/link.txt");
  EXPECT_EQ(link.status, 403u);
  EXPECT_EQ(link.body.find("not for you"), std::string::npos);
  EXPECT_EQ(fetch(port_, own_cert, http::verb::post, "/witryna-1.5.0.tar").status, 405u);
  EXPECT_TRUE(logged("GET /%2e%2e/secret.txt -> 400: bad path: path traversal")) << log();
  EXPECT_TRUE(logged("-> 416: range not satisfiable")) << log();
  EXPECT_TRUE(central_->running()) << log();
}

TEST_F(CentralServesUpdates, BadOptionsAreRefusedClearly) {
  auto no_cert = test::ChildProcess::spawn({WITRYNA_CENTRAL_EXE, "--broker", "tcp://127.0.0.1:1",
                                            "--no-stdin", "--https-dir", dir_.string()},
                                           log_);
  ASSERT_TRUE(no_cert);
  EXPECT_EQ(no_cert->wait_for(20s), 2 << 8) << log();
  EXPECT_TRUE(logged("--https-dir needs --https-cert/--https-key, or --state-dir")) << log();
  auto no_dir = test::ChildProcess::spawn(
      {WITRYNA_CENTRAL_EXE, "--broker", "tcp://127.0.0.1:1", "--no-stdin", "--https-dir",
       (tmp_ / "nowhere").string(), "--state-dir", (tmp_ / "state").string()},
      log_);
  ASSERT_TRUE(no_dir);
  EXPECT_EQ(no_dir->wait_for(20s), 2 << 8) << log();
  EXPECT_TRUE(logged("is not a folder")) << log();
  auto half = test::ChildProcess::spawn(
      {WITRYNA_CENTRAL_EXE, "--broker", "tcp://127.0.0.1:1", "--no-stdin", "--https-dir",
       dir_.string(), "--https-cert", certs_.server().cert.string()},
      log_);
  ASSERT_TRUE(half);
  EXPECT_EQ(half->wait_for(20s), 2 << 8) << log();
  EXPECT_TRUE(logged("--https-cert and --https-key go together")) << log();
  EXPECT_FALSE(fs::exists(url_file_));
}

}  // namespace
}  // namespace update_files_test
}  // namespace witryna::central
