#include "edge/service/app.hpp"

#include "edge/service/log.hpp"

namespace witryna::service {

namespace {

std::string joined(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

}  // namespace

App::App(EventLoop& loop, LoadedConfig loaded, AppOptions options, const SdNotifier& notifier)
    : loop_(loop),
      loaded_(std::move(loaded)),
      config_(loaded_.config),
      options_(std::move(options)),
      notifier_(notifier) {}

App::~App() {
  stop();
}

void App::add(std::unique_ptr<Component> component) {
  components_.push_back(std::move(component));
}

Result<void> App::start() {
  for (; started_ < components_.size(); ++started_) {
    auto& component = *components_[started_];
    if (auto ok = component.start(); !ok) {
      const std::string name(component.name());
      stop();
      return fail(ok.error().code, name + ": " + ok.error().context);
    }
    log::debug("started ", component.name());
  }
  return {};
}

void App::stop() {
  if (stopped_) return;
  stopped_ = true;
  (void)notifier_.stopping();
  while (started_ > 0) {
    --started_;
    components_[started_]->stop();
    log::debug("stopped ", components_[started_]->name());
  }
  loop_.stop();
}

void App::reload() {
  (void)notifier_.reloading();
  log::info("reloading configuration from ", options_.config_file.string());
  auto next = load_service_config(options_.config_file, options_.overrides);
  if (!next) {
    log::error("configuration not reloaded, the running one stays: ",
               config_problems(next.error()).size(), " problem(s)");
    for (const auto& problem : config_problems(next.error()))
      log::error("  ", problem);
  } else {
    if (!next->desired_problem.empty()) {
      log::warn("stored fleet configuration not applied: ", next->desired_problem);
    }
    auto change = apply(next->config);
    if (change) loaded_ = std::move(*next);
  }
  (void)notifier_.ready();
}

Result<ConfigChange> App::apply(const Config& next) {
  auto change = plan_config_change(config_, next);
  if (!change) {
    log::error("configuration change refused: ", change.error().context);
    return change;
  }
  config_ = change->effective;
  log::set_level(config_.log.level);
  if (change->live.empty() && change->restart.empty()) {
    log::info("configuration unchanged");
    return change;
  }
  if (!change->live.empty()) {
    log::info("configuration applied: ", joined(change->live));
    for (std::size_t i = 0; i < started_; ++i)
      components_[i]->reconfigure(config_, change->live);
  }
  if (!change->restart.empty()) {
    log::warn("configuration needs a restart to apply: ", joined(change->restart));
  }
  return change;
}

void App::request_restart(const std::string& reason) {
  log::info("restarting: ", reason);
  exit_code_ = kExitRestart;
  stop();
}

bool App::healthy() const {
  for (std::size_t i = 0; i < started_; ++i) {
    if (!components_[i]->healthy()) return false;
  }
  return started_ == components_.size() && !stopped_;
}

}  // namespace witryna::service
