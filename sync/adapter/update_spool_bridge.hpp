#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "sync/adapter/sync_service.hpp"

namespace witryna::sync {

// Carries software updates between MQTT and witryna-updater (docs/updates.md):
// manifests from …/device/{device}/update (or the group's) go into the update
// spool as received — the updater verifies them — and the updater's progress
// comes back into the device state's `update`. A device-level manifest wins:
// once one was seen, group-level ones are ignored. Loop thread only.
class UpdateSpoolBridge {
 public:
  UpdateSpoolBridge(boost::asio::io_context& io, std::filesystem::path spool, SyncService& sync,
                    std::chrono::milliseconds poll_every = std::chrono::seconds(2));
  ~UpdateSpoolBridge();
  UpdateSpoolBridge(const UpdateSpoolBridge&) = delete;
  UpdateSpoolBridge& operator=(const UpdateSpoolBridge&) = delete;

  // SyncService::on_update.
  void on_manifest(std::string_view payload, std::string_view group);
  // Starts reading the updater's status into the device state.
  void start();
  void stop();

 private:
  void poll();
  void arm();

  boost::asio::steady_timer timer_;
  std::filesystem::path spool_;
  SyncService& sync_;
  std::chrono::milliseconds poll_every_;
  bool device_manifest_seen_ = false;
  bool stopped_ = true;
  std::optional<core::UpdateStatus> last_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::sync
