#include "display/app/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <dlfcn.h>
#include <imgui.h>
#include <link.h>

#include <cstdio>
#include <string_view>

namespace witryna::display {

// GLFW callbacks that note "something happened" so the loop draws a few
// frames; ImGui's backend installs its own after these and chains to them.
struct WindowCallbacks {
  static Window* of(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }
  static void mark(GLFWwindow* w) {
    if (auto* self = of(w)) self->activity_ = true;
  }
  static void cursor(GLFWwindow* w, double, double) { mark(w); }
  static void mouse(GLFWwindow* w, int, int, int) { mark(w); }
  static void scroll(GLFWwindow* w, double, double) { mark(w); }
  static void key(GLFWwindow* w, int, int, int, int) { mark(w); }
  static void character(GLFWwindow* w, unsigned int) { mark(w); }
  static void focus(GLFWwindow* w, int) { mark(w); }
  static void refresh(GLFWwindow* w) { mark(w); }
  static void resize(GLFWwindow* w, int, int) { mark(w); }
};

namespace {

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer only: keep the Mesa driver mapped until the process
// exits. glfwTerminate() closes the X display and Mesa unloads its DRI driver;
// LeakSanitizer then sees the driver's few exit-time allocations with
// addresses in no module, which no suppression can name. Pinned, they carry
// the driver's name and tests/display/lsan.supp can suppress just those.
int pin_dri_driver(dl_phdr_info* info, std::size_t, void*) {
  const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
  if (name.find("_dri.so") != std::string_view::npos ||
      name.find("libgallium") != std::string_view::npos) {
    (void)dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
  }
  return 0;
}
void pin_gl_driver() {
  dl_iterate_phdr(pin_dri_driver, nullptr);
}
#else
void pin_gl_driver() {}
#endif

void report_glfw_error(int code, const char* text) {
  std::fprintf(stderr, "witryna-display: GLFW error %d: %s\n", code, text);
}

}  // namespace

Result<std::unique_ptr<Window>> Window::open(const WindowOptions& o) {
  auto w = std::make_unique<Window>(Key{});
  glfwSetErrorCallback(report_glfw_error);
  if (glfwInit() == GLFW_FALSE) {
    return fail(std::string(errc::kIo),
                "cannot start GLFW (is DISPLAY set and an X server running?)");
  }
  w->glfw_ = true;
  glfwWindowHint(GLFW_DECORATED, o.windowed ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_RESIZABLE, o.windowed ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // ImGui needs neither; and with software GL (Mesa llvmpipe) a framebuffer
  // without depth or stencil lets whole tiles of solid fills take its fast
  // 8-bit "linear" rasterizer: the same pixels for a quarter less CPU a frame.
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  w->window_ = glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
  if (w->window_ == nullptr) return fail(std::string(errc::kIo), "cannot open an OpenGL 3 window");
  if (!o.windowed) glfwSetWindowPos(w->window_, 0, 0);
  if (o.hide_cursor) glfwSetInputMode(w->window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  glfwMakeContextCurrent(w->window_);
  pin_gl_driver();
  glfwSwapInterval(1);
  glfwSetWindowUserPointer(w->window_, w.get());
  glfwSetCursorPosCallback(w->window_, WindowCallbacks::cursor);
  glfwSetMouseButtonCallback(w->window_, WindowCallbacks::mouse);
  glfwSetScrollCallback(w->window_, WindowCallbacks::scroll);
  glfwSetKeyCallback(w->window_, WindowCallbacks::key);
  glfwSetCharCallback(w->window_, WindowCallbacks::character);
  glfwSetWindowFocusCallback(w->window_, WindowCallbacks::focus);
  glfwSetWindowRefreshCallback(w->window_, WindowCallbacks::refresh);
  glfwSetFramebufferSizeCallback(w->window_, WindowCallbacks::resize);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  w->imgui_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a shop screen keeps no layout state on disk
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the loop busy
  w->glfw_backend_ = ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
  w->gl_backend_ = w->glfw_backend_ && ImGui_ImplOpenGL3_Init(nullptr);
  if (!w->gl_backend_) return fail(std::string(errc::kIo), "cannot start the ImGui OpenGL backend");
  return w;
}

Window::~Window() {
  if (gl_backend_) ImGui_ImplOpenGL3_Shutdown();
  if (glfw_backend_) ImGui_ImplGlfw_Shutdown();
  if (imgui_) ImGui::DestroyContext();
  if (window_ != nullptr) glfwDestroyWindow(window_);
  if (glfw_) glfwTerminate();
}

bool Window::should_close() const {
  return glfwWindowShouldClose(window_) == GLFW_TRUE;
}

void Window::framebuffer_size(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
}

bool Window::take_activity() {
  const bool out = activity_;
  activity_ = false;
  return out;
}

}  // namespace witryna::display
