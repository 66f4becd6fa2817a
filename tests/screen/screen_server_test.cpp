#include "edge/screen/screen_server.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <mutex>
#include <vector>

#include "tests/support/io_thread.hpp"
#include "tests/support/line_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wait.hpp"

namespace witryna::screen {
namespace screen_server_test {
namespace {

using nlohmann::json;

// Answers every action ok (or with the error named in a "fail" field) and
// pushes a first view on hello, as the workflows must.
class RecordingHandler final : public ScreenHandler {
 public:
  ScreenServer* server = nullptr;

  Result<void> on_screen_attached(const Hello& hello) override {
    std::lock_guard lock(mutex_);
    if (hello.screen == "refused") return fail("unknown_screen", "not in the configuration");
    attached_.push_back(hello.screen);
    server->push_view(hello.screen, json{{"mode", "idle"}});
    return {};
  }
  void on_screen_detached(const std::string& screen) override {
    std::lock_guard lock(mutex_);
    detached_.push_back(screen);
  }
  void on_action(const std::string&, const Action& action, Reply reply) override {
    {
      std::lock_guard lock(mutex_);
      actions_.push_back(action.name);
    }
    if (action.body.contains("fail")) {
      reply(fail(action.body["fail"].get<std::string>()));
    } else {
      reply({});
    }
  }
  void on_screenshot(const std::string& screen, const ScreenshotResult& result) override {
    std::lock_guard lock(mutex_);
    screenshots_.push_back(screen + ":" + result.id);
  }

  template <typename T>
  T read(const T& field) {
    std::lock_guard lock(mutex_);
    return field;
  }
  std::vector<std::string> attached() { return read(attached_); }
  std::vector<std::string> detached() { return read(detached_); }
  std::vector<std::string> actions() { return read(actions_); }
  std::vector<std::string> screenshots() { return read(screenshots_); }

 private:
  std::mutex mutex_;
  std::vector<std::string> attached_, detached_, actions_, screenshots_;
};

class ScreenServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    handler_.server = &server_;
    options_.unix_path = dir_ / "screen.sock";
    options_.unix_group = "";
    ASSERT_TRUE(io_.call([&] { return server_.start(options_); }));
  }
  void TearDown() override {
    io_.call([&] {
      server_.stop();
      return 0;
    });
    io_.stop();
  }

  std::unique_ptr<test::LineClient> attach(const std::string& screen,
                                           const std::string& role = "kiosk") {
    auto client = std::make_unique<test::LineClient>(options_.unix_path);
    EXPECT_TRUE(client->connected());
    json hello = {
        {"hello", {{"screen", screen}, {"role", role}, {"till", nullptr}, {"protocol", 1}}}};
    if (role == "checkout") hello["hello"]["till"] = "T1";
    client->send_line(hello.dump());
    return client;
  }

  static json next(test::LineClient& client) {
    const auto line = client.read_line();
    EXPECT_TRUE(line) << "no line within the deadline";
    return line ? json::parse(*line) : json();
  }

