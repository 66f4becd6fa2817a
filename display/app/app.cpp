#include "display/app/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "display/app/client_intents.hpp"
#include "display/app/local_clock.hpp"
#include "display/app/renderer.hpp"
#include "display/client/io_thread.hpp"
#include "display/client/monotonic.hpp"
#include "display/client/screen_client.hpp"
#include "display/image/png.hpp"
#include "display/model/parse_view.hpp"

namespace witryna::display {
namespace {

void say(const std::string& what) {
  std::fprintf(stderr, "witryna-display: %s\n", what.c_str());
}

// Local times follow device.timezone unless the environment already says.
void apply_timezone(const Options& o) {
  if (o.display.timezone && std::getenv("TZ") == nullptr) {
    setenv("TZ", o.display.timezone->c_str(), 1);
    tzset();
  }
}

Result<ViewModel> read_view_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return fail(std::string(errc::kIo), "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  const auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded())
    return fail(std::string(errc::kInvalidJson), file.string() + " is not JSON");
  return parse_view(j.is_object() && j.contains("view") ? j.at("view") : j);
}

// Writes beside the target and renames, so a reader never sees half a file.
void write_png_atomically(const Image& image, const std::filesystem::path& path) {
  auto tmp = path;
  tmp += ".tmp";
  if (auto ok = write_png(image, tmp); !ok) {
    say("screenshot not written: " + ok.error().context);
    return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) say("screenshot not written: " + ec.message());
}

// --frame-log: one line per frame once it is on screen (swapped and
// finished): "<presented_ns> <started_ns> <rev> <mode> new|same <received_ns>",
// CLOCK_MONOTONIC; `new` marks the first frame of a view, `started_ns` is when
// the loop woke for the frame. Off by default; the idle loop still sleeps.
class FrameLog {
 public:
  explicit FrameLog(const std::optional<std::filesystem::path>& path) {
    if (!path) return;
    file_.reset(std::fopen(path->c_str(), "a"));
    if (!file_) say("cannot open the frame log " + path->string());
  }
  [[nodiscard]] bool on() const { return file_ != nullptr; }
  void presented(std::int64_t started_ns, const ViewModel& view, bool is_new,
                 std::int64_t received_ns) {
    std::fprintf(file_.get(), "%lld %lld %lld %s %s %lld\n", static_cast<long long>(monotonic_ns()),
                 static_cast<long long>(started_ns), static_cast<long long>(view.rev),
                 to_string(view.mode), is_new ? "new" : "same",
                 static_cast<long long>(received_ns));
    std::fflush(file_.get());
  }

