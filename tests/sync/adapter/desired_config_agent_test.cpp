// The fleet's desired configuration: applied, persisted, refused, precedence.

#include "sync/adapter/desired_config_agent.hpp"

#include <gtest/gtest.h>

#include "edge/service/desired_config.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::sync {
namespace desired_config_agent_test {
namespace {

class DesiredConfigAgentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    service::Config config;
    config.device.id = "PL-WAW-001-edge1";
    config.device.brand = "acme";
    config.device.store = "PL-WAW-001";
    config.storage.state_dir = dir_.path();
    config.storage.db_path = dir_.path() / "witryna.db";
    loaded_.local = service::config_to_json(config);
    auto parsed = service::config_from_json(loaded_.local);
    ASSERT_TRUE(parsed) << parsed.error().context;
    loaded_.config = *parsed;
    running_ = *parsed;
  }

  DesiredConfigAgent agent() {
    return DesiredConfigAgent(DesiredConfigAgent::Hooks{
        [this]() -> const service::LoadedConfig& { return loaded_; },
        [this](const service::Config& next) -> Result<service::ConfigChange> {
          auto change = service::plan_config_change(running_, next);
          if (change) running_ = change->effective;
          ++applies_;
          return change;
        },
        [this](const std::string&) { ++restarts_; },
        [this](std::int64_t ver, std::optional<core::ConfigError> error) {
          reported_ver_ = ver;
          reported_error_ = std::move(error);
        }});
  }

  test::TempDir dir_;
  service::LoadedConfig loaded_;
  service::Config running_;
  int applies_ = 0;
  int restarts_ = 0;
  std::int64_t reported_ver_ = -1;
  std::optional<core::ConfigError> reported_error_;
};

TEST_F(DesiredConfigAgentTest, AValidDesiredConfigIsAppliedPersistedAndReported) {
  auto a = agent();
  EXPECT_EQ(reported_ver_, 0);
  a.on_message(R"({"config_ver":8,"config":{"offers":{"max_on_screen":6}}})", "");
  EXPECT_EQ(running_.offers.max_on_screen, 6);
  EXPECT_EQ(reported_ver_, 8);
  EXPECT_FALSE(reported_error_);
  auto stored = service::read_desired_config(service::desired_config_path(running_));
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->config_ver, 8);
  // Stale or repeated: ignored.
  a.on_message(R"({"config_ver":8,"config":{"offers":{"max_on_screen":2}}})", "");
  a.on_message(R"({"config_ver":7,"config":{"offers":{"max_on_screen":2}}})", "");
  EXPECT_EQ(running_.offers.max_on_screen, 6);
  EXPECT_EQ(applies_, 1);
}

TEST_F(DesiredConfigAgentTest, InvalidValuesAndSecretsAreRefusedAndTheOldConfigKept) {
  auto a = agent();
  a.on_message(R"({"config_ver":3,"config":{"offers":{"max_on_screen":500}}})", "");
  ASSERT_TRUE(reported_error_);
  EXPECT_EQ(reported_error_->config_ver, 3);
  EXPECT_NE(reported_error_->error.find("offers.max_on_screen"), std::string::npos);
  a.on_message(R"({"config_ver":4,"config":{"mqtt":{"tls":{"key":"/tmp/evil.key"}}}})", "");
  ASSERT_TRUE(reported_error_);
  EXPECT_EQ(reported_error_->config_ver, 4);
  a.on_message("not json", "");
  ASSERT_TRUE(reported_error_);
  EXPECT_EQ(reported_ver_, 0);
  EXPECT_EQ(applies_, 0);
  EXPECT_EQ(running_.offers.max_on_screen, 4);
}

TEST_F(DesiredConfigAgentTest, TheDeviceLevelMessageWinsOverTheGroup) {
  auto a = agent();
  a.on_message(R"({"config_ver":10,"config":{"offers":{"max_on_screen":3}}})", "pilot");
  EXPECT_EQ(running_.offers.max_on_screen, 3);
  // Device-level replaces it even with a lower config_ver...
  a.on_message(R"({"config_ver":5,"config":{"offers":{"max_on_screen":5}}})", "");
  EXPECT_EQ(running_.offers.max_on_screen, 5);
  EXPECT_EQ(reported_ver_, 5);
  // ...and from then on group-level messages are ignored.
  a.on_message(R"({"config_ver":11,"config":{"offers":{"max_on_screen":2}}})", "pilot");
  EXPECT_EQ(running_.offers.max_on_screen, 5);
}

}  // namespace
}  // namespace desired_config_agent_test
}  // namespace witryna::sync
