#pragma once
// The CodeClaims port when no link to central is wired: never online, and
// every claim is answered "no answer" (nullopt), so the workflows apply the
// offline redemption policy.

#include <boost/asio/io_context.hpp>
#include <memory>

#include "edge/core/ports/code_claims.hpp"

namespace witryna::app {

class OfflineClaims final : public core::CodeClaims {
 public:
  explicit OfflineClaims(boost::asio::io_context& io) : io_(io) {}
  ~OfflineClaims() override { *alive_ = false; }
  OfflineClaims(const OfflineClaims&) = delete;
  OfflineClaims& operator=(const OfflineClaims&) = delete;

  [[nodiscard]] bool online() const override { return false; }
  // Answers nullopt through post (never inline); not at all once destroyed.
  void claim(const core::ClaimRequest& request, core::ClaimDone done) override;

 private:
  boost::asio::io_context& io_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::app
