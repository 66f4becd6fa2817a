#include "tools/https_files/file_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>

#include "tools/https_files/byte_range.hpp"
#include "tools/https_files/url_path.hpp"

namespace witryna::https_files {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;

namespace {
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kHistory = 1000;
}  // namespace

struct HttpsFileServer::Shared {
  explicit Shared(asio::io_context& io) : acceptor(io) {}
  asio::ssl::context tls{asio::ssl::context::tls_server};
  tcp::acceptor acceptor;
  ServerOptions options;
  fs::path canonical_root;
  OnServed on_served;
  mutable std::mutex mutex;
  std::map<std::string, std::shared_ptr<const std::string>> files;
  std::deque<Served> history;
  std::int64_t cut_after = -1;
  bool ignore_range = false;

  void record(const Served& served) {
    {
      const std::lock_guard lock(mutex);
      history.push_back(served);
      if (history.size() > kHistory) history.pop_front();
    }
    if (on_served) on_served(served);
  }
};

namespace {

using Shared = HttpsFileServer::Shared;

std::string status_line(unsigned status) {
  const auto reason = http::obsolete_reason(http::int_to_status(status));
  return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason.data(), reason.size()) +
         "\r\n";
}

// One connection, one request: handshake, read, answer (in chunks), close.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<Shared> shared)
      : shared_(std::move(shared)), stream_(std::move(socket), shared_->tls) {
    boost::system::error_code ec;
    const auto peer = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    if (!ec) served_.peer = peer.address().to_string() + ":" + std::to_string(peer.port());
  }

  void run() {
    arm_timer();
    stream_.async_handshake(asio::ssl::stream_base::server,
                            [self = shared_from_this()](const beast::error_code& ec) {
                              if (ec) return self->broken("TLS handshake: " + ec.message());
                              self->read_request();
                            });
  }

 private:
  void arm_timer() { beast::get_lowest_layer(stream_).expires_after(shared_->options.io_timeout); }

