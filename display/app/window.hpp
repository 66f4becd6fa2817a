#pragma once
// RAII for GLFW, its window with an OpenGL context, and the ImGui context
// with its GLFW/OpenGL3 backends. Render thread only.

#include <memory>
#include <string>

#include "edge/core/result.hpp"

struct GLFWwindow;

namespace witryna::display {

struct WindowOptions {
  int width = 1080;
  int height = 1920;
  bool windowed = true;  // false: undecorated at the monitor's corner, no cursor on a kiosk
  bool hide_cursor = false;
  std::string title = "witryna";
};

class Window {
  struct Key {};

 public:
  explicit Window(Key) {}
  // glfwInit, the window, its GL context (current on this thread), ImGui with
  // both backends and no imgui.ini. io error when there is no display.
  [[nodiscard]] static Result<std::unique_ptr<Window>> open(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  [[nodiscard]] GLFWwindow* handle() const { return window_; }
  [[nodiscard]] bool should_close() const;
  void framebuffer_size(int& width, int& height) const;
  // True once after any input or window event since the last call.
  [[nodiscard]] bool take_activity();

 private:
  GLFWwindow* window_ = nullptr;
  bool glfw_ = false;
  bool imgui_ = false;
  bool glfw_backend_ = false;
  bool gl_backend_ = false;
  bool activity_ = true;
  friend struct WindowCallbacks;
};

}  // namespace witryna::display
