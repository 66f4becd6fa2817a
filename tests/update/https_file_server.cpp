#include "tests/update/https_file_server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace witryna::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct HttpsFileServer::Impl {
  asio::io_context io;
  asio::ssl::context tls{asio::ssl::context::tls_server};
  asio::ip::tcp::acceptor acceptor{io};
};

HttpsFileServer::HttpsFileServer(const std::filesystem::path& cert,
                                 const std::filesystem::path& key)
    : impl_(std::make_unique<Impl>()) {
  impl_->tls.use_certificate_chain_file(cert.string());
  impl_->tls.use_private_key_file(key.string(), asio::ssl::context::pem);
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  thread_ = std::thread([this] { serve(); });
}

HttpsFileServer::~HttpsFileServer() {
  stopping_ = true;
  // Wake the blocking accept with a connection of our own.
  boost::system::error_code ec;
  asio::io_context io;
  asio::ip::tcp::socket poke(io);
  poke.connect({asio::ip::make_address("127.0.0.1"), port_}, ec);
  thread_.join();
}

void HttpsFileServer::put(const std::string& path, std::string content) {
  const std::lock_guard lock(mutex_);
  files_[path] = std::move(content);
}

void HttpsFileServer::cut_next_after(std::int64_t bytes) {
  const std::lock_guard lock(mutex_);
  cut_after_ = bytes;
}

void HttpsFileServer::ignore_range(bool ignore) {
  const std::lock_guard lock(mutex_);
  ignore_range_ = ignore;
}

std::string HttpsFileServer::url(const std::string& path) const {
  return "https://localhost:" + std::to_string(port_) + path;
}

std::vector<std::string> HttpsFileServer::ranges() const {
  const std::lock_guard lock(mutex_);
  return ranges_;
}

void HttpsFileServer::serve() {
  while (!stopping_) {
    asio::ip::tcp::socket socket(impl_->io);
    boost::system::error_code ec;
    impl_->acceptor.accept(socket, ec);
    if (ec || stopping_) continue;
    beast::ssl_stream<asio::ip::tcp::socket> stream(std::move(socket), impl_->tls);
    stream.handshake(asio::ssl::stream_base::server, ec);
    if (ec) continue;
    beast::flat_buffer buffer;
    http::request<http::empty_body> request;
    http::read(stream, buffer, request, ec);
    if (ec) continue;

    std::string body;
    std::string head;
    std::int64_t cut = -1;
    {
      const std::lock_guard lock(mutex_);
      const auto range = request[http::field::range];
      ranges_.emplace_back(range.data(), range.size());
      const auto it = files_.find(std::string(request.target()));
      if (it == files_.end()) {
        head = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      } else {
        std::int64_t from = 0;
        const std::string r(range.data(), range.size());
        if (!ignore_range_ && r.rfind("bytes=", 0) == 0) from = std::stoll(r.substr(6));
        const auto total = static_cast<std::int64_t>(it->second.size());
        if (from >= total && from > 0) {
          head = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" +
                 std::to_string(total) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else {
          body = it->second.substr(static_cast<std::size_t>(from));
          head = from > 0 ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " +
                                std::to_string(from) + "-" + std::to_string(total - 1) + "/" +
                                std::to_string(total) + "\r\n"
                          : "HTTP/1.1 200 OK\r\n";
          head +=
              "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
        }
      }
      cut = cut_after_;
      cut_after_ = -1;
    }
    if (cut >= 0 && cut < static_cast<std::int64_t>(body.size()))
      body.resize(static_cast<std::size_t>(cut));
    asio::write(stream, asio::buffer(head), ec);
    if (!ec && !body.empty()) asio::write(stream, asio::buffer(body), ec);
    // A cut link: close the TCP connection without a TLS close_notify.
    if (cut < 0) stream.shutdown(ec);
    stream.next_layer().close(ec);
  }
}

}  // namespace witryna::test
