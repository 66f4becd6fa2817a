#include "sync/core/outbound_payloads.hpp"

#include <nlohmann/json.hpp>

namespace witryna::sync::core {
namespace {

// Invalid UTF-8 in a name is replaced, never thrown about.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string resync_payload(const ResyncRequest& request, std::string_view device) {
  return dump({{"stream", ::witryna::core::to_string(request.stream)},
               {"have_seq", request.have_seq},
               {"device", std::string(device)},
               {"request", request.request}});
}

std::string events_payload(std::string_view device, std::span<const std::string_view> events) {
  std::string out = R"({"device":)";
  out += dump(std::string(device));
  out += R"(,"events":[)";
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i > 0) out += ',';
    out += events[i];
  }
  out += "]}";
  return out;
}

std::string claim_payload(const ClaimRequest& claim, std::string_view device) {
  return dump({{"claim", claim.claim},
               {"device", std::string(device)},
               {"till", claim.till},
               {"code_hash", claim.code_hash},
               {"at", format_rfc3339(claim.at)}});
}

std::string command_result_payload(const CommandResult& result) {
  nlohmann::json j = {{"id", result.id}, {"ok", result.ok}, {"detail", result.detail}};
  if (result.png_base64) j["png_base64"] = *result.png_base64;
  return dump(j);
}

}  // namespace witryna::sync::core