 private:
  struct Close {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Close> file_;
};

}  // namespace

int run_screen(const Options& o) {
  apply_timezone(o);
  auto renderer = Renderer::open(o);
  if (!renderer) {
    say(renderer.error().context);
    return 1;
  }
  Renderer& r = **renderer;
  const Language language = effective_language(o);

  std::atomic<bool> stop{false};  // outlives the io thread (declared before it)
  IoThread io;
  boost::asio::signal_set signals(io.context(), SIGINT, SIGTERM);
  signals.async_wait([&stop](const boost::system::error_code& ec, int) {
    if (ec) return;
    stop = true;
    glfwPostEmptyEvent();
  });
  ClientOptions co;
  co.socket_path = effective_socket(o);
  co.hello = Hello{o.screen, o.role, o.till};
  ScreenClient client(io.context(), co, [] { glfwPostEmptyEvent(); });
  client.start();
  ClientIntents intents(client);

  UiState ui;
  ui.language = language;
  std::shared_ptr<const ViewModel> current;
  const Millis shot_every(static_cast<std::int64_t>(o.screenshot_every_s * 1000));
  TimePoint next_shot = system_now() + shot_every;
  int busy_frames = 2;
  std::vector<RequestMessage> requests;
  FrameLog frame_log(o.frame_log);
  bool view_shot_due = false;

  while (!stop && !r.window().should_close()) {
    const std::int64_t started_ns = frame_log.on() ? monotonic_ns() : 0;
    const ClientSnapshot snap = client.snapshot();
    const TimePoint now = system_now();
    bool settled = true;
    if (snap.view != current) {
      apply_view(ui, current.get(), *snap.view, language, now);
      current = snap.view;
      busy_frames = std::max(busy_frames, 1);
      settled = false;  // scroll bars and sizes settle on the next frame
      view_shot_due = o.view_shots.has_value();
    }
    intents.apply_results(client.take_results(), ui, now);
    for (auto& request : client.take_requests())
      requests.push_back(std::move(request));

    const FrameInputs in{local_clock(now), snap.connected};
    if (!settled) r.lay_out(*current, ui, intents, in);
    TimePoint next = r.draw(*current, ui, intents, in);
    if (settled) {
      for (const auto& request : requests) {
        if (request.what == "screenshot") client.answer_screenshot(request.id, r.capture());
      }
      requests.clear();
    } else if (!requests.empty()) {
      busy_frames = std::max(busy_frames, 1);
    }
    if (settled && view_shot_due) {
      const auto path = *o.view_shots / ("view-" + std::to_string(current->rev) + "-" +
                                         to_string(current->mode) + ".png");
      boost::asio::post(io.context(),
                        [image = r.capture(), path] { write_png_atomically(image, path); });
      view_shot_due = false;
    }
    if (o.screenshot_dir && now >= next_shot) {
      const auto path = *o.screenshot_dir / (o.screen + ".png");
      boost::asio::post(io.context(),
                        [image = r.capture(), path] { write_png_atomically(image, path); });
      next_shot = now + shot_every;
    }
    r.present();
    if (frame_log.on()) {
      r.finish();
      frame_log.presented(started_ns, *current, !settled, snap.view_received_ns);
    }

    // After input ImGui needs a few frames (hover, press, release); while a
    // finger is down, keep drawing. Otherwise sleep until something happens.
    if (r.window().take_activity()) busy_frames = 3;
    if (ImGui::IsAnyMouseDown()) busy_frames = std::max(busy_frames, 1);
    if (busy_frames > 0) {
      --busy_frames;
      glfwPollEvents();
      continue;
    }
    if (o.screenshot_dir) next = std::min(next, next_shot);
    const double wait =
        std::clamp(std::chrono::duration<double>(next - system_now()).count(), 0.01, 60.0);
    glfwWaitEventsTimeout(wait);
  }
  return 0;
}

int render_once(const Options& o) {
  apply_timezone(o);
  auto view = read_view_file(*o.render_once);
  if (!view) {
    say("cannot render " + o.render_once->string() + ": " + view.error().code + " " +
        view.error().context);
    return 1;
  }
  auto renderer = Renderer::open(o);
  if (!renderer) {
    say(renderer.error().context);
    return 1;
  }
  Renderer& r = **renderer;
  const Language language = effective_language(o);
  const TimePoint now = o.now.value_or(system_now());
  UiState ui;
  ui.language = language;
  apply_view(ui, nullptr, *view, language, now);
  if (o.page == "preferences") open_preferences(ui, *view);
  if (!o.type.empty()) ui.pad.type(o.type);
  NoIntents intents;

  // An auto-sized window draws nothing on its first frame: draw three, keep the last.
  Image image;
  for (int frame = 0; frame < 3; ++frame) {
    (void)r.draw(*view, ui, intents, FrameInputs{local_clock(now), !o.offline});
    if (frame == 2) image = r.capture();
    r.present();
    glfwPollEvents();
  }
  if (auto ok = write_png(image, *o.out); !ok) {
    say(ok.error().context);
    return 1;
  }
  const auto& missing = r.audit().missing();
  if (!missing.empty()) {
    std::string list;
    for (const char32_t c : missing) {
      char hex[16];
      std::snprintf(hex, sizeof hex, " U+%04X", static_cast<unsigned>(c));
      list += hex;
    }
    say("characters drawn without a glyph:" + list);
    if (o.glyph_check) return 3;
  }
  return 0;
}

}  // namespace witryna::display
