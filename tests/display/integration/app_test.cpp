// The real witryna-display on a private Xvfb, talking to a fake edge: it says
// hello, draws the view it is sent, answers a screenshot request with exactly
// what it shows, reconnects when the edge goes away, idles without burning
// CPU, and stops cleanly on SIGTERM.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "display/image/base64.hpp"
#include "tests/display/fake_edge.hpp"
#include "tests/display/integration/png_check.hpp"
#include "tests/display/integration/x_server.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::test {
namespace app_test {
namespace {

using nlohmann::json;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// CPU seconds (user + system) the process has used so far.
double cpu_seconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(all.substr(all.rfind(')') + 2));
  std::string f;
  long utime = 0;
  long stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stol(f);
    if (i == 15) stime = std::stol(f);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

class App : public ::testing::Test {
 protected:
  ~App() override {
    if (HasFailure()) std::cerr << "witryna-display said:\n" << read_file(log()) << "\n";
  }
  [[nodiscard]] std::string log() const { return (dir / "display.log").string(); }

  XServer x;
  TempDir dir;
};

TEST_F(App, ServesTheEdgeAndAnswersScreenshots) {
  ASSERT_TRUE(x.ok());
  FakeEdge edge(dir / "screen.sock");
  Child app({WITRYNA_DISPLAY_EXE, "--socket", (dir / "screen.sock").string(), "--screen", "till-2",
             "--role", "checkout", "--till", "T2", "--windowed", "--language", "en"},
            {"DISPLAY=" + x.display()}, log());
  ASSERT_TRUE(app.started());

  ASSERT_TRUE(edge.accept(std::chrono::seconds(60)));
  auto line = edge.read_line(std::chrono::seconds(30));
  ASSERT_TRUE(line);
  EXPECT_EQ(
      json::parse(*line),
      json::parse(R"({"hello":{"screen":"till-2","role":"checkout","till":"T2","protocol":1}})"));

  const auto views = std::filesystem::path(WITRYNA_SOURCE_DIR) / "tests/display/views";
  std::string pickups = read_file(views / "pickups.json");
  pickups.erase(std::remove(pickups.begin(), pickups.end(), '\n'), pickups.end());
  ASSERT_TRUE(edge.send_line(pickups));
  ASSERT_TRUE(edge.send_line(R"({"request":{"id":"shot-7","what":"screenshot"}})"));
  line = edge.read_line(std::chrono::seconds(60));
  ASSERT_TRUE(line);
  const json answer = json::parse(*line);
  ASSERT_EQ(answer["action"], "screenshot.result");
  EXPECT_EQ(answer["id"], "shot-7");
  const auto png = display::base64_decode(answer["png_base64"].get<std::string>());
  ASSERT_TRUE(png);
  const std::filesystem::path shot = WITRYNA_SCREENSHOT_DIR;
  std::filesystem::create_directories(shot);
  std::ofstream(shot / "app-screenshot-request.png", std::ios::binary) << *png;
  const Pixels p = load_png(shot / "app-screenshot-request.png");
  EXPECT_EQ(p.width, 1280);
  EXPECT_EQ(p.height, 800);
  EXPECT_GT(distinct_colours(p), 200u);  // the pickups list, not a blank frame

  // Nothing changes on screen: the loop sleeps (well under a quarter of a core).
  const double before = cpu_seconds(app.pid());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(wait_until([&] { return !app.running(); }, std::chrono::seconds(3)));
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT((cpu_seconds(app.pid()) - before) / wall, 0.25);

  // The edge restarts: the screen says hello again and shows the new view.
  edge.drop();
  ASSERT_TRUE(edge.accept(std::chrono::seconds(30)));
  line = edge.read_line(std::chrono::seconds(30));
  ASSERT_TRUE(line);
  EXPECT_TRUE(json::parse(*line).contains("hello"));
  EXPECT_TRUE(app.running());

  app.signal(SIGTERM);
  EXPECT_EQ(app.wait(std::chrono::seconds(30)), 0);
}

TEST_F(App, WithoutAnEdgeItWaitsCalmly) {
  ASSERT_TRUE(x.ok());
  Child app({WITRYNA_DISPLAY_EXE, "--socket", (dir / "nothing-here.sock").string(), "--windowed",
             "--width", "640", "--height", "960"},
            {"DISPLAY=" + x.display()}, log());
  ASSERT_TRUE(app.started());
  // It keeps running (reconnecting with backoff) instead of exiting…
  EXPECT_FALSE(wait_until([&] { return !app.running(); }, std::chrono::seconds(3)));
  // …and connects as soon as the edge is there.
  FakeEdge edge(dir / "nothing-here.sock");
  ASSERT_TRUE(edge.accept(std::chrono::seconds(30)));
  EXPECT_TRUE(edge.read_line(std::chrono::seconds(30)));
  app.signal(SIGINT);
  EXPECT_EQ(app.wait(std::chrono::seconds(30)), 0);
}

}  // namespace
}  // namespace app_test
}  // namespace witryna::test
