// The screen client against a fake edge on a real Unix socket: hello, views,
// actions and results, a dropped connection and the reconnect, a screenshot
// request answered with a PNG.
#include <gtest/gtest.h>
#include <stb_image.h>

#include <atomic>

#include "display/client/io_thread.hpp"
#include "display/client/screen_client.hpp"
#include "display/image/base64.hpp"
#include "tests/display/fake_edge.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wait.hpp"

namespace witryna::display {
namespace client_test {
namespace {

using nlohmann::json;
using test::wait_until;

const char* kCustomerView =
    R"({"view":{"rev":42,"screen":"kiosk-1","mode":"customer","status":{"online":true,"outbox":2,"version":"1.4.2"},)"
    R"("customer":{"id":"C-000123","display_name":"Anna","tier":"gold","points":1250,"personalized":true},)"
    R"("offers":[{"offer":"OF-1","title":"-20% on dresses","benefit":{"type":"percent","value":20},"reasons":["you like dresses"]}]}})";
const char* kIdleView =
    R"({"view":{"rev":1,"screen":"kiosk-1","mode":"idle","status":{"online":true}}})";

class ClientTest : public ::testing::Test {
 protected:
  ClientTest() : edge_(dir_ / "screen.sock") {}

  void start(Hello hello = Hello{"kiosk-1", Role::kKiosk, std::nullopt}) {
    ClientOptions o;
    o.socket_path = dir_ / "screen.sock";
    o.hello = std::move(hello);
    o.reconnect_initial = Millis(20);
    o.reconnect_max = Millis(200);
    client_ = std::make_unique<ScreenClient>(io_.context(), o, [this] { ++changes_; });
    client_->start();
  }

  // Accepts the client's connection and checks its first line is hello.
  void expect_hello(const json& want) {
    ASSERT_TRUE(edge_.accept());
    const auto line = edge_.read_line();
    ASSERT_TRUE(line);
    EXPECT_EQ(json::parse(*line), want);
  }

  bool shows_rev(std::int64_t rev) {
    return wait_until([&] {
      const auto s = client_->snapshot();
      return s.connected && s.view->rev == rev;
    });
  }

