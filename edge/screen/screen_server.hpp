#pragma once

#include <poll.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/screen/screen_handler.hpp"
#include "edge/screen/session.hpp"

namespace witryna::screen {

struct ScreenTlsOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 0;  // 0: pick a free port (tests)
  std::filesystem::path certificate;
  std::filesystem::path private_key;
  std::filesystem::path client_ca;  // the store's screen CA: only screens it signed get in
};

struct ScreenServerOptions {
  std::filesystem::path unix_path = "/run/witryna/screen.sock";
  std::string unix_group = "witryna";  // empty or unknown group: keep the process's group
  std::optional<ScreenTlsOptions> tls;
};

struct ScreenServerStats {
  std::uint64_t connections = 0;
  std::uint64_t protocol_errors = 0;
};

// Serves the screen protocol (screen-api.md) to every attached screen and
// routes what they say to a ScreenHandler. Lives on one io_context; every
// method must be called on that io_context's thread.
class ScreenServer final : private SessionOwner {
 public:
  ScreenServer(boost::asio::io_context& io, ScreenHandler& handler);
  ~ScreenServer() override;
  ScreenServer(const ScreenServer&) = delete;
  ScreenServer& operator=(const ScreenServer&) = delete;

  // Binds the listeners. Fails with errc::kIo and a message a field engineer
  // understands (path, permission, port) when it cannot.
  [[nodiscard]] Result<void> start(const ScreenServerOptions& options);
  // Closes listeners and every screen connection.
  void stop();

  // Sends `view` to the screen (no-op when it is not attached). `rev` and
  // `screen` are filled in here; only the newest unsent view is kept.
  void push_view(const std::string& screen, nlohmann::json view);
  // The same for a view already written as text (core::view_text).
  void push_view(const std::string& screen, core::ViewText view);
  // Asks the screen for a PNG of what it shows; its answer reaches
  // ScreenHandler::on_screenshot. Fails with "not_found" when not attached.
  [[nodiscard]] Result<void> request_screenshot(const std::string& screen,
                                                const std::string& request_id);

  // Whether a screen has sent bytes the io_context has not read yet: one
  // zero-timeout poll(2) over the connections with a read posted. Long work
  // on the loop (applying a snapshot) asks every few items and ends its step
  // early, so a scan waits for a few items, not a whole time slice.
  [[nodiscard]] bool input_waiting() const;

  [[nodiscard]] std::vector<Hello> attached_screens() const;
  [[nodiscard]] ScreenServerStats stats() const { return stats_; }
  // The TLS port actually bound (after start with port 0), or 0.
  [[nodiscard]] std::uint16_t tls_port() const;

 private:
  using UnixSocket = boost::asio::local::stream_protocol::socket;
  using TlsStream = boost::asio::ssl::stream<boost::asio::ip::tcp::socket>;

  Result<void> start_unix(const ScreenServerOptions& options);
  Result<void> start_tls(const ScreenTlsOptions& options);
  void accept_unix();
  void accept_tls();
  void adopt(const std::shared_ptr<Session>& session);

  Result<void> attach(const std::shared_ptr<Session>& session, const Hello& hello) override;
  void message(const std::shared_ptr<Session>& session, ScreenMessage message) override;
  void closed(const std::shared_ptr<Session>& session) override;
  void protocol_error(const std::string& code) override;

  boost::asio::io_context& io_;
  ScreenHandler& handler_;
  std::optional<boost::asio::local::stream_protocol::acceptor> unix_acceptor_;
  std::filesystem::path unix_path_;
  std::optional<boost::asio::ssl::context> tls_context_;
  std::optional<boost::asio::ip::tcp::acceptor> tls_acceptor_;
  std::set<std::shared_ptr<Session>> sessions_;
  std::map<std::string, std::shared_ptr<Session>> by_screen_;
  std::map<std::string, std::int64_t> revs_;
  ScreenServerStats stats_;
  mutable std::vector<struct pollfd> poll_fds_;  // input_waiting's, kept to avoid allocating
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::screen
