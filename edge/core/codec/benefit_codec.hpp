#pragma once

#include <nlohmann/json.hpp>

#include "edge/core/codec/field_reader.hpp"
#include "edge/core/domain/benefit.hpp"

namespace witryna::core {

// {"type":"percent"|"amount"|"points","value":N,"currency":"PLN"?}; type and
// value are required, an unknown type is kInvalidValue. Errors go to `r`.
[[nodiscard]] domain::Benefit read_benefit(FieldReader r);
[[nodiscard]] nlohmann::json to_json(const domain::Benefit& b);

}  // namespace witryna::core
