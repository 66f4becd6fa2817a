#pragma once
// The central simulator's adapter: one MQTT connection (sync/mqtt), the
// world, the books and the faults, all driven from one io_context. Paho's
// threads only post onto it (MqttClient does that); every method here must
// be called on the io_context's thread.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "sync/core/topics.hpp"
#include "sync/mqtt/mqtt_client.hpp"
#include "tools/central/claim_book.hpp"
#include "tools/central/control.hpp"
#include "tools/central/event_book.hpp"
#include "tools/central/faults.hpp"
#include "tools/central/persistence.hpp"
#include "tools/central/snapshot.hpp"
#include "tools/central/traffic.hpp"
#include "tools/central/world_state.hpp"

namespace witryna::central {

struct NodeOptions {
  std::string brand = "acme";
  std::string store = "PL-WAW-001";
  sync::MqttOptions mqtt;              // server_uri, client_id, tls
  std::filesystem::path state_dir;     // empty: nothing survives a restart
  std::filesystem::path received_log;  // empty: no JSONL log of what came in
  std::size_t snapshot_part_items = 500;
  std::size_t live_message_items = 500;  // the first publish of the world, per message
  bool publish_initial = true;  // on a fresh world: publish everything once as live messages
  std::uint64_t seed = 1;
  std::set<std::string> keep_customers;         // random traffic never erases or changes these
  std::function<void(const std::string&)> log;  // operator log lines; empty: stderr
  // Hashes new and typed codes (codes.md: lowercase hex SHA-256); main.cpp
  // passes crypto::sha256_hex. Required.
  Sha256Hex sha256_hex;
};

// The topics of one store as central sees them (device name "central" is
// only a placeholder: central publishes no device topics). errc::kConfig for
// a brand or store that cannot be a topic level.
[[nodiscard]] Result<sync::core::Topics> central_topics(const std::string& brand,
                                                        const std::string& store);

struct Reply {
  bool ok = true;
  std::string text;
  Json data;  // null unless the command returns data (status, devices)

  [[nodiscard]] Json to_json() const;
};

class CentralNode {
 public:
  // Loads nothing itself: the world and the books come from the caller
  // (main.cpp: brand data, journal, state.json).
  CentralNode(boost::asio::io_context& io, NodeOptions options, sync::core::Topics topics,
              WorldState world, ClaimBook claims, EventBook events, SavedCounters counters);
  ~CentralNode();
  CentralNode(const CentralNode&) = delete;
  CentralNode& operator=(const CentralNode&) = delete;

  // Creates the MQTT client and starts connecting (reconnecting by itself
  // every second after a loss). Errors: the options (errc::kConfig, …).
  [[nodiscard]] Result<void> start();
  // Disconnects cleanly; `done` runs when the connection is closed.
  void stop(std::function<void()> done);

  [[nodiscard]] Reply execute(const ControlCommand& command);
  // Called when a `quit` command ran.
  void on_quit(std::function<void()> handler) { on_quit_ = std::move(handler); }

  [[nodiscard]] bool connected() const { return client_ && client_->is_connected(); }
  [[nodiscard]] const WorldState& world() const { return world_; }
  [[nodiscard]] const EventBook& events() const { return events_; }
  [[nodiscard]] const ClaimBook& claims() const { return claims_; }
  [[nodiscard]] const sync::core::Topics& topics() const { return topics_; }
  [[nodiscard]] Json status() const;

 private:
  void on_connected();
  void on_message(const sync::MqttMessage& message);
  void handle_events(const std::string& payload);
  void handle_resync(const std::string& payload);
  void handle_claim(const std::string& payload);

  Result<Json> publish_items(Stream stream, std::vector<Json> items, bool journal);
  Reply apply_change(Result<Change> change);
  Reply send_snapshot(Stream stream, const std::string& reason);
  void send(Outgoing message);
  void deliver(Outgoing message);
  void flush_pending();
  void save_state();
  void record(Json entry);
  void say(const std::string& line) const;
  void schedule_rate(const std::string& kind);
  Result<Change> random_change(const std::string& kind);
  Reply fault_command(const ControlCommand& command);

  boost::asio::io_context& io_;
  NodeOptions options_;
  sync::core::Topics topics_;
  WorldState world_;
  ClaimBook claims_;
  EventBook events_;
  SavedCounters counters_;
  FaultInjector faults_;
  Rng rng_;
  std::optional<sync::MqttClient> client_;
  std::deque<Outgoing> pending_;  // waiting for a connection
  std::ofstream received_;
  std::map<std::string, double> rates_;  // kind → per minute
  std::map<std::string, std::unique_ptr<boost::asio::steady_timer>> rate_timers_;
  boost::asio::steady_timer reconnect_timer_;
  boost::asio::steady_timer reorder_timer_;
  std::map<std::string, Json> device_states_;
  std::map<std::string, std::int64_t> counts_;  // what came in, by kind
  std::function<void()> on_quit_;
  bool stopping_ = false;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace witryna::central
