#include "sync/adapter/mqtt_code_claims.hpp"

#include <boost/asio/post.hpp>
#include <utility>

#include "sync/adapter/clock.hpp"
#include "sync/core/inbound_payloads.hpp"
#include "sync/core/outbound_payloads.hpp"

namespace witryna::sync {
MqttCodeClaims::MqttCodeClaims(boost::asio::io_context& io, std::string device, std::string topic,
                               core::ClaimOptions options, core::IdGenerator ids,
                               std::function<bool()> online, PublishFn publish)
    : io_(io),
      device_(std::move(device)),
      topic_(std::move(topic)),
      tracker_(options),
      ids_(std::move(ids)),
      online_(std::move(online)),
      publish_(std::move(publish)) {}

MqttCodeClaims::~MqttCodeClaims() {
  *alive_ = false;
}

bool MqttCodeClaims::online() const {
  return online_ && online_();
}

void MqttCodeClaims::claim(const ::witryna::core::ClaimRequest& request,
                           ::witryna::core::ClaimDone done) {
  const TimePoint now = wall_now();
  std::string id = ids_.next();
  // The claim id doubles as the ticket: one claim per redemption attempt.
  const auto start = tracker_.start(id, id, now, online());
  if (start != core::ClaimStart::kPublish) {
    boost::asio::post(io_, [alive = std::weak_ptr<bool>(alive_), done = std::move(done)] {
      if (!alive.expired() && done) done(std::nullopt);
    });
    return;
  }
  waiting_.emplace(id, std::move(done));
  const core::ClaimRequest message{id, request.till, request.code_hash, request.at};
  publish_(topic_, core::claim_payload(message, device_), false,
           [this, alive = std::weak_ptr<bool>(alive_), id](Result<void> result) {
             if (alive.expired() || result) return;
             if (auto timeout = tracker_.publish_failed(id, wall_now())) {
               answer(timeout->ticket, std::nullopt);
             }
           });
}

Result<void> MqttCodeClaims::on_result(std::string_view payload, TimePoint now) {
  auto message = core::parse_claim_result(payload);
  if (!message) return Unexpected(message.error());
  const auto outcome = tracker_.on_result(message->claim, message->result, now);
  if (outcome.kind == core::ClaimAnswer::Kind::kOutcome) {
    answer(outcome.ticket, outcome.result);
  }
  return {};
}

void MqttCodeClaims::poll(TimePoint now) {
  for (const auto& timeout : tracker_.poll(now))
    answer(timeout.ticket, std::nullopt);
}

void MqttCodeClaims::on_connection_lost(TimePoint now) {
  for (const auto& timeout : tracker_.on_connection_lost(now))
    answer(timeout.ticket, std::nullopt);
}

// Callers of answer() are handlers already, never claim() itself, but the
// port promises a posted `done`: keep it uniform.
void MqttCodeClaims::answer(const std::string& ticket,
                            std::optional<::witryna::core::ClaimResult> result) {
  auto node = waiting_.extract(ticket);
  if (node.empty() || !node.mapped()) return;
  boost::asio::post(io_,
                    [alive = std::weak_ptr<bool>(alive_), done = std::move(node.mapped()), result] {
                      if (!alive.expired()) done(result);
                    });
}

}  // namespace witryna::sync
