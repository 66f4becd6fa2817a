#include "edge/app/offline_claims.hpp"

#include <boost/asio/post.hpp>

namespace witryna::app {

void OfflineClaims::claim(const core::ClaimRequest& /*request*/, core::ClaimDone done) {
  boost::asio::post(io_, [alive = std::weak_ptr<bool>(alive_), done = std::move(done)] {
    if (auto a = alive.lock(); a && *a) done(std::nullopt);
  });
}

}  // namespace witryna::app
