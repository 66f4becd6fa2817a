#include "edge/app/components.hpp"

#include "edge/app/offline_claims.hpp"
#include "edge/app/workflow_options.hpp"
#include "edge/service/config.hpp"
#include "edge/service/log.hpp"
#include "edge/store/checkpointer.hpp"
#include "edge/store/jti_cache.hpp"
#include "edge/store/shown_counters.hpp"
#include "edge/store/store.hpp"

namespace witryna::app {

namespace log = service::log;

StoreComponent::StoreComponent(service::EventLoop& loop, std::filesystem::path db_path,
                               std::shared_ptr<Wiring> wiring)
    : loop_(loop), path_(std::move(db_path)), wiring_(std::move(wiring)) {}

Result<void> StoreComponent::start() {
  store::DatabaseOptions options;
  options.auto_checkpoint = false;  // checkpointer_ does them, off the loop
  auto db = store::open_store(path_, options);
  if (!db) {
    return fail(db.error().code,
                "cannot open the store " + path_.string() + ": " + db.error().context);
  }
  auto checkpointer = store::Checkpointer::start(path_);
  if (!checkpointer) {
    return fail(checkpointer.error().code, "cannot start checkpoints on " + path_.string() + ": " +
                                               checkpointer.error().context);
  }
  checkpointer_ = std::move(*checkpointer);
  db_.emplace(std::move(*db));
  wiring_->db = &*db_;
  timer_.emplace(loop_);
  housekeeping();
  timer_->every(std::chrono::hours(1), [this] { housekeeping(); });
  log::info("store open at ", path_.string());
  return {};
}

void StoreComponent::stop() {
  timer_.reset();
  wiring_->db = nullptr;
  db_.reset();
  checkpointer_.reset();  // after the last commit: one final checkpoint
}

void StoreComponent::housekeeping() {
  if (!db_) return;
  const auto now = system_now();
  if (auto n = store::purge_jti(*db_, now); !n) log::warn("jti purge: ", n.error().context);
  if (auto n = store::purge_shown_before(*db_, now); !n) {
    log::warn("shown counter purge: ", n.error().context);
  }
}

crypto::Ed25519KeyRing load_app_keys(const service::Config& config) {
  crypto::Ed25519KeyRing ring;
  for (const auto& [kid, source] : config.keys.app) {
    auto added = source.raw_hex.empty() ? ring.add_pem_file(kid, source.pem_file)
                                        : ring.add_raw_hex(kid, source.raw_hex);
    if (!added) {
      log::error("app token key ", kid, " not loaded (", added.error().context,
                 "): tokens signed with it are refused as unknown_key");
    }
  }
  return ring;
}

WorkflowsComponent::WorkflowsComponent(service::EventLoop& loop, service::Config config,
                                       std::shared_ptr<Wiring> wiring)
    : loop_(loop), config_(std::move(config)), wiring_(std::move(wiring)) {}

WorkflowsComponent::~WorkflowsComponent() {
  stop();
}

Result<void> WorkflowsComponent::start() {
  if (wiring_->db == nullptr) return fail(std::string(errc::kStorage), "the store is not open");
  keys_ = load_app_keys(config_);
  claims_ =
      wiring_->make_claims ? wiring_->make_claims() : std::make_unique<OfflineClaims>(loop_.io());
  wiring_->claims = claims_.get();
  workflows_ = std::make_unique<Workflows>(loop_.io(), *wiring_->db, keys_, *claims_,
                                           workflow_options(config_));
  server_ = std::make_unique<screen::ScreenServer>(loop_.io(), *workflows_);
  workflows_->set_server(server_.get());

  screen::ScreenServerOptions options;
  options.unix_path = config_.screen_api.socket;
  options.unix_group = config_.screen_api.socket_group;
  if (config_.screen_api.tls) {
    const auto& t = *config_.screen_api.tls;
    options.tls = screen::ScreenTlsOptions{t.address, t.port, t.cert, t.key, t.client_ca};
  }
  if (auto ok = server_->start(options); !ok) {
    stop();
    return ok;
  }
  workflows_->start();
  wiring_->workflows = workflows_.get();
  wiring_->screen_server = server_.get();
  log::info("screen API on ", options.unix_path.string());
  return {};
}

void WorkflowsComponent::stop() {
  wiring_->workflows = nullptr;
  wiring_->screen_server = nullptr;
  if (server_) server_->stop();
  if (workflows_) workflows_->stop();
  server_.reset();
  workflows_.reset();
  wiring_->claims = nullptr;
  claims_.reset();
}

void WorkflowsComponent::reconfigure(const service::Config& config,
                                     const std::vector<std::string>& changed) {
  (void)changed;
  config_ = config;
  if (workflows_) workflows_->reconfigure(workflow_options(config_));
}

bool WorkflowsComponent::healthy() const {
  return !workflows_ || workflows_->healthy();
}

}  // namespace witryna::app