  void read_request() {
    arm_timer();
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
                       if (ec) return self->broken("reading the request: " + ec.message());
                       self->answer();
                     });
  }

  void answer() {
    served_.method = std::string(request_.method_string());
    served_.target = std::string(request_.target());
    const auto range = request_[http::field::range];
    served_.range = std::string(range.data(), range.size());
    head_only_ = request_.method() == http::verb::head;
    if (request_.method() != http::verb::get && !head_only_)
      return refuse(405, "only GET and HEAD are served", "Allow: GET, HEAD\r\n");
    auto relative = safe_relative_path(served_.target);
    if (!relative) return refuse(400, "bad path: " + relative.error().context);

    bool ignore_range = false;
    {
      const std::lock_guard lock(shared_->mutex);
      const auto it = shared_->files.find("/" + relative->generic_string());
      if (it != shared_->files.end()) memory_ = it->second;
      ignore_range = shared_->ignore_range;
    }
    std::int64_t size = 0;
    if (memory_) {
      size = static_cast<std::int64_t>(memory_->size());
    } else {
      if (shared_->canonical_root.empty()) return refuse(404, "no such file");
      std::error_code ec;
      const auto file = fs::canonical(shared_->canonical_root / *relative, ec);
      if (ec) return refuse(404, "no such file");
      const auto inside = file.lexically_relative(shared_->canonical_root);
      if (inside.empty() || *inside.begin() == "..")
        return refuse(403, "a link leading out of the served folder");
      if (!fs::is_regular_file(file, ec)) return refuse(404, "not a file");
      size = static_cast<std::int64_t>(fs::file_size(file, ec));
      if (ec) return refuse(403, "cannot read the file: " + ec.message());
      file_.open(file, std::ios::binary);
      if (!file_) return refuse(403, "cannot open the file");
    }
    served_.size = size;

    const RangeDecision decision = ignore_range ? RangeDecision{RangeKind::kWhole, 0, size - 1}
                                                : decide_range(served_.range, size);
    if (decision.kind == RangeKind::kUnsatisfiable) {
      return refuse(416, "range not satisfiable",
                    "Content-Range: bytes */" + std::to_string(size) + "\r\n");
    }
    const bool partial = decision.kind == RangeKind::kPartial;
    served_.status = partial ? 206 : 200;
    served_.first = decision.first;
    served_.last = decision.last;
    const std::int64_t length = decision.last - decision.first + 1;
    head_ = status_line(served_.status) + "Content-Type: application/octet-stream\r\n" +
            "Accept-Ranges: bytes\r\nContent-Length: " + std::to_string(length) + "\r\n";
    if (partial) {
      head_ += "Content-Range: bytes " + std::to_string(decision.first) + "-" +
               std::to_string(decision.last) + "/" + std::to_string(size) + "\r\n";
    }
    head_ += "Connection: close\r\n\r\n";
    offset_ = decision.first;
    remaining_ = head_only_ ? 0 : length;
    if (file_ && remaining_ > 0) file_.seekg(offset_);
    if (remaining_ > 0) {
      const std::lock_guard lock(shared_->mutex);
      cut_after_ = shared_->cut_after;
      shared_->cut_after = -1;
    }
    write_head();
  }

  void refuse(unsigned status, const std::string& why, const std::string& extra = {}) {
    served_.status = status;
    served_.error = why;
    body_ = head_only_ ? std::string() : why + "\n";
    head_ = status_line(status) + extra +
            "Content-Type: text/plain\r\nContent-Length: " + std::to_string(why.size() + 1) +
            "\r\nConnection: close\r\n\r\n";
    memory_.reset();
    write_head();
  }

  void write_head() {
    arm_timer();
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::buffer(body_)};
    asio::async_write(stream_, buffers,
                      [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
                        if (ec) return self->broken("writing: " + ec.message());
                        self->send_more();
                      });
  }

  void send_more() {
    if (remaining_ == 0) return finish();
    auto n = std::min<std::int64_t>(remaining_, static_cast<std::int64_t>(kChunk));
    if (cut_after_ >= 0) {
      const std::int64_t left = cut_after_ - served_.sent;
      if (left <= 0) return cut();
      n = std::min(n, left);
    }
    asio::const_buffer buffer;
    if (memory_) {
      buffer = asio::buffer(memory_->data() + offset_, static_cast<std::size_t>(n));
    } else {
      chunk_.resize(static_cast<std::size_t>(n));
      file_.read(chunk_.data(), n);
      if (file_.gcount() != n) return broken("the file got shorter while being sent");
      buffer = asio::buffer(chunk_);
    }
    arm_timer();
    asio::async_write(stream_, buffer,
                      [self = shared_from_this()](const beast::error_code& ec, std::size_t wrote) {
                        const auto w = static_cast<std::int64_t>(wrote);
                        self->served_.sent += w;
                        self->offset_ += w;
                        self->remaining_ -= w;
                        if (ec) return self->broken("writing: " + ec.message());
                        self->send_more();
                      });
  }

  // A lost link: the TCP connection goes without a TLS close_notify.
  void cut() {
    served_.cut = true;
    shared_->record(served_);
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().close(ec);
  }

  void finish() {
    shared_->record(served_);
    arm_timer();
    stream_.async_shutdown([self = shared_from_this()](const beast::error_code&) {
      beast::error_code ec;
      beast::get_lowest_layer(self->stream_).socket().close(ec);
    });
  }

  void broken(const std::string& why) {
    if (served_.error.empty()) served_.error = why;
    shared_->record(served_);
    beast::error_code ec;
    beast::get_lowest_layer(stream_).socket().close(ec);
  }

  std::shared_ptr<Shared> shared_;
  beast::ssl_stream<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
  http::request<http::empty_body> request_;
  Served served_;
  bool head_only_ = false;
  std::string head_;
  std::string body_;
  std::shared_ptr<const std::string> memory_;
  std::ifstream file_;
  std::vector<char> chunk_;
  std::int64_t offset_ = 0;
  std::int64_t remaining_ = 0;
  std::int64_t cut_after_ = -1;
};

