#include "edge/core/codec/code_codec.hpp"

#include "edge/core/codec/benefit_codec.hpp"
#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {

std::optional<domain::CodeScope> code_scope_from(std::string_view s) {
  if (s == "store") return domain::CodeScope::kStore;
  if (s == "brand") return domain::CodeScope::kBrand;
  return std::nullopt;
}

Result<Item<domain::CodeRecord>> parse_code_item(const nlohmann::json& j) {
  FieldReader r(j);
  Item<domain::CodeRecord> item;
  auto& c = item.value;
  item.deleted = r.boolean_or("deleted", false);
  c.code_hash = r.string("code_hash");
  c.ver = r.integer("ver");
  if (item.deleted) return finish(r, std::move(item));
  c.benefit = read_benefit(r.object("benefit"));
  c.customer = r.string_or("customer");
  c.reason = r.string_or("reason");
  c.valid_to = r.time("valid_to");
  c.max_uses = r.small_integer("max_uses");
  if (r.ok() && c.max_uses < 1) r.fail(errc::kInvalidValue, "max_uses");
  const auto scope = r.string("scope");
  if (r.ok()) {
    if (const auto s = code_scope_from(scope)) {
      c.scope = *s;
    } else {
      r.fail(errc::kInvalidValue, "scope");
    }
  }
  return finish(r, std::move(item));
}

nlohmann::json to_json(const domain::CodeRecord& c) {
  return {{"code_hash", c.code_hash},
          {"benefit", to_json(c.benefit)},
          {"customer", c.customer},
          {"reason", c.reason},
          {"valid_to", format_rfc3339(c.valid_to)},
          {"max_uses", c.max_uses},
          {"scope", domain::to_string(c.scope)},
          {"ver", c.ver}};
}

nlohmann::json to_json(const Item<domain::CodeRecord>& item) {
  if (item.deleted) {
    return {{"code_hash", item.value.code_hash}, {"ver", item.value.ver}, {"deleted", true}};
  }
  return to_json(item.value);
}

}  // namespace witryna::core
