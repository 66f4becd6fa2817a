#include "sync/adapter/update_spool_bridge.hpp"

#include <utility>

#include "edge/service/log.hpp"
#include "edge/update/spool.hpp"

namespace witryna::sync {

UpdateSpoolBridge::UpdateSpoolBridge(boost::asio::io_context& io, std::filesystem::path spool,
                                     SyncService& sync, std::chrono::milliseconds poll_every)
    : timer_(io), spool_(std::move(spool)), sync_(sync), poll_every_(poll_every) {}

UpdateSpoolBridge::~UpdateSpoolBridge() {
  *alive_ = false;
}

void UpdateSpoolBridge::on_manifest(std::string_view payload, std::string_view group) {
  if (group.empty()) {
    device_manifest_seen_ = true;
  } else if (device_manifest_seen_) {
    return;  // the device's own manifest wins over its group's
  }
  if (payload.empty()) return;  // a cleared retained message: nothing to install
  if (auto ok = update::submit_update_manifest(spool_, payload); !ok) {
    service::log::error("update manifest not handed to the updater: ", ok.error().context);
    sync_.set_update_status(core::UpdateStatus{"", "failed", "spool: " + ok.error().code});
    return;
  }
  if (group.empty()) {
    service::log::info("update manifest handed to the updater");
  } else {
    service::log::info("update manifest of group ", group, " handed to the updater");
  }
  poll();
}

void UpdateSpoolBridge::start() {
  stopped_ = false;
  // tmpfiles.d makes it on an appliance (shared with the updater's user); a
  // development or demo run makes its own.
  std::error_code ec;
  std::filesystem::create_directories(spool_, ec);
  if (ec) service::log::warn("update spool ", spool_.string(), ": ", ec.message());
  poll();
  arm();
}

void UpdateSpoolBridge::stop() {
  stopped_ = true;
  timer_.cancel();
}

void UpdateSpoolBridge::poll() {
  auto status = update::read_update_status(spool_);
  if (!status) return;  // no update yet (not_found) or the updater is writing it
  core::UpdateStatus now{status->value("id", ""), status->value("state", ""),
                         status->value("detail", "")};
  if (const auto percent = status->find("percent");
      percent != status->end() && percent->is_number() && now.detail.empty()) {
    now.detail = std::to_string(percent->get<int>()) + "%";
  }
  if (last_ != now) {
    last_ = now;
    sync_.set_update_status(now);
  }
}

void UpdateSpoolBridge::arm() {
  if (stopped_) return;
  timer_.expires_after(poll_every_);
  timer_.async_wait(
      [this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
        auto a = alive.lock();
        if (ec || !a || !*a || stopped_) return;
        poll();
        arm();
      });
}

}  // namespace witryna::sync
