#include "edge/update/https_download.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>

#include "edge/core/update/manifest.hpp"
#include "edge/service/unique_fd.hpp"
#include "edge/update/durable_fs.hpp"

namespace witryna::update {

namespace fs = std::filesystem;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

Unexpected download_error(std::string why) {
  return fail(std::string(core::update_error::kDownload), std::move(why));
}

fs::path progress_file(const fs::path& part) {
  return fs::path(part.string() + ".progress");
}

Result<void> record_progress(const fs::path& part, std::int64_t have) {
  return write_file_atomically(progress_file(part), std::to_string(have));
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const auto n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// "bytes START-END/TOTAL" → START, or -1.
std::int64_t content_range_start(std::string_view value) {
  if (!value.starts_with("bytes ")) return -1;
  value.remove_prefix(6);
  std::int64_t start = -1;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), start);
  if (ec != std::errc{} || end == value.data() + value.size() || *end != '-') return -1;
  return start;
}

}  // namespace

Result<HttpsUrl> parse_https_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (!url.starts_with(kScheme))
    return fail(std::string(errc::kInvalidValue), "not an https:// URL");
  url.remove_prefix(kScheme.size());
  HttpsUrl out;
  const auto slash = url.find('/');
  auto authority = url.substr(0, slash);
  out.target = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  if (authority.find('@') != std::string_view::npos)
    return fail(std::string(errc::kInvalidValue), "user info in the URL is not accepted");
  if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    out.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    int port = 0;
    const auto [end, ec] =
        std::from_chars(out.port.data(), out.port.data() + out.port.size(), port);
    if (ec != std::errc{} || end != out.port.data() + out.port.size() || port < 1 || port > 65535)
      return fail(std::string(errc::kInvalidValue), "bad port in the URL");
  }
  if (authority.empty()) return fail(std::string(errc::kInvalidValue), "no host in the URL");
  out.host = std::string(authority);
  return out;
}

std::int64_t durable_bytes(const fs::path& part) {
  auto text = read_small_file(progress_file(part));
  if (!text) return 0;
  std::int64_t have = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), have);
  if (ec != std::errc{} || have < 0) return 0;
  (void)end;
  return have;
}

