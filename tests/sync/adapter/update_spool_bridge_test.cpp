// The update edge of the device (docs/updates.md): manifests from MQTT into
// witryna-updater's spool, the updater's status.json back into the device
// state; a device-level manifest wins over the group's. Real mosquitto, real
// spool folder, wired as edge/service/components.cpp wires it.

#include "sync/adapter/update_spool_bridge.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "tests/sync/adapter/sync_fixture.hpp"

namespace witryna::sync {
namespace update_spool_bridge_test {
namespace {

using namespace test_support;

const std::string kDeviceUpdate = std::string(kRoot) + "/device/" + kDevice + "/update";
const std::string kGroupUpdate = std::string(kRoot) + "/group/pilot/update";
const std::string kCmd = std::string(kRoot) + "/device/" + kDevice + "/cmd";
const std::string kCmdResult = kCmd + "/result";

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class UpdateSpoolBridgeTest : public SyncFixture {
 protected:
  void TearDown() override {
    if (bridge_) bridge_->stop();
    device_.reset();
    bridge_.reset();
    SyncFixture::TearDown();
  }

  void start_bridged_device(const std::filesystem::path& spool) {
    spool_ = spool;
    start_central();
    device_ = std::make_unique<SyncService>(loop_.io(), config_, options_);
    bridge_ = std::make_unique<UpdateSpoolBridge>(loop_.io(), spool_, *device_,
                                                  std::chrono::milliseconds(10));
    device_->on_update = [this](std::string_view payload, std::string_view group) {
      bridge_->on_manifest(payload, group);
    };
    device_->on_started = [this] { bridge_->start(); };
    auto started = device_->start();
    ASSERT_TRUE(started) << started.error().code << ": " << started.error().context;
    ASSERT_TRUE(loop_.run_until([&] { return device_->connected(); }));
  }

  // The updater's side: status.json replaced atomically, as it writes it.
  void updater_writes_status(const nlohmann::json& status) {
    const auto tmp = spool_ / "status.json.tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << status.dump();
    }
    std::filesystem::rename(tmp, spool_ / "status.json");
  }

  [[nodiscard]] bool inbox_becomes(const std::string& token) {
    return loop_.run_until([&] { return read_text(spool_ / "inbox.jws") == token; });
  }

  // A cmd round trip: the device handles its messages in order, so once the
  // answer is back every message published before the command was handled.
  [[nodiscard]] bool round_trip(const std::string& id) {
    if (!ok(central_->publish(kCmd, R"({"cmd":"resync","id":")" + id + R"("})", 1))) {
      return false;
    }
    return loop_.run_until([&] {
      for (const auto& r : on_topic(kCmdResult))
        if (r.value("id", "") == id) return true;
      return false;
    });
  }

  // The last device state central received has this `update` object.
  [[nodiscard]] bool central_sees_update(const std::string& state, const std::string& detail) {
    return loop_.run_until([&] {
      const auto states = on_topic(kStateTopic);
      if (states.empty() || !states.back().contains("update")) return false;
      const auto& u = states.back()["update"];
      return u.value("state", "") == state && u.value("detail", "") == detail;
    });
  }

  std::filesystem::path spool_;
  std::unique_ptr<UpdateSpoolBridge> bridge_;
};

TEST_F(UpdateSpoolBridgeTest, AManifestGoesToTheSpoolAndTheUpdatersProgressToTheDeviceState) {
  start_bridged_device(dir_.path() / "update");
  // Made by start() when tmpfiles.d did not (a development run).
  ASSERT_TRUE(std::filesystem::is_directory(spool_));

  ASSERT_TRUE(ok(central_->publish(kDeviceUpdate, "eyJhbGciOiJFZERTQSJ9.manifest-1.sig", 1,
                                   /*retained=*/true)));
  ASSERT_TRUE(inbox_becomes("eyJhbGciOiJFZERTQSJ9.manifest-1.sig"));
  // Nothing reported before the updater has written anything.
  EXPECT_FALSE(device_->device_state().update);

  updater_writes_status({{"id", "u-7"}, {"state", "downloading"}, {"percent", 42}});
  ASSERT_TRUE(loop_.run_until([&] {
    return device_->device_state().update == core::UpdateStatus{"u-7", "downloading", "42%"};
  }));

  updater_writes_status({{"id", "u-7"}, {"state", "rolled_back"}, {"detail", "health timeout"}});
  ASSERT_TRUE(central_sees_update("rolled_back", "health timeout"));
  EXPECT_EQ(on_topic(kStateTopic).back()["update"].value("id", ""), "u-7");
}

TEST_F(UpdateSpoolBridgeTest, TheDeviceManifestWinsOverTheGroups) {
  start_bridged_device(dir_.path() / "update");

  ASSERT_TRUE(ok(central_->publish(kGroupUpdate, "group-manifest-1", 1, true)));
  ASSERT_TRUE(inbox_becomes("group-manifest-1"));  // no device-level one yet: taken

  ASSERT_TRUE(ok(central_->publish(kDeviceUpdate, "device-manifest-1", 1, true)));
  ASSERT_TRUE(inbox_becomes("device-manifest-1"));

  // From then on the group's are ignored, even newer ones.
  ASSERT_TRUE(ok(central_->publish(kGroupUpdate, "group-manifest-2", 1, true)));
  ASSERT_TRUE(round_trip("after-group-2"));
  EXPECT_EQ(read_text(spool_ / "inbox.jws"), "device-manifest-1");

  // The device's own next manifest is still taken.
  ASSERT_TRUE(ok(central_->publish(kDeviceUpdate, "device-manifest-2", 1, true)));
  ASSERT_TRUE(inbox_becomes("device-manifest-2"));
}

TEST_F(UpdateSpoolBridgeTest, AnUnwritableSpoolIsReportedAsAFailedUpdate) {
  // The spool's parent is a regular file: neither start() nor the manifest
  // can make it.
  {
    std::ofstream blocker(dir_.path() / "not-a-folder");
    blocker << "x";
  }
  start_bridged_device(dir_.path() / "not-a-folder" / "update");

  ASSERT_TRUE(ok(central_->publish(kDeviceUpdate, "device-manifest-1", 1, true)));
  ASSERT_TRUE(loop_.run_until([&] {
    const auto u = device_->device_state().update;
    return u && u->state == "failed";
  }));
  EXPECT_EQ(device_->device_state().update->detail.rfind("spool: ", 0), 0u)
      << device_->device_state().update->detail;
  ASSERT_TRUE(loop_.run_until([&] {
    const auto states = on_topic(kStateTopic);
    return !states.empty() && states.back().contains("update") &&
           states.back()["update"].value("state", "") == "failed";
  }));
}

}  // namespace
}  // namespace update_spool_bridge_test
}  // namespace witryna::sync
