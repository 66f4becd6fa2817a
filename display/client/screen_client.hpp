#pragma once
// The screen's side of screen-api.md: a Unix-socket connection to the edge
// that says hello, receives views and requests, sends actions, and reconnects
// with backoff when the edge goes away.
//
// Threads: all socket work runs on the io_context given to the constructor
// (an IoThread). Every public member is safe to call from any other thread —
// the render thread reads snapshots and queues actions and never blocks on
// I/O. `on_change` is called on the io thread after each new snapshot,
// request or result; keep it short (the app posts an empty GLFW event).

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "display/image/image.hpp"
#include "display/model/actions.hpp"
#include "display/model/parse_view.hpp"
#include "display/model/view_model.hpp"
#include "edge/core/time.hpp"

namespace witryna::display {

struct ClientOptions {
  std::filesystem::path socket_path = "/run/witryna/screen.sock";
  Hello hello;
  Millis reconnect_initial{250};
  Millis reconnect_max{5000};
};

// What the render thread draws from. `view` is never null: until the first
// view, and whenever the edge is unreachable, it is a neutral view with
// nothing personal in it.
struct ClientSnapshot {
  std::shared_ptr<const ViewModel> view;
  bool connected = false;
  std::uint64_t generation = 0;  // grows with every change of view or connection
  // CLOCK_MONOTONIC (ns) when `view` was received and parsed; 0 before any.
  // Shared by every process on the machine: latency is measured with it.
  std::int64_t view_received_ns = 0;
};

class ScreenClient {
 public:
  ScreenClient(boost::asio::io_context& io, ClientOptions options,
               std::function<void()> on_change = {});
  // Closes the connection; handlers still queued on the io_context hold their
  // own reference to the state and find it closed.
  ~ScreenClient();
  ScreenClient(const ScreenClient&) = delete;
  ScreenClient& operator=(const ScreenClient&) = delete;

  // Starts connecting (and reconnecting until destruction).
  void start();

  [[nodiscard]] ClientSnapshot snapshot() const;

  // Queues an action (from model/actions.hpp) and returns the id it is sent
  // with. Without a connection the action is dropped and a failed result
  // (error "offline") appears in take_results().
  std::int64_t send(nlohmann::json action);

  // Requests from the edge (e.g. "screenshot") since the last call.
  [[nodiscard]] std::vector<RequestMessage> take_requests();
  // Results for our actions since the last call.
  [[nodiscard]] std::vector<ResultMessage> take_results();

  // Answers a screenshot request: the PNG is encoded on the io thread.
  void answer_screenshot(nlohmann::json id, Image image);

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace witryna::display
