#include "drivers/sim/tcp_source.hpp"

#include <boost/asio/error.hpp>

#include "drivers/posix/errors.hpp"
#include "drivers/scanner.hpp"

namespace witryna::drivers::sim {

using boost::asio::ip::tcp;

TcpSource::TcpSource(boost::asio::io_context& io, std::uint16_t port,
                     std::chrono::milliseconds retry, SourceCallbacks callbacks)
    : io_(io), port_(port), retry_(retry), callbacks_(std::move(callbacks)), retry_timer_(io) {}

TcpSource::~TcpSource() {
  *alive_ = false;
  stop();
}

void TcpSource::start() {
  if (started_) return;
  started_ = true;
  listen();
}

void TcpSource::stop() {
  started_ = false;
  retry_timer_.cancel();
  boost::system::error_code ignored;
  if (acceptor_) acceptor_->close(ignored);
  acceptor_.reset();
  for (auto& [id, client] : clients_)
    client->socket.close(ignored);
  clients_.clear();
}

std::uint16_t TcpSource::local_port() const {
  if (!acceptor_) return 0;
  boost::system::error_code ec;
  const auto endpoint = acceptor_->local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void TcpSource::listen() {
  // Loopback only: anyone who can reach this port can "scan" a card.
  const tcp::endpoint endpoint(boost::asio::ip::address_v4::loopback(), port_);
  boost::system::error_code ec;
  acceptor_.emplace(io_);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(boost::asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor_.reset();
    down(posix::reason_for(ec),
         "cannot listen on 127.0.0.1:" + std::to_string(port_) + ": " + ec.message());
    return;
  }
  callbacks_.on_state(true, reason::kOk, "127.0.0.1:" + std::to_string(local_port()));
  accept();
}

void TcpSource::down(std::string_view reason, std::string detail) {
  callbacks_.on_state(false, reason, std::move(detail));
  retry_timer_.expires_after(retry_);
  retry_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!*alive || ec || !started_ || acceptor_) return;
    listen();
  });
}

void TcpSource::accept() {
  acceptor_->async_accept(
      [this, alive = alive_](const boost::system::error_code& ec, tcp::socket socket) {
        if (!*alive || ec == boost::asio::error::operation_aborted || !acceptor_) return;
        if (ec) {
          // Out of descriptors and the like: listen again later rather than spin.
          boost::system::error_code ignored;
          acceptor_->close(ignored);
          acceptor_.reset();
          down(posix::reason_for(ec),
               "accept on 127.0.0.1:" + std::to_string(port_) + ": " + ec.message());
          return;
        }
        if (clients_.size() >= kMaxClients) {
          boost::system::error_code ignored;
          socket.close(ignored);
        } else {
          const auto id = next_client_++;
          clients_.emplace(id, std::make_unique<Client>(std::move(socket)));
          read(id);
        }
        accept();
      });
}

void TcpSource::read(std::uint64_t client_id) {
  auto& client = *clients_.at(client_id);
  client.socket.async_read_some(
      boost::asio::buffer(client.buffer),
      [this, alive = alive_, client_id](const boost::system::error_code& ec, std::size_t n) {
        if (!*alive) return;
        const auto found = clients_.find(client_id);
        if (found == clients_.end()) return;
        auto& c = *found->second;
        if (ec) {
          if (auto frame = c.framer.finish()) callbacks_.on_frame(std::move(*frame));
          clients_.erase(found);
          return;
        }
        for (auto& frame : c.framer.feed(std::string_view(c.buffer.data(), n))) {
          callbacks_.on_frame(std::move(frame));
        }
        read(client_id);
      });
}

}  // namespace witryna::drivers::sim
