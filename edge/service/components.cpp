// The wiring of witryna-edge: which components make up the service, in start
// order. The one file to touch when a part (store, screen API, sync,
// scanners) joins the service.
#include <memory>

#include "edge/service/daemon.hpp"
#include "edge/service/state_dir.hpp"

namespace witryna::service {

void add_components(App& app, EventLoop& loop, const Config& config) {
  (void)loop;
  app.add(std::make_unique<StateDir>(config.storage.state_dir));
  // Next: the store (config.storage.db_path), the screen API server
  // (config.screen_api), the workflows, sync (config.mqtt), the scanners.
}

}  // namespace witryna::service
