#pragma once
// The parts of witryna-edge that the workflows make up, as service
// Components (edge/service/component.hpp). Wired in edge/service/components.cpp.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "edge/app/workflows.hpp"
#include "edge/core/ports/code_claims.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/screen/screen_server.hpp"
#include "edge/service/component.hpp"
#include "edge/service/event_loop.hpp"
#include "edge/store/checkpointer.hpp"
#include "edge/store/db/database.hpp"

namespace witryna::app {

// What the components share, filled in as they start (null before / after).
// Each component holds it by shared_ptr, so it outlives all of them.
struct Wiring {
  store::Database* db = nullptr;       // the store's one connection, on the loop thread
  core::CodeClaims* claims = nullptr;  // what the workflows ask for brand-code claims
  Workflows* workflows = nullptr;
  screen::ScreenServer* screen_server = nullptr;  // while the screen API runs
  // Makes the CodeClaims implementation when the workflows start. Default:
  // OfflineClaims (no link to central wired).
  std::function<std::unique_ptr<core::CodeClaims>()> make_claims;
};

// Opens (creating and migrating) the SQLite store and does its housekeeping:
// hourly purge of jtis past their expiry and of shown counters of past days.
class StoreComponent final : public service::Component {
 public:
  StoreComponent(service::EventLoop& loop, std::filesystem::path db_path,
                 std::shared_ptr<Wiring> wiring);
  [[nodiscard]] std::string_view name() const override { return "store"; }
  [[nodiscard]] Result<void> start() override;
  void stop() override;

 private:
  void housekeeping();

  service::EventLoop& loop_;
  std::filesystem::path path_;
  std::shared_ptr<Wiring> wiring_;
  std::optional<store::Database> db_;
  std::unique_ptr<store::Checkpointer> checkpointer_;
  std::optional<service::Timer> timer_;
};

// The workflows and the screen API server in front of them.
class WorkflowsComponent final : public service::Component {
 public:
  WorkflowsComponent(service::EventLoop& loop, service::Config config,
                     std::shared_ptr<Wiring> wiring);
  ~WorkflowsComponent() override;
  [[nodiscard]] std::string_view name() const override { return "screen-api"; }
  [[nodiscard]] Result<void> start() override;
  void stop() override;
  void reconfigure(const service::Config& config, const std::vector<std::string>& changed) override;
  [[nodiscard]] bool healthy() const override;

 private:
  service::EventLoop& loop_;
  service::Config config_;
  std::shared_ptr<Wiring> wiring_;
  crypto::Ed25519KeyRing keys_;
  std::unique_ptr<core::CodeClaims> claims_;
  std::unique_ptr<Workflows> workflows_;
  std::unique_ptr<screen::ScreenServer> server_;
};

// The app token keys of config keys.app. A key that cannot be loaded is
// logged and left out (tokens signed with it answer unknown_key; cards and
// codes keep working).
[[nodiscard]] crypto::Ed25519KeyRing load_app_keys(const service::Config& config);

}  // namespace witryna::app
