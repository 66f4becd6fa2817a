#include "edge/core/redemption/redemption_events.hpp"

#include "edge/core/codec/benefit_codec.hpp"

namespace witryna::core {

domain::Event code_redeemed_event(const domain::CodeRecord& code, std::string_view till,
                                  bool offline, TimePoint now) {
  auto fields = nlohmann::json::object();
  fields["till"] = std::string(till);
  if (!code.customer.empty()) fields["customer"] = code.customer;
  fields["code_hash"] = code.code_hash;
  fields["benefit"] = to_json(code.benefit);
  fields["offline"] = offline;
  return {domain::event_type::kCodeRedeemed, now, std::move(fields)};
}

domain::Event code_rejected_event(std::string_view till, Outcome reason,
                                  const std::optional<std::string>& code_hash,
                                  const std::optional<domain::CodeRecord>& code, TimePoint now) {
  auto fields = nlohmann::json::object();
  fields["till"] = std::string(till);
  fields["reason"] = std::string(to_string(reason));
  if (code_hash) {
    fields["code_hash"] = *code_hash;
  } else if (code) {
    fields["code_hash"] = code->code_hash;
  }
  if (code && !code->customer.empty()) fields["customer"] = code->customer;
  return {domain::event_type::kCodeRejected, now, std::move(fields)};
}

}  // namespace witryna::core
