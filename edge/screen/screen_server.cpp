#include "edge/screen/screen_server.hpp"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace witryna::screen {
namespace {

Unexpected io_failure(const std::string& what, const std::string& why) {
  return fail(std::string(errc::kIo), what + ": " + why);
}

}  // namespace

ScreenServer::ScreenServer(boost::asio::io_context& io, ScreenHandler& handler)
    : io_(io), handler_(handler) {}

ScreenServer::~ScreenServer() {
  *alive_ = false;
  stop();
}

Result<void> ScreenServer::start(const ScreenServerOptions& options) {
  if (auto ok = start_unix(options); !ok) return ok;
  if (options.tls) {
    if (auto ok = start_tls(*options.tls); !ok) return ok;
  }
  return {};
}

Result<void> ScreenServer::start_unix(const ScreenServerOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto& path = options.unix_path;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (fs::is_socket(fs::symlink_status(path, ec))) fs::remove(path, ec);
  if (fs::exists(fs::symlink_status(path, ec))) {
    return io_failure("screen socket " + path.string(),
                      "a file that is not a socket is in the way");
  }
  boost::system::error_code bec;
  unix_acceptor_.emplace(io_);
  const boost::asio::local::stream_protocol::endpoint endpoint(path.string());
  unix_acceptor_->open(endpoint.protocol(), bec);
  if (!bec) unix_acceptor_->bind(endpoint, bec);
  if (!bec) unix_acceptor_->listen(boost::asio::socket_base::max_listen_connections, bec);
  if (bec) {
    unix_acceptor_.reset();
    return io_failure("cannot listen on screen socket " + path.string(), bec.message());
  }
  unix_path_ = path;
  // Screens of the same machine run in the group; nobody else may talk to us.
  if (::chmod(path.c_str(), 0660) != 0) {
    return io_failure("cannot set mode 0660 on " + path.string(), std::strerror(errno));
  }
  if (!options.unix_group.empty()) {
    if (const group* g = ::getgrnam(options.unix_group.c_str()); g != nullptr) {
      if (::chown(path.c_str(), static_cast<uid_t>(-1), g->gr_gid) != 0) {
        return io_failure("cannot give " + path.string() + " to group " + options.unix_group,
                          std::strerror(errno));
      }
    }
  }
  accept_unix();
  return {};
}

Result<void> ScreenServer::start_tls(const ScreenTlsOptions& options) {
  namespace ssl = boost::asio::ssl;
  boost::system::error_code ec;
  tls_context_.emplace(ssl::context::tls_server);
  auto& ctx = *tls_context_;
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                      ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                      ssl::context::single_dh_use,
                  ec);
  if (!ec) ctx.use_certificate_chain_file(options.certificate.string(), ec);
  if (ec) return io_failure("screen TLS certificate " + options.certificate.string(), ec.message());
  ctx.use_private_key_file(options.private_key.string(), ssl::context::pem, ec);
  if (ec) return io_failure("screen TLS key " + options.private_key.string(), ec.message());
  ctx.load_verify_file(options.client_ca.string(), ec);
  if (ec) return io_failure("screen CA " + options.client_ca.string(), ec.message());
  ctx.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert, ec);
  if (ec) return io_failure("screen TLS verify mode", ec.message());

  const auto address = boost::asio::ip::make_address(options.address, ec);
  if (ec) return io_failure("screen TLS address " + options.address, ec.message());
  const boost::asio::ip::tcp::endpoint endpoint(address, options.port);
  tls_acceptor_.emplace(io_);
  tls_acceptor_->open(endpoint.protocol(), ec);
  if (!ec) tls_acceptor_->set_option(boost::asio::socket_base::reuse_address(true), ec);
  if (!ec) tls_acceptor_->bind(endpoint, ec);
  if (!ec) tls_acceptor_->listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) {
    tls_acceptor_.reset();
    return io_failure(
        "cannot listen for screens on " + options.address + ":" + std::to_string(options.port),
        ec.message());
  }
  accept_tls();
  return {};
}

std::uint16_t ScreenServer::tls_port() const {
  if (!tls_acceptor_) return 0;
  boost::system::error_code ec;
  return tls_acceptor_->local_endpoint(ec).port();
}

void ScreenServer::accept_unix() {
  unix_acceptor_->async_accept(
      [this, alive = alive_](boost::system::error_code ec, UnixSocket socket) {
        if (!*alive || !unix_acceptor_) return;
        if (!ec) adopt(StreamSession<UnixSocket>::create(*this, std::move(socket)));
        if (ec != boost::asio::error::operation_aborted) accept_unix();
      });
}