Result<void> download_resuming(const std::string& url, const fs::path& part, std::int64_t size,
                               const DownloadOptions& options, const DownloadProgress& progress) {
  auto parsed = parse_https_url(url);
  if (!parsed) return download_error(parsed.error().context);

  // Only what was fsync'd counts: after a power cut the tail may be garbage.
  std::int64_t have = std::min(durable_bytes(part), size);
  const service::UniqueFd file(::open(part.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
  if (file.get() < 0) return download_error("open " + part.string() + ": " + std::strerror(errno));
  if (::ftruncate(file.get(), have) != 0 || ::lseek(file.get(), have, SEEK_SET) != have)
    return download_error("truncate " + part.string() + ": " + std::strerror(errno));
  if (have == size) return {};

  try {
    asio::io_context io;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_options(asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                    asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3);
    if (options.ca_file.empty()) {
      tls.set_default_verify_paths();
    } else {
      tls.load_verify_file(options.ca_file.string());
    }
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    stream.set_verify_callback(asio::ssl::host_name_verification(parsed->host));
    if (SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(parsed->host.c_str())) != 1)
      return download_error("TLS SNI setup failed");

    beast::error_code ec;
    std::int64_t unsynced = 0;
    bool restarted = false;
    const auto done = [&](beast::error_code e) { ec = e; };
    const auto run = [&](std::string_view what) -> Result<void> {
      io.restart();
      io.run();
      if (ec) return download_error(std::string(what) + ": " + ec.message());
      return {};
    };

    asio::ip::tcp::resolver resolver(io);
    asio::ip::tcp::resolver::results_type endpoints;
    resolver.async_resolve(parsed->host, parsed->port,
                           [&](beast::error_code e, asio::ip::tcp::resolver::results_type r) {
                             ec = e;
                             endpoints = std::move(r);
                           });
    if (auto ok = run("resolve " + parsed->host); !ok) return ok;
    beast::get_lowest_layer(stream).expires_after(options.io_timeout);
    beast::get_lowest_layer(stream).async_connect(
        endpoints, [&](beast::error_code e, const asio::ip::tcp::endpoint&) { ec = e; });
    if (auto ok = run("connect " + parsed->host); !ok) return ok;
    beast::get_lowest_layer(stream).expires_after(options.io_timeout);
    stream.async_handshake(asio::ssl::stream_base::client, done);
    if (auto ok = run("TLS handshake with " + parsed->host); !ok) return ok;

    http::request<http::empty_body> request{http::verb::get, parsed->target, 11};
    request.set(http::field::host, parsed->host);
    request.set(http::field::user_agent, "witryna-updater/" WITRYNA_VERSION);
    if (have > 0) request.set(http::field::range, "bytes=" + std::to_string(have) + "-");
    beast::get_lowest_layer(stream).expires_after(options.io_timeout);
    http::async_write(stream, request, [&](beast::error_code e, std::size_t) { ec = e; });
    if (auto ok = run("send request"); !ok) return ok;

    beast::flat_buffer buffer;
    http::response_parser<http::buffer_body> parser;
    // Checked against the manifest's size below. (Not boost::none: Beast 1.74
    // compares the Content-Length with the optional itself, and any value > none.)
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::get_lowest_layer(stream).expires_after(options.io_timeout);
    http::async_read_header(stream, buffer, parser,
                            [&](beast::error_code e, std::size_t) { ec = e; });
    if (auto ok = run("read response"); !ok) return ok;

    const auto status = parser.get().result();
    if (status == http::status::range_not_satisfiable) {
      return fail(std::string(core::update_error::kSizeMismatch),
                  "the server has fewer bytes than the manifest's size");
    }
    if (status == http::status::partial_content) {
      const auto range = parser.get()[http::field::content_range];
      if (content_range_start(std::string_view(range.data(), range.size())) != have)
        return download_error("the server answered another range than asked");
    } else if (status == http::status::ok) {
      if (have > 0) {  // Range ignored: start over
        restarted = true;
        have = 0;
        if (::ftruncate(file.get(), 0) != 0 || ::lseek(file.get(), 0, SEEK_SET) != 0)
          return download_error("truncate " + part.string() + ": " + std::strerror(errno));
      }
    } else {
      return download_error("HTTP " + std::to_string(static_cast<unsigned>(status)) + " for " +
                            parsed->host + parsed->target);
    }
    (void)restarted;
    if (const auto length = parser.content_length();
        length && have + static_cast<std::int64_t>(*length) != size) {
      ::unlink(part.c_str());
      (void)record_progress(part, 0);
      return fail(std::string(core::update_error::kSizeMismatch),
                  "the server has " + std::to_string(have + static_cast<std::int64_t>(*length)) +
                      " bytes, the manifest says " + std::to_string(size));
    }

    std::array<char, 64 * 1024> chunk{};
    while (!parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      beast::get_lowest_layer(stream).expires_after(options.io_timeout);
      http::async_read_some(stream, buffer, parser,
                            [&](beast::error_code e, std::size_t) { ec = e; });
      io.restart();
      io.run();
      if (ec == http::error::need_buffer) ec = {};
      const auto got = chunk.size() - parser.get().body().size;
      if (got > 0) {
        if (have + static_cast<std::int64_t>(got) > size) {
          ::unlink(part.c_str());
          (void)record_progress(part, 0);
          return fail(std::string(core::update_error::kSizeMismatch),
                      "the server sends more bytes than the manifest's size");
        }
        if (!write_all(file.get(), chunk.data(), got))
          return download_error("write " + part.string() + ": " + std::strerror(errno));
        have += static_cast<std::int64_t>(got);
        unsynced += static_cast<std::int64_t>(got);
      }
      if (unsynced >= options.sync_every_bytes || (ec && unsynced > 0) ||
          (parser.is_done() && unsynced > 0)) {
        if (::fdatasync(file.get()) != 0)
          return download_error("fsync " + part.string() + ": " + std::strerror(errno));
        if (auto recorded = record_progress(part, have); !recorded)
          return download_error(recorded.error().context);
        unsynced = 0;
        if (progress) progress(have);
      }
      if (ec)
        return download_error("link lost after " + std::to_string(have) +
                              " bytes: " + ec.message());
    }
    if (have != size) {
      return fail(std::string(core::update_error::kSizeMismatch),
                  "the server sent " + std::to_string(have) + " bytes, the manifest says " +
                      std::to_string(size));
    }
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(asio::ip::tcp::socket::shutdown_both,
                                                      ignored);
    return {};
  } catch (const std::exception& e) {
    return download_error(std::string("TLS setup: ") + e.what());
  }
}

}  // namespace witryna::update
