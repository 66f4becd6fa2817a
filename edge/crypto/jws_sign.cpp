#include "edge/crypto/jws_sign.hpp"

namespace witryna::crypto {

Result<std::string> make_eddsa_jws(const Ed25519Signer& signer, std::string_view kid,
                                   std::string_view claims_json) {
  return core::sign_jws(core::eddsa_header_json(kid), claims_json, signer);
}

Result<std::string> make_app_token(const Ed25519Signer& signer, std::string_view kid,
                                   const core::AppTokenClaims& claims) {
  return make_eddsa_jws(signer, kid, core::app_token_claims_json(claims));
}

}  // namespace witryna::crypto