void ScreenServer::accept_tls() {
  tls_acceptor_->async_accept(
      [this, alive = alive_](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
        if (!*alive || !tls_acceptor_) return;
        if (!ec) adopt(StreamSession<TlsStream>::create(*this, std::move(socket), *tls_context_));
        if (ec != boost::asio::error::operation_aborted) accept_tls();
      });
}

void ScreenServer::adopt(const std::shared_ptr<Session>& session) {
  ++stats_.connections;
  sessions_.insert(session);
  session->start();
}

void ScreenServer::stop() {
  boost::system::error_code ignored;
  if (unix_acceptor_) {
    unix_acceptor_->close(ignored);
    unix_acceptor_.reset();
    std::error_code fs_ignored;
    std::filesystem::remove(unix_path_, fs_ignored);
  }
  if (tls_acceptor_) {
    tls_acceptor_->close(ignored);
    tls_acceptor_.reset();
  }
  // close() calls back into closed(), which edits the containers: copy first.
  const auto sessions = sessions_;
  for (const auto& session : sessions)
    session->close();
}

void ScreenServer::push_view(const std::string& screen, nlohmann::json view) {
  const auto found = by_screen_.find(screen);
  if (found == by_screen_.end()) return;
  found->second->send_view(std::move(view),
                           [this, screen, alive = alive_] { return *alive ? ++revs_[screen] : 0; });
}

void ScreenServer::push_view(const std::string& screen, core::ViewText view) {
  const auto found = by_screen_.find(screen);
  if (found == by_screen_.end()) return;
  found->second->send_view(std::move(view),
                           [this, screen, alive = alive_] { return *alive ? ++revs_[screen] : 0; });
}

Result<void> ScreenServer::request_screenshot(const std::string& screen,
                                              const std::string& request_id) {
  const auto found = by_screen_.find(screen);
  if (found == by_screen_.end()) {
    return fail(std::string(errc::kNotFound), "screen " + screen + " is not attached");
  }
  found->second->send_line(screenshot_request_line(request_id));
  return {};
}

bool ScreenServer::input_waiting() const {
  poll_fds_.clear();
  for (const auto& session : sessions_) {
    // Only where a read is posted: bytes a closing session will never read
    // must not keep the loop's long work yielding.
    if (!session->reading() || session->closed()) continue;
    if (const int fd = session->native_handle(); fd >= 0) {
      poll_fds_.push_back(pollfd{fd, POLLIN, 0});
    }
  }
  if (poll_fds_.empty()) return false;
  const int ready = ::poll(poll_fds_.data(), poll_fds_.size(), 0);
  if (ready <= 0) return false;
  return std::any_of(poll_fds_.begin(), poll_fds_.end(),
                     [](const pollfd& p) { return (p.revents & POLLIN) != 0; });
}

std::vector<Hello> ScreenServer::attached_screens() const {
  std::vector<Hello> out;
  for (const auto& [screen, session] : by_screen_) {
    if (session->hello()) out.push_back(*session->hello());
  }
  return out;
}

Result<void> ScreenServer::attach(const std::shared_ptr<Session>& session, const Hello& hello) {
  // A screen that restarts comes back before its old connection is noticed
  // dead: the newest connection for an id wins.
  if (const auto old = by_screen_.find(hello.screen); old != by_screen_.end()) {
    auto previous = old->second;
    by_screen_.erase(old);
    previous->close();
  }
  // Registered before the handler runs: it pushes the first view at once.
  by_screen_[hello.screen] = session;
  if (auto accepted = handler_.on_screen_attached(hello); !accepted) {
    by_screen_.erase(hello.screen);
    return accepted;
  }
  return {};
}

void ScreenServer::message(const std::shared_ptr<Session>& session, ScreenMessage message) {
  const auto& screen = session->hello()->screen;
  if (auto* action = std::get_if<Action>(&message)) {
    std::weak_ptr<Session> weak = session;
    handler_.on_action(screen, *action, [weak, id = action->id](Result<void> outcome) {
      if (auto live = weak.lock(); live && !live->closed()) {
        live->send_line(result_line(id, outcome));
      }
    });
  } else if (auto* shot = std::get_if<ScreenshotResult>(&message)) {
    handler_.on_screenshot(screen, *shot);
  }
}

void ScreenServer::closed(const std::shared_ptr<Session>& session) {
  sessions_.erase(session);
  if (!session->hello()) return;
  const auto& screen = session->hello()->screen;
  if (const auto found = by_screen_.find(screen);
      found != by_screen_.end() && found->second == session) {
    by_screen_.erase(found);
    handler_.on_screen_detached(screen);
  }
}

void ScreenServer::protocol_error(const std::string&) {
  ++stats_.protocol_errors;
}

}  // namespace witryna::screen
