#include "edge/service/desired_config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "edge/service/config_loader.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::service {
namespace desired_config_test {
namespace {

using nlohmann::json;

TEST(DesiredConfig, ParsesTheFleetMessage) {
  auto desired = parse_desired(
      json::parse(R"({"config_ver":8,"config":{"offers":{"max_on_screen":4}},"extra":"ignored"})"));
  ASSERT_TRUE(desired);
  EXPECT_EQ(desired->config_ver, 8);
  EXPECT_EQ(desired->config, json::parse(R"({"offers":{"max_on_screen":4}})"));
}

TEST(DesiredConfig, RefusesMalformedMessages) {
  for (const char* bad : {R"([])", R"({"config":{}})", R"({"config_ver":-1,"config":{}})",
                          R"({"config_ver":"8","config":{}})", R"({"config_ver":8})",
                          R"({"config_ver":8,"config":[]})"}) {
    auto desired = parse_desired(json::parse(bad));
    ASSERT_FALSE(desired) << bad;
    EXPECT_EQ(desired.error().code, errc::kConfig);
  }
}

TEST(DesiredConfig, IsWrittenAndReadBack) {
  test::TempDir dir;
  const auto file = dir / "desired-config.json";
  auto none = read_desired_config(file);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  const DesiredConfig desired{9, json::parse(R"({"log":{"level":"debug"}})")};
  ASSERT_TRUE(write_desired_config(file, desired));
  auto back = read_desired_config(file);
  ASSERT_TRUE(back);
  ASSERT_TRUE(back->has_value());
  EXPECT_EQ(**back, desired);
  EXPECT_FALSE(std::filesystem::exists(dir / "desired-config.json.tmp"));
}

TEST(DesiredConfig, ACorruptFileIsAnError) {
  test::TempDir dir;
  std::ofstream(dir / "desired-config.json") << "{\"config_ver\": 3, \"conf";
  EXPECT_FALSE(read_desired_config(dir / "desired-config.json"));
}

class LoadServiceConfig : public ::testing::Test {
 protected:
  LoadServiceConfig() {
    std::ofstream(dir_ / "witryna.toml") << "[device]\nid = \"e1\"\nbrand = \"acme\"\nstore = "
                                            "\"S1\"\n[storage]\nstate_dir = \"state\"\n";
    std::filesystem::create_directories(dir_ / "state");
  }
  void store_desired(const std::string& config) {
    ASSERT_TRUE(write_desired_config(dir_ / "state" / "desired-config.json",
                                     DesiredConfig{5, json::parse(config)}));
  }
  test::TempDir dir_;
};

TEST_F(LoadServiceConfig, TheStoredDesiredConfigIsMergedOverTheFile) {
  store_desired(R"({"offers":{"max_on_screen":2}})");
  auto loaded = load_service_config(dir_ / "witryna.toml", {"offers.max_on_screen=7"});
  ASSERT_TRUE(loaded) << loaded.error().context;
  EXPECT_EQ(loaded->config.offers.max_on_screen, 2);
  ASSERT_TRUE(loaded->desired);
  EXPECT_EQ(loaded->desired->config_ver, 5);
  EXPECT_EQ(loaded->local["offers"]["max_on_screen"], 7);  // file + overrides only
  EXPECT_TRUE(loaded->desired_problem.empty());
}

TEST_F(LoadServiceConfig, AStoredDesiredConfigThatNoLongerFitsIsSkipped) {
  store_desired(R"({"offers":{"max_on_screen":0}})");
  auto loaded = load_service_config(dir_ / "witryna.toml", {});
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->config.offers.max_on_screen, 4);
  EXPECT_FALSE(loaded->desired);
  EXPECT_EQ(loaded->desired_problem, "offers.max_on_screen must be between 1 and 20, got 0");
}

TEST_F(LoadServiceConfig, ABadOverrideIsAnError) {
  auto loaded = load_service_config(dir_ / "witryna.toml", {"offers.max_on_screen=0"});
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().context, "offers.max_on_screen must be between 1 and 20, got 0");
}

}  // namespace
}  // namespace desired_config_test
}  // namespace witryna::service
