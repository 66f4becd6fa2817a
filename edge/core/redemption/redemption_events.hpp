#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "edge/core/codes/outcome.hpp"
#include "edge/core/domain/code.hpp"
#include "edge/core/domain/event.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

// code.redeemed (mqtt.md): till, customer (when the code names one),
// code_hash, benefit, offline. Never the code in clear.
[[nodiscard]] domain::Event code_redeemed_event(const domain::CodeRecord& code,
                                                std::string_view till, bool offline, TimePoint now);

// code.rejected: till, reason (the outcome); code_hash when given (a hash of
// the normalized code; else the record's), customer when the record names one.
[[nodiscard]] domain::Event code_rejected_event(std::string_view till, Outcome reason,
                                                const std::optional<std::string>& code_hash,
                                                const std::optional<domain::CodeRecord>& code,
                                                TimePoint now);

}  // namespace witryna::core
