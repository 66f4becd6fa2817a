#pragma once

#include <functional>
#include <string>

#include "edge/core/result.hpp"
#include "edge/screen/protocol.hpp"

namespace witryna::screen {

// Answers one action: ok, or a reason the contract names ("already_used" …).
// May be called later (e.g. after an online claim); calling it after the
// screen went away is harmless. Call on the io_context thread.
using Reply = std::function<void(Result<void>)>;

// What the workflows implement to serve screens. All calls arrive on the
// service's io_context thread.
class ScreenHandler {
 public:
  virtual ~ScreenHandler() = default;

  // A screen said hello. Refusing closes the connection with the reason.
  // Accepting must be followed by a view (ScreenServer::push_view) at once.
  [[nodiscard]] virtual Result<void> on_screen_attached(const Hello& hello) = 0;
  // The screen's connection closed (it may come back with the same id).
  virtual void on_screen_detached(const std::string& screen) = 0;
  virtual void on_action(const std::string& screen, const Action& action, Reply reply) = 0;
  virtual void on_screenshot(const std::string& screen, const ScreenshotResult& result) = 0;
};

}  // namespace witryna::screen
