#include "display/client/screen_client.hpp"

#include <atomic>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <cstdio>
#include <deque>
#include <mutex>
#include <utility>

#include "display/client/backoff.hpp"
#include "display/client/monotonic.hpp"
#include "display/image/base64.hpp"
#include "display/image/png.hpp"

namespace witryna::display {

namespace asio = boost::asio;
using Socket = asio::local::stream_protocol::socket;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxLine = 1024 * 1024;  // screen-api.md: at most 1 MiB per line

void log(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "witryna-display: %s%s%s\n", what, detail.empty() ? "" : ": ",
               detail.c_str());
}

}  // namespace

// Lives as long as any handler queued on the io_context holds it.
struct ScreenClient::State : std::enable_shared_from_this<ScreenClient::State> {
  State(asio::io_context& io_context, ClientOptions opts, std::function<void()> changed)
      : io(io_context),
        options(std::move(opts)),
        on_change(std::move(changed)),
        socket(io_context),
        timer(io_context),
        backoff(options.reconnect_initial, options.reconnect_max) {
    snapshot.view = std::make_shared<const ViewModel>(neutral_view(Status{}));
  }

  asio::io_context& io;
  const ClientOptions options;
  const std::function<void()> on_change;
  std::atomic<bool> closed{false};

  // io thread only
  Socket socket;
  asio::steady_timer timer;
  Backoff backoff;
  std::string read_buffer;
  std::deque<std::string> write_queue;
  bool writing = false;
  bool connected = false;
  // Grows with every connection, so a handler of an old one ignores itself.
  std::uint64_t epoch = 0;

  // shared with other threads, under `mutex`
  mutable std::mutex mutex;
  ClientSnapshot snapshot;
  std::vector<RequestMessage> requests;
  std::vector<ResultMessage> results;
  std::int64_t next_id = 1;

  void notify() {
    if (on_change && !closed) on_change();
  }

  void publish(std::shared_ptr<const ViewModel> view, bool is_connected) {
    {
      const std::lock_guard lock(mutex);
      if (view) {
        snapshot.view = std::move(view);
        snapshot.view_received_ns = monotonic_ns();
      }
      snapshot.connected = is_connected;
      ++snapshot.generation;
    }
    notify();
  }

  // Drops everything personal: what is left on screen is the last status.
  void publish_neutral(bool is_connected) {
    Status status;
    {
      const std::lock_guard lock(mutex);
      status = snapshot.view->status;
    }
    publish(std::make_shared<const ViewModel>(neutral_view(status)), is_connected);
  }

  void connect() {
    if (closed) return;
    socket = Socket(io);
    socket.async_connect(asio::local::stream_protocol::endpoint(options.socket_path.string()),
                         [self = shared_from_this()](const boost::system::error_code& ec) {
                           if (self->closed) return;
                           if (ec) {
                             self->schedule_reconnect();
                             return;
                           }
                           self->on_connected();
                         });
  }

  void on_connected() {
    ++epoch;
    connected = true;
    read_buffer.clear();
    write_queue.clear();
    writing = false;
    write(hello_message(options.hello).dump());
    publish(nullptr, true);
    read_next();
  }

