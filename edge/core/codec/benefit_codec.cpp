#include "edge/core/codec/benefit_codec.hpp"

namespace witryna::core {

domain::Benefit read_benefit(FieldReader r) {
  domain::Benefit b;
  const auto type = r.string("type");
  if (r.ok()) {
    if (const auto t = domain::benefit_type_from(type)) {
      b.type = *t;
    } else {
      r.fail(errc::kInvalidValue, r.path_of("type"));
    }
  }
  b.value = r.integer("value");
  b.currency = r.optional_string("currency");
  return b;
}

nlohmann::json to_json(const domain::Benefit& b) {
  nlohmann::json j = {{"type", domain::to_string(b.type)}, {"value", b.value}};
  if (b.currency) j["currency"] = *b.currency;
  return j;
}

}  // namespace witryna::core
