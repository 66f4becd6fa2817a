#pragma once
// A core::CodeClaims that forwards to another one it does not own: lets the
// workflows own "their" claims object while the SyncService owns the real
// one. The target must outlive this.

#include "edge/core/ports/code_claims.hpp"

namespace witryna::sync {

class CodeClaimsRef final : public ::witryna::core::CodeClaims {
 public:
  explicit CodeClaimsRef(::witryna::core::CodeClaims& target) : target_(target) {}

  [[nodiscard]] bool online() const override { return target_.online(); }
  void claim(const ::witryna::core::ClaimRequest& request,
             ::witryna::core::ClaimDone done) override {
    target_.claim(request, std::move(done));
  }

 private:
  ::witryna::core::CodeClaims& target_;
};

}  // namespace witryna::sync