  void schedule_reconnect() {
    if (closed) return;
    timer.expires_after(backoff.next());
    timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec) self->connect();
    });
  }

  void disconnect(const char* why) {
    if (!connected) return;
    connected = false;
    boost::system::error_code ignored;
    socket.shutdown(Socket::shutdown_both, ignored);
    socket.close(ignored);
    log("connection to the edge lost, reconnecting", why);
    publish_neutral(false);
    schedule_reconnect();
  }

  void read_next() {
    asio::async_read_until(
        socket, asio::dynamic_buffer(read_buffer, kMaxLine), '\n',
        [self = shared_from_this(), e = epoch](const boost::system::error_code& ec, std::size_t n) {
          if (self->closed || e != self->epoch) return;
          if (ec) {
            self->disconnect(ec == asio::error::not_found ? "line longer than 1 MiB"
                                                          : ec.message().c_str());
            return;
          }
          std::string line = self->read_buffer.substr(0, n - 1);
          self->read_buffer.erase(0, n);
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (!line.empty()) self->handle_line(line);
          if (self->connected) self->read_next();
        });
  }

  void handle_line(const std::string& line) {
    json j;
    try {
      j = json::parse(line);
    } catch (const json::exception&) {
      log("ignored a line from the edge", "not JSON");
      return;
    }
    auto message = parse_server_message(j);
    if (!message) {
      log("ignored a line from the edge", message.error().code + " " + message.error().context);
      // A view we cannot read must not leave the previous (maybe personal) one up.
      if (j.is_object() && j.contains("view")) publish_neutral(true);
      return;
    }
    if (auto* v = std::get_if<ViewMessage>(&*message)) {
      backoff.reset();
      publish(std::make_shared<const ViewModel>(std::move(v->view)), true);
    } else if (auto* r = std::get_if<RequestMessage>(&*message)) {
      {
        const std::lock_guard lock(mutex);
        requests.push_back(std::move(*r));
      }
      notify();
    } else if (auto* res = std::get_if<ResultMessage>(&*message)) {
      {
        const std::lock_guard lock(mutex);
        results.push_back(std::move(*res));
      }
      notify();
    } else if (auto* e = std::get_if<ErrorMessage>(&*message)) {
      log("the edge reported a protocol error", e->error);
    }
  }

  void write(std::string line) {
    if (!connected) return;
    line += '\n';
    write_queue.push_back(std::move(line));
    if (!writing) write_next();
  }

  void write_next() {
    if (write_queue.empty()) {
      writing = false;
      return;
    }
    writing = true;
    asio::async_write(
        socket, asio::buffer(write_queue.front()),
        [self = shared_from_this(), e = epoch](const boost::system::error_code& ec, std::size_t) {
          if (self->closed || e != self->epoch || !self->connected) return;
          if (ec) {
            self->disconnect(ec.message().c_str());
            return;
          }
          self->write_queue.pop_front();
          self->write_next();
        });
  }

  void send_action(std::int64_t id, const std::string& line) {
    if (!connected) {
      {
        const std::lock_guard lock(mutex);
        results.push_back(ResultMessage{id, false, "offline"});
      }
      notify();
      return;
    }
    write(line);
  }

  void close() {
    closed = true;
    boost::system::error_code ignored;
    timer.cancel();
    socket.close(ignored);
    connected = false;
  }
};

ScreenClient::ScreenClient(asio::io_context& io, ClientOptions options,
                           std::function<void()> on_change)
    : state_(std::make_shared<State>(io, std::move(options), std::move(on_change))) {}

ScreenClient::~ScreenClient() {
  state_->closed = true;
  asio::post(state_->io, [s = state_] { s->close(); });
}

void ScreenClient::start() {
  asio::post(state_->io, [s = state_] { s->connect(); });
}

ClientSnapshot ScreenClient::snapshot() const {
  const std::lock_guard lock(state_->mutex);
  return state_->snapshot;
}

std::int64_t ScreenClient::send(json action) {
  std::int64_t id = 0;
  {
    const std::lock_guard lock(state_->mutex);
    id = state_->next_id++;
  }
  action["id"] = id;
  asio::post(state_->io, [s = state_, id, line = action.dump()] { s->send_action(id, line); });
  return id;
}

std::vector<RequestMessage> ScreenClient::take_requests() {
  const std::lock_guard lock(state_->mutex);
  return std::exchange(state_->requests, {});
}

std::vector<ResultMessage> ScreenClient::take_results() {
  const std::lock_guard lock(state_->mutex);
  return std::exchange(state_->results, {});
}

void ScreenClient::answer_screenshot(json id, Image image) {
  asio::post(state_->io, [s = state_, id = std::move(id), image = std::move(image)] {
    auto png = encode_png(image);
    if (!png) {
      log("screenshot not sent", png.error().context);
      return;
    }
    s->write(action::screenshot_result(id, base64_encode(*png)).dump());
  });
}

}  // namespace witryna::display
