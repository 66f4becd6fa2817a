// A device process for the kill -9 and Last Will tests: runs a SyncService
// against <broker uri> with its store at <db path>, after committing <n>
// scan events to the outbox, and waits to be killed.
// Usage: sync_device_child <broker uri> <db path> <events to append>

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "edge/store/store.hpp"
#include "sync/adapter/clock.hpp"
#include "sync/adapter/sync_service.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <uri> <db path> <events>\n", argv[0]);
    return 2;
  }
  namespace store = witryna::store;
  witryna::service::Config config;
  config.device.id = "PL-WAW-001-edge1";
  config.device.brand = "acme";
  config.device.store = "PL-WAW-001";
  config.mqtt.broker = argv[1];
  config.mqtt.allow_plain_loopback = true;
  config.storage.db_path = argv[2];
  config.storage.state_dir = config.storage.db_path.parent_path();
  config.sync.ack_timeout_s = 1;
  const int events = std::atoi(argv[3]);
  {
    auto db = store::open_store(config.storage.db_path);
    if (!db) return 1;
    for (int i = 0; i < events; ++i) {
      auto tx = store::Transaction::begin(*db, store::Durability::kFull);
      if (!tx) return 1;
      witryna::domain::Event event{"scan", witryna::sync::wall_now(), {{"screen", "kiosk-1"}}};
      if (!store::append_event(*tx, event) || !tx->commit()) return 1;
    }
  }
  boost::asio::io_context io;
  witryna::sync::SyncService service(io, config);
  if (auto started = service.start(); !started) {
    std::fprintf(stderr, "%s: %s\n", started.error().code.c_str(), started.error().context.c_str());
    return 1;
  }
  auto work = boost::asio::make_work_guard(io);
  io.run();
  return 0;
}
