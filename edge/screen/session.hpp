#pragma once

#include <array>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "edge/core/view/view_text.hpp"
#include "edge/screen/line_splitter.hpp"
#include "edge/screen/protocol.hpp"

namespace witryna::screen {

// What a session needs from the server that owns it.
class SessionOwner {
 public:
  virtual ~SessionOwner() = default;
  // Returns false to refuse the screen (e.g. the handler said no).
  virtual Result<void> attach(const std::shared_ptr<class Session>& session,
                              const Hello& hello) = 0;
  virtual void message(const std::shared_ptr<Session>& session, ScreenMessage message) = 0;
  virtual void closed(const std::shared_ptr<Session>& session) = 0;
  virtual void protocol_error(const std::string& code) = 0;
};

// One screen connection: reads newline-delimited JSON, writes results,
// errors, requests and views. A screen that does not read never grows the
// edge's memory or blocks anyone: only its newest view is kept, and a screen
// that lets too many replies pile up is disconnected. io_context thread only.
class Session : public std::enable_shared_from_this<Session> {
 public:
  static constexpr std::size_t kMaxQueuedReplies = 256;

  virtual ~Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start();
  void send_line(std::string line);
  // Replaces any view still waiting to be written; `rev` is assigned when it
  // is actually written, so the screen sees consecutive revs.
  void send_view(nlohmann::json view, std::function<std::int64_t()> next_rev);
  // The same for a view already written as text (core::view_text).
  void send_view(core::ViewText view, std::function<std::int64_t()> next_rev);
  void close();

  [[nodiscard]] const std::optional<Hello>& hello() const { return hello_; }
  [[nodiscard]] bool closed() const { return closed_; }
  // A read is posted and its handler has not run: bytes on the socket will
  // be read by the io_context soon (ScreenServer::input_waiting).
  [[nodiscard]] bool reading() const { return reading_; }
  // The file descriptor under the transport (TLS: its TCP socket), or -1.
  [[nodiscard]] virtual int native_handle() = 0;

 protected:
  explicit Session(SessionOwner& owner) : owner_(owner), splitter_(kMaxLineBytes) {}

  using ReadHandler = std::function<void(boost::system::error_code, std::size_t)>;
  using WriteHandler = std::function<void(boost::system::error_code, std::size_t)>;
  virtual void handshake(std::function<void(boost::system::error_code)> done) = 0;
  virtual void async_read(boost::asio::mutable_buffer buffer, ReadHandler handler) = 0;
  virtual void async_write(boost::asio::const_buffer buffer, WriteHandler handler) = 0;
  virtual void shutdown_transport() = 0;

 private:
  void do_read();
  void on_line(const LineSplitter::Piece& piece);
  void on_protocol_error(const Error& error, const nlohmann::json& id);
  void do_write();

  SessionOwner& owner_;
  LineSplitter splitter_;
  std::array<char, 16 * 1024> read_buffer_{};
  std::optional<Hello> hello_;
  int errors_in_a_row_ = 0;
  bool closed_ = false;
  bool closing_after_write_ = false;
  bool reading_ = false;

  std::deque<std::string> replies_;
  std::optional<std::variant<nlohmann::json, core::ViewText>> pending_view_;
  std::function<std::int64_t()> pending_rev_;
  std::string writing_;
  bool write_in_progress_ = false;
};

template <typename T>
struct IsSslStream : std::false_type {};
template <typename T>
struct IsSslStream<boost::asio::ssl::stream<T>> : std::true_type {};

// A Session over any Asio stream (Unix socket, TLS over TCP).
template <typename Stream>
class StreamSession final : public Session {
  struct PrivateTag {};

 public:
  template <typename... Args>
  static std::shared_ptr<StreamSession> create(SessionOwner& owner, Args&&... args) {
    return std::make_shared<StreamSession>(PrivateTag{}, owner, std::forward<Args>(args)...);
  }

  template <typename... Args>
  StreamSession(PrivateTag, SessionOwner& owner, Args&&... args)
      : Session(owner), stream_(std::forward<Args>(args)...) {}

  Stream& stream() { return stream_; }

  int native_handle() override {
    if constexpr (IsSslStream<Stream>::value) {
      return stream_.lowest_layer().is_open() ? stream_.lowest_layer().native_handle() : -1;
    } else {
      return stream_.is_open() ? stream_.native_handle() : -1;
    }
  }

 private:
  void handshake(std::function<void(boost::system::error_code)> done) override {
    if constexpr (IsSslStream<Stream>::value) {
      stream_.async_handshake(boost::asio::ssl::stream_base::server, std::move(done));
    } else {
      done({});
    }
  }
  void async_read(boost::asio::mutable_buffer buffer, ReadHandler handler) override {
    stream_.async_read_some(buffer, std::move(handler));
  }
  void async_write(boost::asio::const_buffer buffer, WriteHandler handler) override {
    boost::asio::async_write(stream_, buffer, std::move(handler));
  }
  void shutdown_transport() override {
    boost::system::error_code ignored;
    if constexpr (IsSslStream<Stream>::value) {
      stream_.lowest_layer().shutdown(boost::asio::socket_base::shutdown_both, ignored);
      stream_.lowest_layer().close(ignored);
    } else {
      stream_.shutdown(boost::asio::socket_base::shutdown_both, ignored);
      stream_.close(ignored);
    }
  }

  Stream stream_;
};

}  // namespace witryna::screen
