// The wiring of witryna-edge: which components make up the service, in start
// order. The one file to touch when a part (store, screen API, sync,
// scanners) joins the service.
#include "edge/app/components.hpp"

#include <memory>
#include <vector>

#include "drivers/make_scanner.hpp"
#include "edge/app/offline_claims.hpp"
#include "edge/service/daemon.hpp"
#include "edge/service/log.hpp"
#include "edge/service/state_dir.hpp"
#include "sync/adapter/code_claims_ref.hpp"
#include "sync/adapter/desired_config_agent.hpp"
#include "sync/adapter/sync_service.hpp"
#include "sync/adapter/update_spool_bridge.hpp"

namespace witryna::service {
namespace {

drivers::ScannerSpec scanner_spec(const ScannerConfig& c) {
  drivers::ScannerSpec spec;
  spec.id = c.id;
  spec.path = c.path;
  spec.screen = c.screen;
  spec.baud = static_cast<unsigned>(c.baud);
  spec.layout =
      c.layout == KeyboardLayout::kPl ? drivers::hid::Layout::kPl : drivers::hid::Layout::kUs;
  switch (c.kind) {
    case ScannerKind::kHid:
      spec.kind = drivers::ScannerKind::kHid;
      break;
    case ScannerKind::kSerial:
      spec.kind = drivers::ScannerKind::kSerial;
      break;
    case ScannerKind::kSim:
      spec.kind = drivers::ScannerKind::kSim;
      break;
  }
  return spec;
}

// The configured scanners (config scanners.<id>); each scan goes to the
// workflows as a scan at the scanner's screen. Drivers post onto the loop.
class Scanners final : public Component {
 public:
  Scanners(EventLoop& loop, std::vector<ScannerConfig> configs, std::shared_ptr<app::Wiring> wiring)
      : loop_(loop), configs_(std::move(configs)), wiring_(std::move(wiring)) {}

  [[nodiscard]] std::string_view name() const override { return "scanners"; }

  [[nodiscard]] Result<void> start() override {
    for (const auto& c : configs_) {
      drivers::ScannerHandlers handlers;
      handlers.on_scan = [this, screen = c.screen](drivers::ScanEvent e) {
        if (wiring_->workflows != nullptr) wiring_->workflows->on_scanner_scan(screen, e.payload);
      };
      handlers.on_status = [](drivers::ScannerStatus st) {
        const auto level =
            st.kind == drivers::StatusKind::kConnected ? LogLevel::kInfo : LogLevel::kWarn;
        log::at(level, "scanner ", st.scanner, ": ", drivers::to_string(st.kind), " (", st.reason,
                ") ", st.detail);
      };
      auto scanner = drivers::make_scanner(loop_.io(), scanner_spec(c), std::move(handlers));
      if (!scanner) {
        stop();
        return tl::unexpected(scanner.error());
      }
      (*scanner)->start();
      scanners_.push_back(std::move(*scanner));
    }
    return {};
  }

  void stop() override {
    for (auto& s : scanners_)
      s->stop();
    scanners_.clear();
  }

  [[nodiscard]] bool healthy() const override { return true; }

 private:
  EventLoop& loop_;
  std::vector<ScannerConfig> configs_;
  std::shared_ptr<app::Wiring> wiring_;
  std::vector<std::unique_ptr<drivers::Scanner>> scanners_;
};

}  // namespace

void add_components(App& app, EventLoop& loop, const Config& config) {
  // What the components share (the store's connection, the workflows, claims).
  auto wiring = std::make_shared<app::Wiring>();

  app.add(std::make_unique<StateDir>(config.storage.state_dir));
  // One store::Database on the loop thread, shared by the workflows and sync.
  app.add(std::make_unique<app::StoreComponent>(loop, config.storage.db_path, wiring));

  // --- sync: added by sync/adapter ---
  // The MQTT link to central (sync/adapter/sync_service.hpp). It owns the
  // CodeClaims the workflows use (they get a forwarding CodeClaimsRef), and
  // starts after the workflows so its hooks reach them.
  sync::SyncOptions sync_options;
  sync_options.version = WITRYNA_VERSION;
  auto sync_service = std::make_unique<sync::SyncService>(loop.io(), config, sync_options);
  sync::SyncService* sync_ptr = sync_service.get();
  wiring->make_claims = [sync_ptr]() -> std::unique_ptr<core::CodeClaims> {
    return std::make_unique<sync::CodeClaimsRef>(sync_ptr->claims());
  };
  sync_ptr->on_link = [wiring](bool online, std::optional<TimePoint> last_sync) {
    if (wiring->workflows != nullptr) wiring->workflows->set_link_status(online, last_sync);
  };
  sync_ptr->on_synced = [wiring, sync_ptr](TimePoint last_sync) {
    if (wiring->workflows != nullptr) {
      wiring->workflows->set_link_status(sync_ptr->connected(), last_sync);
    }
  };
  // A screen request waiting cuts short the slice of a snapshot being applied.
  sync_ptr->input_waiting = [wiring] {
    return wiring->screen_server != nullptr && wiring->screen_server->input_waiting();
  };
  sync_ptr->on_applied = [wiring](std::string_view stream) {
    if (wiring->workflows != nullptr) wiring->workflows->on_central_changed(stream);
  };
  // Software updates: manifests to witryna-updater's spool, its progress back
  // into the device state (docs/updates.md).
  auto updates = std::make_shared<sync::UpdateSpoolBridge>(
      loop.io(), config.storage.state_dir / "update", *sync_ptr);
  sync_ptr->on_update = [updates](std::string_view payload, std::string_view group) {
    updates->on_manifest(payload, group);
  };
  sync_ptr->on_started = [wiring, sync_ptr, updates] {
    if (wiring->workflows != nullptr) {
      wiring->workflows->set_on_events_written([sync_ptr] { sync_ptr->events_written(); });
    }
    updates->start();
  };
  sync_ptr->on_cmd = [wiring, sync_ptr, &app](const sync::core::Command& command) {
    using Kind = sync::core::Command::Kind;
    if (command.kind == Kind::kRestart) {
      sync_ptr->answer_command({command.id, true, "restarting", std::nullopt});
      app.request_restart("fleet command " + command.id);
      return;
    }
    if (command.kind == Kind::kScreenshot && wiring->workflows != nullptr) {
      wiring->workflows->request_screenshot(
          command.screen, [sync_ptr, id = command.id](Result<std::string> png) {
            if (png) {
              sync_ptr->answer_command({id, true, "", *png});
            } else {
              sync_ptr->answer_command({id, false, png.error().code, std::nullopt});
            }
          });
      return;
    }
    sync_ptr->answer_command({command.id, false, "not available", std::nullopt});
  };
  // The fleet's desired configuration, applied through App::apply.
  auto desired = std::make_shared<sync::DesiredConfigAgent>(sync::DesiredConfigAgent::Hooks{
      [&app]() -> const LoadedConfig& { return app.loaded(); },
      [&app](const Config& next) { return app.apply(next); },
      [&app](const std::string& reason) { app.request_restart(reason); },
      [sync_ptr](std::int64_t ver, std::optional<sync::core::ConfigError> error) {
        sync_ptr->set_config_status(ver, std::move(error));
      }});
  sync_ptr->on_desired = [desired](std::string_view payload, std::string_view group) {
    desired->on_message(payload, group);
  };
  // --- end sync ---

  app.add(std::make_unique<app::WorkflowsComponent>(loop, config, wiring));
  app.add(std::move(sync_service));  // sync: after the workflows (see above)
  app.add(std::make_unique<Scanners>(loop, config.scanners, wiring));
}

}  // namespace witryna::service
