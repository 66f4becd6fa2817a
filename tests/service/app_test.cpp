#include "edge/service/app.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "edge/service/state_dir.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::service {
namespace app_test {
namespace {

// Records what the App does to it in a shared journal.
class FakeComponent final : public Component {
 public:
  FakeComponent(std::string name, std::vector<std::string>& journal, bool fail = false)
      : name_(std::move(name)), journal_(journal), fail_(fail) {}

  std::string_view name() const override { return name_; }
  Result<void> start() override {
    journal_.push_back("start " + name_);
    if (fail_) return fail(std::string(errc::kIo), "boom");
    return {};
  }
  void stop() override { journal_.push_back("stop " + name_); }
  void reconfigure(const Config& config, const std::vector<std::string>& changed) override {
    std::string keys;
    for (const auto& k : changed)
      keys += " " + k;
    journal_.push_back("reconfigure " + name_ + keys +
                       " max_on_screen=" + std::to_string(config.offers.max_on_screen));
  }

 private:
  std::string name_;
  std::vector<std::string>& journal_;
  bool fail_;
};

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

std::string config_text(int max_on_screen, int keepalive = 30) {
  return "[device]\nid = \"e1\"\nbrand = \"acme\"\nstore = \"S1\"\n[offers]\nmax_on_screen = " +
         std::to_string(max_on_screen) + "\n[mqtt]\nkeepalive_s = " + std::to_string(keepalive) +
         "\n";
}

class AppTest : public ::testing::Test {
 protected:
  AppTest() {
    write_file(dir_ / "witryna.toml", config_text(4));
    const std::string state = "storage.state_dir=\"" + (dir_ / "state").string() + "\"";
    options_ = AppOptions{dir_ / "witryna.toml", {state}};
  }

  LoadedConfig load() {
    auto loaded = load_service_config(options_.config_file, options_.overrides);
    EXPECT_TRUE(loaded) << loaded.error().context;
    return *loaded;
  }

  test::TempDir dir_;
  AppOptions options_;
  EventLoop loop_;
  SdNotifier notifier_;
  std::vector<std::string> journal_;
};

TEST_F(AppTest, StartsInOrderAndStopsInReverse) {
  App app(loop_, load(), options_, notifier_);
  app.add(std::make_unique<FakeComponent>("store", journal_));
  app.add(std::make_unique<FakeComponent>("screen", journal_));
  ASSERT_TRUE(app.start());
  EXPECT_TRUE(app.healthy());
  app.stop();
  app.stop();
  EXPECT_FALSE(app.healthy());
  EXPECT_EQ(journal_,
            (std::vector<std::string>{"start store", "start screen", "stop screen", "stop store"}));
}

TEST_F(AppTest, AFailedStartStopsWhatAlreadyStarted) {
  App app(loop_, load(), options_, notifier_);
  app.add(std::make_unique<FakeComponent>("store", journal_));
  app.add(std::make_unique<FakeComponent>("screen", journal_, true));
  app.add(std::make_unique<FakeComponent>("sync", journal_));
  auto started = app.start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().context, "screen: boom");
  EXPECT_EQ(journal_, (std::vector<std::string>{"start store", "start screen", "stop store"}));
}

TEST_F(AppTest, ReloadAppliesLiveKeysAndKeepsRestartKeys) {
  App app(loop_, load(), options_, notifier_);
  app.add(std::make_unique<FakeComponent>("offers", journal_));
  ASSERT_TRUE(app.start());
  write_file(dir_ / "witryna.toml", config_text(2, 60));
  app.reload();
  EXPECT_EQ(app.config().offers.max_on_screen, 2);
  EXPECT_EQ(app.config().mqtt.keepalive_s, 30);  // waits for a restart
  EXPECT_EQ(journal_.back(), "reconfigure offers offers.max_on_screen max_on_screen=2");
}

TEST_F(AppTest, AnInvalidFileOnReloadChangesNothing) {
  App app(loop_, load(), options_, notifier_);
  app.add(std::make_unique<FakeComponent>("offers", journal_));
  ASSERT_TRUE(app.start());
  write_file(dir_ / "witryna.toml", config_text(0));
  app.reload();
  EXPECT_EQ(app.config().offers.max_on_screen, 4);
  EXPECT_EQ(journal_.back(), "start offers");
}

TEST_F(AppTest, RequestRestartStopsWithTheRestartCode) {
  App app(loop_, load(), options_, notifier_);
  app.add(std::make_unique<FakeComponent>("store", journal_));
  ASSERT_TRUE(app.start());
  app.request_restart("test");
  EXPECT_EQ(app.exit_code(), kExitRestart);
  EXPECT_EQ(journal_.back(), "stop store");
}

TEST(StateDir, CreatesTheFolderAndLocksItAgainstASecondService) {
  test::TempDir dir;
  StateDir first(dir / "state");
  ASSERT_TRUE(first.start());
  EXPECT_TRUE(std::filesystem::is_directory(dir / "state"));
  StateDir second(dir / "state");
  auto refused = second.start();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::kIo);
  EXPECT_NE(refused.error().context.find("another witryna-edge is using the state folder"),
            std::string::npos);
  first.stop();
  EXPECT_TRUE(second.start());
}

TEST(StateDir, APathThatIsAFileIsRefused) {
  test::TempDir dir;
  write_file(dir / "file", "x");
  StateDir state(dir / "file");
  EXPECT_FALSE(state.start());
}

}  // namespace
}  // namespace app_test
}  // namespace witryna::service
