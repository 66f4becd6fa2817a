#include "tools/central/control_io.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <cstdio>
#include <fstream>
#include <istream>

namespace witryna::central {

namespace {

std::string take_line(boost::asio::streambuf& buffer, std::size_t n) {
  std::string line(boost::asio::buffers_begin(buffer.data()),
                   boost::asio::buffers_begin(buffer.data()) + static_cast<std::ptrdiff_t>(n));
  buffer.consume(n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.pop_back();
  return line;
}

// One control connection: reads lines until the peer closes.
class SocketSession : public std::enable_shared_from_this<SocketSession> {
 public:
  SocketSession(boost::asio::local::stream_protocol::socket socket, LineHandler& handler)
      : socket_(std::move(socket)), handler_(handler) {}

  void read() {
    auto self = shared_from_this();
    boost::asio::async_read_until(
        socket_, buffer_, '\n', [self](const boost::system::error_code& ec, std::size_t n) {
          if (ec) return;
          const std::string line = take_line(self->buffer_, n);
          auto reply = std::make_shared<std::string>(self->handler_(line).to_json().dump() + "\n");
          boost::asio::async_write(
              self->socket_, boost::asio::buffer(*reply),
              [self, reply](const boost::system::error_code& wec, std::size_t) {
                if (!wec) self->read();
              });
        });
  }

 private:
  boost::asio::local::stream_protocol::socket socket_;
  boost::asio::streambuf buffer_;
  LineHandler& handler_;
};

}  // namespace

StdinControl::StdinControl(boost::asio::io_context& io, LineHandler handler)
    : in_(io), handler_(std::move(handler)) {}

void StdinControl::start() {
  boost::system::error_code ec;
  in_.assign(::dup(STDIN_FILENO), ec);
  if (ec) return;
  read();
}

void StdinControl::read() {
  boost::asio::async_read_until(
      in_, buffer_, '\n', [this](const boost::system::error_code& ec, std::size_t n) {
        if (ec) return;  // end of input: no more commands from here
        const Reply reply = handler_(take_line(buffer_, n));
        if (!reply.text.empty()) {
          std::printf("%s%s\n", reply.ok ? "" : "error: ", reply.text.c_str());
          std::fflush(stdout);
        }
        read();
      });
}

SocketControl::SocketControl(boost::asio::io_context& io, LineHandler handler)
    : io_(io), acceptor_(io), handler_(std::move(handler)) {}

SocketControl::~SocketControl() {
  boost::system::error_code ec;
  acceptor_.close(ec);
  std::error_code fec;
  if (!path_.empty()) std::filesystem::remove(path_, fec);
}

Result<void> SocketControl::listen(const std::filesystem::path& path) {
  std::error_code fec;
  std::filesystem::remove(path, fec);
  boost::system::error_code ec;
  acceptor_.open(boost::asio::local::stream_protocol(), ec);
  if (!ec) acceptor_.bind(boost::asio::local::stream_protocol::endpoint(path.string()), ec);
  if (!ec) acceptor_.listen(8, ec);
  if (ec) {
    return fail(std::string(errc::kIo), "control socket " + path.string() + ": " + ec.message());
  }
  ::chmod(path.c_str(), 0600);
  path_ = path;
  accept();
  return {};
}

void SocketControl::accept() {
  acceptor_.async_accept([this](const boost::system::error_code& ec,
                                boost::asio::local::stream_protocol::socket socket) {
    if (ec == boost::asio::error::operation_aborted) return;
    if (!ec) std::make_shared<SocketSession>(std::move(socket), handler_)->read();
    accept();
  });
}

ScriptControl::ScriptControl(boost::asio::io_context& io, LineHandler handler,
                             std::function<void()> done)
    : timer_(io), handler_(std::move(handler)), done_(std::move(done)) {}

Result<void> ScriptControl::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return fail(std::string(errc::kIo), "cannot read script " + path.string());
  std::string line;
  while (std::getline(in, line))
    lines_.push_back(line);
  // Every line is checked before any runs: a typo on line 40 must not stop a demo halfway.
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (auto parsed = parse_control_line(lines_[i]); !parsed) {
      return fail(parsed.error().code,
                  path.string() + ":" + std::to_string(i + 1) + ": " + parsed.error().context);
    }
  }
  return {};
}

void ScriptControl::start() {
  step();
}

void ScriptControl::step() {
  while (next_ < lines_.size()) {
    const std::string line = lines_[next_++];
    auto parsed = parse_control_line(line);
    if (parsed && parsed->op == "sleep") {
      timer_.expires_after(std::chrono::milliseconds(std::stoll(parsed->args[0])));
      timer_.async_wait([this](const boost::system::error_code& ec) {
        if (!ec) step();
      });
      return;
    }
    const Reply reply = handler_(line);
    if (!reply.ok) {
      std::fprintf(stderr, "witryna-central: script: %s\n", reply.text.c_str());
    } else if (!reply.text.empty()) {
      std::printf("%s\n", reply.text.c_str());
      std::fflush(stdout);
    }
  }
  if (done_) done_();
}

}  // namespace witryna::central
