#pragma once
// core::CodeClaims over MQTT (mqtt.md "Code claims"): a claim is published
// on …/claims and answered from …/claims/result; core::ClaimTracker decides
// the outcome, and nullopt (apply the offline policy) comes on the timeout
// (1.5 s), when offline, when the publish fails or the connection drops.
// `done` is always posted, never called inside claim().
//
// Loop thread only. Pending `done`s are dropped (never called) when this is
// destroyed.

#include <boost/asio/io_context.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "edge/core/ports/code_claims.hpp"
#include "edge/core/result.hpp"
#include "sync/adapter/publish_fn.hpp"
#include "sync/core/claim_tracker.hpp"
#include "sync/core/uuid.hpp"

namespace witryna::sync {

class MqttCodeClaims final : public ::witryna::core::CodeClaims {
 public:
  // `topic`: {root}/store/{store}/claims. `online`: the link state now.
  MqttCodeClaims(boost::asio::io_context& io, std::string device, std::string topic,
                 core::ClaimOptions options, core::IdGenerator ids, std::function<bool()> online,
                 PublishFn publish);
  MqttCodeClaims(const MqttCodeClaims&) = delete;
  MqttCodeClaims& operator=(const MqttCodeClaims&) = delete;
  ~MqttCodeClaims() override;

  [[nodiscard]] bool online() const override;
  void claim(const ::witryna::core::ClaimRequest& request,
             ::witryna::core::ClaimDone done) override;

  // A message on …/claims/result. Malformed: an error (count it); a result
  // for a claim not ours (another device of the store) is ignored.
  [[nodiscard]] Result<void> on_result(std::string_view payload, TimePoint now);
  // Deadlines passed: those claims are answered nullopt.
  void poll(TimePoint now);
  void on_connection_lost(TimePoint now);

  [[nodiscard]] std::size_t outstanding() const { return waiting_.size(); }

 private:
  void answer(const std::string& ticket, std::optional<::witryna::core::ClaimResult> result);

  boost::asio::io_context& io_;
  std::string device_;
  std::string topic_;
  core::ClaimTracker tracker_;
  core::IdGenerator ids_;
  std::function<bool()> online_;
  PublishFn publish_;
  std::map<std::string, ::witryna::core::ClaimDone, std::less<>> waiting_;  // ticket → done
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::sync
