#pragma once
// Central's answers to online code claims (mqtt.md "Code claims"), and which
// codes have been used anywhere in the brand. Pure: `now` is passed in.
//
// Uses are counted once per redemption: a granted claim counts one; a
// `code.redeemed` event counts one only when it was redeemed offline or the
// code is store-scope (an online brand-code redemption was already counted
// when its claim was granted).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"
#include "tools/central/entity_key.hpp"

namespace witryna::central {

struct ClaimAnswer {
  std::string claim;
  std::string device;
  std::string code_hash;
  std::string result;     // granted, already_used, unknown, expired
  bool repeated = false;  // the same claim id again: the first answer, nothing counted

  [[nodiscard]] Json payload() const { return {{"claim", claim}, {"result", result}}; }
};

class ClaimBook {
 public:
  // Learns (or updates) a code from a `codes` item; a tombstone forgets it.
  void learn(const Json& code_item);

  // Answers a claim payload {"claim","device","till","code_hash","at"}.
  // Errors (nothing changes): errc::kInvalidJson, kMissingField ("claim",
  // "code_hash"), kWrongType.
  [[nodiscard]] Result<ClaimAnswer> answer(std::string_view payload, TimePoint now);

  // A `code.redeemed` event reported by a device.
  void redeemed(const Json& event);
  // Marks a code used elsewhere (another store, the web shop). False: unknown code.
  bool use_elsewhere(const std::string& code_hash);

  [[nodiscard]] std::int64_t uses(const std::string& code_hash) const;
  [[nodiscard]] const std::map<std::string, std::int64_t>& all_uses() const { return uses_; }
  void restore_uses(const std::string& code_hash, std::int64_t uses) { uses_[code_hash] = uses; }
  [[nodiscard]] bool knows(const std::string& code_hash) const {
    return codes_.count(code_hash) != 0;
  }

 private:
  struct Code {
    std::optional<TimePoint> valid_to;
    std::int64_t max_uses = 1;
    std::string scope;
  };
  std::map<std::string, Code> codes_;
  std::map<std::string, std::int64_t> uses_;
  std::map<std::string, ClaimAnswer> answered_;  // claim id → answer
};

}  // namespace witryna::central