void accept_next(const std::shared_ptr<Shared>& shared) {
  shared->acceptor.async_accept([shared](const boost::system::error_code& ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !shared->acceptor.is_open()) return;
    if (!ec) std::make_shared<Session>(std::move(socket), shared)->run();
    accept_next(shared);
  });
}

}  // namespace

std::string to_string(const Served& served) {
  std::string line = (served.method.empty() ? std::string("-") : served.method) + " " +
                     (served.target.empty() ? std::string("-") : served.target);
  if (!served.range.empty()) line += " range \"" + served.range + "\"";
  line += " -> " + (served.status == 0 ? std::string("no answer") : std::to_string(served.status));
  if (served.status == 200 || served.status == 206) {
    line += " bytes " + std::to_string(served.first) + "-" + std::to_string(served.last) + "/" +
            std::to_string(served.size) + ", " + std::to_string(served.sent) + " sent";
  }
  if (served.cut) line += " (link cut on purpose)";
  if (!served.error.empty()) line += ": " + served.error;
  if (!served.peer.empty()) line += " [" + served.peer + "]";
  return line;
}

Result<std::unique_ptr<HttpsFileServer>> HttpsFileServer::start(asio::io_context& io,
                                                                ServerOptions options,
                                                                OnServed on_served) {
  auto shared = std::make_shared<Shared>(io);
  shared->on_served = std::move(on_served);
  try {
    shared->tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                            asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                            asio::ssl::context::no_tlsv1_1);
    shared->tls.use_certificate_chain_file(options.cert_file.string());
    shared->tls.use_private_key_file(options.key_file.string(), asio::ssl::context::pem);
  } catch (const boost::system::system_error& e) {
    return fail(std::string(errc::kConfig), "HTTPS certificate " + options.cert_file.string() +
                                                " / key " + options.key_file.string() + ": " +
                                                e.what());
  }
  if (!options.root.empty()) {
    std::error_code ec;
    shared->canonical_root = fs::canonical(options.root, ec);
    if (ec || !fs::is_directory(shared->canonical_root, ec))
      return fail(std::string(errc::kConfig), "cannot serve " + options.root.string() +
                                                  ": not a folder" +
                                                  (ec ? " (" + ec.message() + ")" : ""));
  }
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return fail(std::string(errc::kConfig), "bad address " + options.address);
  const tcp::endpoint endpoint(address, options.port);
  if (!ec) shared->acceptor.open(endpoint.protocol(), ec);
  if (!ec) shared->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) shared->acceptor.bind(endpoint, ec);
  if (!ec) shared->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return fail(std::string(errc::kIo), "cannot listen on " + options.address + ":" +
                                            std::to_string(options.port) + ": " + ec.message());
  }
  const auto port = shared->acceptor.local_endpoint().port();
  shared->options = std::move(options);
  accept_next(shared);
  return std::make_unique<HttpsFileServer>(Key{}, std::move(shared), port);
}

HttpsFileServer::HttpsFileServer(Key, std::shared_ptr<Shared> shared, std::uint16_t port)
    : shared_(std::move(shared)), port_(port) {}

HttpsFileServer::~HttpsFileServer() {
  stop();
}

void HttpsFileServer::stop() {
  boost::system::error_code ec;
  shared_->acceptor.close(ec);
}

void HttpsFileServer::put(const std::string& path, std::string content) {
  const std::lock_guard lock(shared_->mutex);
  shared_->files[path] = std::make_shared<const std::string>(std::move(content));
}

void HttpsFileServer::cut_next_after(std::int64_t bytes) {
  const std::lock_guard lock(shared_->mutex);
  shared_->cut_after = bytes;
}

void HttpsFileServer::ignore_range(bool ignore) {
  const std::lock_guard lock(shared_->mutex);
  shared_->ignore_range = ignore;
}

std::string HttpsFileServer::url(const std::string& path) const {
  return "https://localhost:" + std::to_string(port_) + path;
}

std::vector<Served> HttpsFileServer::served() const {
  const std::lock_guard lock(shared_->mutex);
  return {shared_->history.begin(), shared_->history.end()};
}

}  // namespace witryna::https_files
