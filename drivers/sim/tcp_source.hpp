#pragma once

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "drivers/line_framer.hpp"
#include "drivers/sim/source.hpp"

namespace witryna::drivers::sim {

// Lines sent to a TCP port on 127.0.0.1 only, one scan each; several clients
// at once, each framed on its own. A client that closes mid-line has the line
// dropped (kIncomplete). A port that cannot be bound is tried again every `retry`.
class TcpSource {
 public:
  // At most this many clients at once; more are closed on accept.
  static constexpr std::size_t kMaxClients = 32;

  TcpSource(boost::asio::io_context& io, std::uint16_t port, std::chrono::milliseconds retry,
            SourceCallbacks callbacks);
  ~TcpSource();
  TcpSource(const TcpSource&) = delete;
  TcpSource& operator=(const TcpSource&) = delete;

  void start();
  void stop();
  [[nodiscard]] bool up() const { return acceptor_.has_value(); }
  // The port actually listened on (the chosen one when constructed with 0), or 0.
  [[nodiscard]] std::uint16_t local_port() const;

 private:
  struct Client {
    explicit Client(boost::asio::ip::tcp::socket s) : socket(std::move(s)) {}
    boost::asio::ip::tcp::socket socket;
    LineFramer framer;
    std::array<char, 1024> buffer{};
  };

  void listen();
  void accept();
  void read(std::uint64_t client_id);
  void down(std::string_view reason, std::string detail);

  boost::asio::io_context& io_;
  std::uint16_t port_;
  std::chrono::milliseconds retry_;
  SourceCallbacks callbacks_;
  std::optional<boost::asio::ip::tcp::acceptor> acceptor_;
  std::map<std::uint64_t, std::unique_ptr<Client>> clients_;
  std::uint64_t next_client_ = 0;
  boost::asio::steady_timer retry_timer_;
  bool started_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers::sim
