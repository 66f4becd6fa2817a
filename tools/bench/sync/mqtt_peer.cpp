#include "tools/bench/sync/mqtt_peer.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <future>

namespace witryna::bench {

namespace {
constexpr auto kDeadline = std::chrono::seconds(10);
}  // namespace

Result<std::unique_ptr<MqttPeer>> MqttPeer::start(
    const std::string& uri, const std::string& client_id, std::vector<std::string> filters,
    std::function<void(const sync::MqttMessage&)> on_message) {
  std::unique_ptr<MqttPeer> peer(new MqttPeer());
  auto connected = std::make_shared<std::promise<Result<void>>>();
  auto reported = std::make_shared<bool>(false);
  auto report = [connected, reported](Result<void> outcome) {
    if (*reported) return;
    *reported = true;
    connected->set_value(std::move(outcome));
  };
  sync::MqttOptions options;
  options.server_uri = uri;
  options.client_id = client_id;
  options.clean_session = true;
  sync::MqttEvents events;
  MqttPeer* self = peer.get();
  events.on_connected = [self, filters, report](bool) {
    std::vector<sync::MqttSubscription> subscriptions;
    for (const auto& f : filters)
      subscriptions.push_back({f, 1});
    self->client_->subscribe(std::move(subscriptions), report);
  };
  events.on_disconnected = [report](const Error& e) { report(tl::unexpected(e)); };
  events.on_message = std::move(on_message);
  auto client = sync::MqttClient::create(peer->io_, options, std::move(events));
  if (!client) return tl::unexpected(client.error());
  peer->client_.emplace(std::move(*client));
  if (auto ok = peer->client_->connect(); !ok) return tl::unexpected(ok.error());
  peer->thread_ = std::thread([self] {
    auto guard = boost::asio::make_work_guard(self->io_);
    self->io_.run();
  });
  auto future = connected->get_future();
  if (future.wait_for(kDeadline) != std::future_status::ready) {
    return fail(std::string(errc::kIo), client_id + ": no connection to " + uri);
  }
  if (auto ok = future.get(); !ok) return tl::unexpected(ok.error());
  return peer;
}

MqttPeer::~MqttPeer() {
  if (!thread_.joinable()) return;
  boost::asio::post(io_, [this] {
    client_->disconnect(std::chrono::seconds(2), [this](Result<void>) { io_.stop(); });
  });
  thread_.join();
}

void MqttPeer::post(std::function<void()> work) {
  boost::asio::post(io_, std::move(work));
}

}  // namespace witryna::bench