  test::TempDir dir_;
  test::IoThread io_;
  RecordingHandler handler_;
  ScreenServer server_{io_.io(), handler_};
  ScreenServerOptions options_;
};

TEST_F(ScreenServerTest, SocketIsOnlyForOwnerAndGroup) {
  struct stat st {};
  ASSERT_EQ(::stat(options_.unix_path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0660u);
}

TEST_F(ScreenServerTest, HelloGetsAViewAtOnceAndActionsGetResults) {
  auto kiosk = attach("kiosk-1");
  const auto view = next(*kiosk);
  EXPECT_EQ(view["view"]["rev"], 1);
  EXPECT_EQ(view["view"]["screen"], "kiosk-1");
  EXPECT_EQ(view["view"]["mode"], "idle");

  kiosk->send_line(R"({"action":"scan","id":7,"payload":"2900000123458"})");
  EXPECT_EQ(next(*kiosk), json::parse(R"({"result":{"id":7,"ok":true}})"));
  kiosk->send_line(R"({"action":"code.enter","id":"c1","code":"x","fail":"malformed"})");
  EXPECT_EQ(next(*kiosk), json::parse(R"({"result":{"id":"c1","ok":false,"error":"malformed"}})"));

  io_.call([&] {
    server_.push_view("kiosk-1", json{{"mode", "customer"}});
    return 0;
  });
  const auto second = next(*kiosk);
  EXPECT_EQ(second["view"]["rev"], 2);
  EXPECT_EQ(second["view"]["mode"], "customer");
  EXPECT_EQ(handler_.actions(), (std::vector<std::string>{"scan", "code.enter"}));
}

// Bytes a screen sent that the loop has not read yet are seen (the long work
// on the loop yields to them); once read, and for screens that sent nothing,
// nothing waits.
TEST_F(ScreenServerTest, InputWaitingSeesBytesTheLoopHasNotReadYet) {
  EXPECT_FALSE(io_.call([&] { return server_.input_waiting(); }));  // nobody attached
  auto kiosk = attach("kiosk-1");
  auto other = attach("kiosk-2");
  (void)next(*kiosk);
  (void)next(*other);
  EXPECT_FALSE(io_.call([&] { return server_.input_waiting(); }));
  // Sent while the loop is busy in this handler: on the socket, not read.
  EXPECT_TRUE(io_.call([&] {
    kiosk->send_line(R"({"action":"scan","id":1,"payload":"2900000123458"})");
    return server_.input_waiting();
  }));
  EXPECT_EQ(next(*kiosk)["result"]["id"], 1);
  EXPECT_FALSE(io_.call([&] { return server_.input_waiting(); }));
  EXPECT_EQ(handler_.actions(), (std::vector<std::string>{"scan"}));
}

TEST_F(ScreenServerTest, ActionsBeforeHelloAreErrors) {
  test::LineClient client(options_.unix_path);
  client.send_line(R"({"action":"scan","id":1,"payload":"x"})");
  const auto reply = next(client);
  EXPECT_EQ(reply["error"]["code"], "hello_first");
  EXPECT_EQ(reply["error"]["id"], 1);
  EXPECT_TRUE(handler_.actions().empty());
}

TEST_F(ScreenServerTest, ThreeProtocolErrorsInARowCloseOnlyThatConnection) {
  auto good = attach("kiosk-1");
  (void)next(*good);
  auto bad = attach("kiosk-2");
  (void)next(*bad);
  bad->send_line("{not json");
  EXPECT_EQ(next(*bad)["error"]["code"], "invalid_json");
  bad->send_line(R"({"action":"fly","id":3})");
  EXPECT_EQ(next(*bad)["error"]["code"], "unknown_action");
  bad->send_line("[]");
  EXPECT_EQ(next(*bad)["error"]["code"], "invalid_message");
  EXPECT_TRUE(bad->wait_closed());

  good->send_line(R"({"action":"session.end","id":9})");
  EXPECT_EQ(next(*good)["result"]["ok"], true);
  EXPECT_TRUE(test::wait_until([&] { return handler_.detached().size() == 1; }));
  EXPECT_EQ(io_.call([&] { return server_.stats().protocol_errors; }), 3u);
}

TEST_F(ScreenServerTest, AValidLineResetsTheErrorCount) {
  auto kiosk = attach("kiosk-1");
  (void)next(*kiosk);
  for (int round = 0; round < 5; ++round) {
    kiosk->send_line("garbage");
    EXPECT_EQ(next(*kiosk)["error"]["code"], "invalid_json");
    kiosk->send_line("garbage");
    EXPECT_EQ(next(*kiosk)["error"]["code"], "invalid_json");
    kiosk->send_line(R"({"action":"session.end","id":1})");
    EXPECT_EQ(next(*kiosk)["result"]["ok"], true);
  }
}

TEST_F(ScreenServerTest, AHugeLineIsRefusedWithoutClosing) {
  auto kiosk = attach("kiosk-1");
  (void)next(*kiosk);
  std::string huge(3 * 1024 * 1024, 'x');
  ASSERT_TRUE(kiosk->send_line(huge));
  EXPECT_EQ(next(*kiosk)["error"]["code"], "line_too_long");
  kiosk->send_line(R"({"action":"session.end","id":2})");
  EXPECT_EQ(next(*kiosk)["result"]["id"], 2);
}

TEST_F(ScreenServerTest, RefusedScreenGetsTheReasonAndIsClosed) {
  auto client = attach("refused");
  const auto reply = next(*client);
  EXPECT_EQ(reply["error"]["code"], "unknown_screen");
  EXPECT_TRUE(client->wait_closed());
}

TEST_F(ScreenServerTest, ASlowScreenKeepsOnlyTheNewestViewAndSlowsNobody) {
  auto slow = attach("kiosk-slow");
  auto fast = attach("kiosk-fast");
  (void)next(*fast);
  // Far more view bytes than any socket buffer holds, while `slow` reads nothing.
  const std::string filler(64 * 1024, 'f');
  for (int i = 0; i < 400; ++i) {
    io_.call([&] {
      server_.push_view("kiosk-slow", json{{"mode", "customer"}, {"n", i}, {"filler", filler}});
      server_.push_view("kiosk-fast", json{{"mode", "customer"}, {"n", i}});
      return 0;
    });
    ASSERT_EQ(next(*fast)["view"]["n"], i);
  }
  // Now the slow screen reads: it gets what was in flight, then the newest view.
  json last;
  std::int64_t previous_rev = 0;
  while (auto line = slow->read_line(std::chrono::milliseconds(500))) {
    last = json::parse(*line);
    EXPECT_EQ(last["view"]["rev"].get<std::int64_t>(), previous_rev + 1) << "revs are consecutive";
    previous_rev = last["view"]["rev"].get<std::int64_t>();
  }
  EXPECT_EQ(last["view"]["n"], 399);
  EXPECT_LT(previous_rev, 50) << "views were coalesced, not queued";
}

TEST_F(ScreenServerTest, SameScreenIdReconnectingReplacesTheOldConnection) {
  auto first = attach("till-1", "checkout");
  (void)next(*first);
  auto second = attach("till-1", "checkout");
  EXPECT_EQ(next(*second)["view"]["screen"], "till-1");
  EXPECT_TRUE(first->wait_closed());
  EXPECT_EQ(handler_.attached().size(), 2u);
}

TEST_F(ScreenServerTest, ScreenshotRequestReachesTheScreenAndItsAnswerTheHandler) {
  auto kiosk = attach("kiosk-1");
  (void)next(*kiosk);
  ASSERT_TRUE(io_.call([&] { return server_.request_screenshot("kiosk-1", "shot-1"); }));
  const auto request = next(*kiosk);
  EXPECT_EQ(request["request"]["what"], "screenshot");
  EXPECT_EQ(request["request"]["id"], "shot-1");
  kiosk->send_line(R"({"action":"screenshot.result","id":"shot-1","png_base64":"iVBORw0K"})");
  EXPECT_TRUE(test::wait_until([&] { return handler_.screenshots().size() == 1; }));
  EXPECT_EQ(handler_.screenshots()[0], "kiosk-1:shot-1");
  EXPECT_FALSE(io_.call([&] { return server_.request_screenshot("nobody", "x"); }));
}

}  // namespace
}  // namespace screen_server_test
}  // namespace witryna::screen
