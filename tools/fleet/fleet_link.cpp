#include "tools/fleet/fleet_link.hpp"

#include <unistd.h>

#include <random>

#include "sync/mqtt/mqtt_errors.hpp"

namespace witryna::fleet {
namespace {

constexpr auto kMaxRetryDelay = std::chrono::seconds(30);

std::string default_client_id() {
  std::random_device random;
  return "witryna-fleet-" + std::to_string(::getpid()) + "-" + std::to_string(random() % 1000000);
}

}  // namespace

FleetLink::FleetLink(Passkey, LinkOptions options, MessageHandler on_message)
    : options_(std::move(options)),
      on_message_(std::move(on_message)),
      work_(boost::asio::make_work_guard(io_)),
      retry_timer_(io_) {}

FleetLink::~FleetLink() {
  retry_timer_.cancel();
  client_.reset();
}

Result<std::unique_ptr<FleetLink>> FleetLink::open(LinkOptions options, MessageHandler on_message) {
  if (options.client_id.empty()) options.client_id = default_client_id();
  auto link = std::make_unique<FleetLink>(Passkey{}, std::move(options), std::move(on_message));
  FleetLink* self = link.get();

  sync::MqttOptions mqtt;
  mqtt.server_uri = self->options_.server_uri;
  mqtt.client_id = self->options_.client_id;
  mqtt.clean_session = true;
  mqtt.tls = self->options_.tls;
  mqtt.connect_timeout =
      std::max(std::chrono::seconds(1),
               std::chrono::duration_cast<std::chrono::seconds>(self->options_.timeout));
  sync::MqttEvents events;
  events.on_connected = [self](bool) {
    ++self->connects_;
    self->down_.reset();
    self->retry_delay_ = std::chrono::seconds(1);
  };
  events.on_disconnected = [self](const Error& reason) {
    self->down_ = reason;
    if (self->connects_ > 0 && !self->closing_) self->reconnect_later();
  };
  events.on_message = [self](const sync::MqttMessage& message) {
    self->last_message_ = std::chrono::steady_clock::now();
    if (self->on_message_) self->on_message_(message);
  };
  auto client = sync::MqttClient::create(self->io_, std::move(mqtt), std::move(events));
  if (!client) return tl::unexpected(client.error());
  self->client_.emplace(std::move(*client));

  if (auto started = self->client_->connect(); !started) return tl::unexpected(started.error());
  const bool settled = self->run_until(
      [self] { return self->connects_ > 0 || self->down_.has_value(); }, self->options_.timeout);
  if (self->connects_ > 0) return link;
  if (self->down_) {
    return fail(self->down_->code,
                "cannot connect to " + self->options_.server_uri + ": " + self->down_->context);
  }
  (void)settled;
  return fail(std::string(sync::mqtt_errc::kConnectFailed),
              "no answer from " + self->options_.server_uri);
}

void FleetLink::reconnect_later() {
  retry_timer_.expires_after(retry_delay_);
  retry_delay_ = std::min<std::chrono::milliseconds>(retry_delay_ * 2, kMaxRetryDelay);
  retry_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || closing_ || !client_) return;
    if (auto started = client_->connect(); !started) reconnect_later();
  });
}

Result<void> FleetLink::publish(std::vector<Publication> publications) {
  if (!connected()) {
    return fail(std::string(sync::mqtt_errc::kNotConnected),
                down_ ? down_->context : std::string("not connected"));
  }
  // Shared with the completions: they may outlive this call after a timeout.
  auto pending = std::make_shared<std::size_t>(publications.size());
  auto first_error = std::make_shared<std::optional<Error>>();
  for (auto& p : publications) {
    client_->publish(std::move(p.topic), std::move(p.payload), 1, p.retained,
                     [pending, first_error](Result<void> result) {
                       if (!result && !*first_error) *first_error = result.error();
                       --*pending;
                     });
  }
  const bool finished = run_until([&] { return *pending == 0; }, options_.timeout);
  if (!finished) return fail("timeout", "no acknowledgement from the broker in time");
  if (*first_error) return tl::unexpected(**first_error);
  return {};
}

Result<void> FleetLink::subscribe(std::vector<std::string> filters) {
  std::vector<sync::MqttSubscription> subscriptions;
  for (auto& f : filters)
    subscriptions.push_back({std::move(f), 1});
  auto outcome = std::make_shared<std::optional<Result<void>>>();
  client_->subscribe(std::move(subscriptions),
                     [outcome](Result<void> result) { *outcome = std::move(result); });
  if (!run_until([&] { return outcome->has_value(); }, options_.timeout))
    return fail("timeout", "no subscription grant from the broker in time");
  return **outcome;
}

bool FleetLink::run_until(const std::function<bool()>& done, std::chrono::milliseconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= end) return false;
    if (io_.stopped()) io_.restart();
    io_.run_one_for(
        std::min<std::chrono::steady_clock::duration>(end - now, std::chrono::milliseconds(50)));
  }
  return true;
}

void FleetLink::run_until_quiet(std::chrono::milliseconds quiet,
                                std::chrono::milliseconds deadline) {
  last_message_ = std::chrono::steady_clock::now();
  (void)run_until([&] { return std::chrono::steady_clock::now() - last_message_ >= quiet; },
                  deadline);
}

void FleetLink::close() {
  closing_ = true;
  retry_timer_.cancel();
  if (!client_ || !client_->is_connected()) return;
  auto closed = std::make_shared<bool>(false);
  client_->disconnect(options_.timeout, [closed](Result<void>) { *closed = true; });
  (void)run_until([&] { return *closed; }, options_.timeout + std::chrono::seconds(1));
}

bool FleetLink::connected() const {
  return client_ && client_->is_connected();
}

}  // namespace witryna::fleet