  test::TempDir dir_;
  test::FakeEdge edge_;
  IoThread io_;
  std::atomic<int> changes_{0};
  std::unique_ptr<ScreenClient> client_;
};

TEST_F(ClientTest, HelloViewActionResult) {
  start();
  expect_hello(
      json::parse(R"({"hello":{"screen":"kiosk-1","role":"kiosk","till":null,"protocol":1}})"));
  EXPECT_FALSE(client_->snapshot().view->customer);  // neutral until the first view

  ASSERT_TRUE(edge_.send_line(kCustomerView));
  ASSERT_TRUE(shows_rev(42));
  const auto snap = client_->snapshot();
  ASSERT_TRUE(snap.view->customer);
  EXPECT_EQ(snap.view->customer->display_name, "Anna");
  EXPECT_EQ(snap.view->status.outbox, 2);
  ASSERT_EQ(snap.view->offers.size(), 1u);
  EXPECT_GT(changes_.load(), 0);

  const auto id = client_->send(action::offer_accept("OF-1"));
  const auto line = edge_.read_line();
  ASSERT_TRUE(line);
  EXPECT_EQ(json::parse(*line), (json{{"action", "offer.accept"}, {"offer", "OF-1"}, {"id", id}}));
  ASSERT_TRUE(edge_.send_line(json{{"result", {{"id", id}, {"ok", true}}}}.dump()));
  std::vector<ResultMessage> results;
  ASSERT_TRUE(wait_until([&] {
    for (auto& r : client_->take_results())
      results.push_back(r);
    return !results.empty();
  }));
  EXPECT_EQ(results[0].id, id);
  EXPECT_TRUE(results[0].ok);
}

TEST_F(ClientTest, CheckoutHelloNamesItsTill) {
  start(Hello{"till-2", Role::kCheckout, "T2"});
  expect_hello(
      json::parse(R"({"hello":{"screen":"till-2","role":"checkout","till":"T2","protocol":1}})"));
}

TEST_F(ClientTest, ReconnectsAfterTheEdgeDropsAndForgetsThePerson) {
  start();
  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
  ASSERT_TRUE(edge_.send_line(kCustomerView));
  ASSERT_TRUE(shows_rev(42));

  edge_.drop();
  ASSERT_TRUE(wait_until([&] { return !client_->snapshot().connected; }));
  const auto gone = client_->snapshot();
  EXPECT_FALSE(gone.view->customer);  // nothing personal stays on screen
  EXPECT_TRUE(gone.view->offers.empty());
  EXPECT_EQ(gone.view->status.outbox, 2);  // the last status is kept

  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
  ASSERT_TRUE(edge_.send_line(kIdleView));
  ASSERT_TRUE(shows_rev(1));
}

TEST_F(ClientTest, ScreenshotRequestIsAnsweredWithAPng) {
  start();
  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
  ASSERT_TRUE(edge_.send_line(R"({"request":{"id":"shot-1","what":"screenshot"}})"));
  std::vector<RequestMessage> requests;
  ASSERT_TRUE(wait_until([&] {
    for (auto& r : client_->take_requests())
      requests.push_back(r);
    return !requests.empty();
  }));
  EXPECT_EQ(requests[0].what, "screenshot");

  Image image{3, 2, std::vector<std::uint8_t>(3 * 2 * 4, 200)};
  client_->answer_screenshot(requests[0].id, image);
  const auto line = edge_.read_line();
  ASSERT_TRUE(line);
  const json answer = json::parse(*line);
  EXPECT_EQ(answer["action"], "screenshot.result");
  EXPECT_EQ(answer["id"], "shot-1");
  const auto png = base64_decode(answer["png_base64"].get<std::string>());
  ASSERT_TRUE(png);
  int w = 0, h = 0, n = 0;
  ASSERT_EQ(stbi_info_from_memory(reinterpret_cast<const unsigned char*>(png->data()),
                                  static_cast<int>(png->size()), &w, &h, &n),
            1);
  EXPECT_EQ(w, 3);
  EXPECT_EQ(h, 2);
}

TEST_F(ClientTest, UnreadableViewBlanksThePersonAndKeepsTheConnection) {
  start();
  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
  ASSERT_TRUE(edge_.send_line(kCustomerView));
  ASSERT_TRUE(shows_rev(42));
  ASSERT_TRUE(edge_.send_line(R"({"view":{"rev":43,"mode":"teleport"}})"));
  ASSERT_TRUE(wait_until([&] { return !client_->snapshot().view->customer; }));
  EXPECT_TRUE(client_->snapshot().connected);
  ASSERT_TRUE(edge_.send_line("not json at all"));
  ASSERT_TRUE(edge_.send_line(kIdleView));
  ASSERT_TRUE(shows_rev(1));
}

TEST_F(ClientTest, LineOverOneMebibyteDropsTheConnection) {
  start();
  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
  // The send may fail half-way: the client hangs up once it has read 1 MiB.
  (void)edge_.send_line(std::string(1024 * 1024 + 10, 'x'));
  // The client hangs up and comes back.
  expect_hello(hello_message(Hello{"kiosk-1", Role::kKiosk, std::nullopt}));
}

TEST(ClientWithoutEdge, ActionFailsAsOffline) {
  test::TempDir dir;
  IoThread io;
  ClientOptions o;
  o.socket_path = dir / "screen.sock";
  o.reconnect_initial = Millis(10);
  ScreenClient client(io.context(), o);
  {
    test::FakeEdge edge(dir / "screen.sock");
    client.start();
    ASSERT_TRUE(edge.accept());
    ASSERT_TRUE(edge.read_line());
    ASSERT_TRUE(test::wait_until([&] { return client.snapshot().connected; }));
  }  // the edge is gone, socket and all
  ASSERT_TRUE(test::wait_until([&] { return !client.snapshot().connected; }));
  const auto id = client.send(action::session_end());
  std::vector<ResultMessage> results;
  ASSERT_TRUE(test::wait_until([&] {
    for (auto& r : client.take_results())
      results.push_back(r);
    return !results.empty();
  }));
  EXPECT_EQ(results[0].id, id);
  EXPECT_FALSE(results[0].ok);
  EXPECT_EQ(results[0].error, "offline");
}

TEST(ClientWithoutEdge, KeepsTryingUntilTheEdgeAppears) {
  test::TempDir dir;
  IoThread io;
  ClientOptions o;
  o.socket_path = dir / "screen.sock";
  o.reconnect_initial = Millis(10);
  o.reconnect_max = Millis(50);
  ScreenClient client(io.context(), o);
  client.start();
  EXPECT_FALSE(client.snapshot().connected);
  test::FakeEdge edge(dir / "screen.sock");  // the edge starts late
  ASSERT_TRUE(edge.accept());
  ASSERT_TRUE(edge.read_line());
  ASSERT_TRUE(test::wait_until([&] { return client.snapshot().connected; }));
}

}  // namespace
}  // namespace client_test
}  // namespace witryna::display
