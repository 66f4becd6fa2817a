#include "tools/central/claim_book.hpp"

namespace witryna::central {

namespace {

std::string text_or_empty(const Json& doc, const char* field) {
  const auto it = doc.find(field);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void ClaimBook::learn(const Json& item) {
  const auto key = entity_key(Stream::kCodes, item);
  if (!key) return;
  if (is_deleted(item)) {
    codes_.erase(*key);
    return;
  }
  Code code;
  if (auto valid_to = parse_rfc3339(text_or_empty(item, "valid_to"))) code.valid_to = *valid_to;
  const auto max_uses = item.find("max_uses");
  if (max_uses != item.end() && max_uses->is_number_integer()) {
    code.max_uses = max_uses->get<std::int64_t>();
  }
  code.scope = text_or_empty(item, "scope");
  codes_[*key] = std::move(code);
}

Result<ClaimAnswer> ClaimBook::answer(std::string_view payload, TimePoint now) {
  Json doc = Json::parse(payload, nullptr, false);
  if (doc.is_discarded()) return fail(std::string(errc::kInvalidJson), "claim");
  if (!doc.is_object()) return fail(std::string(errc::kWrongType), "claim payload");
  for (const char* field : {"claim", "code_hash"}) {
    const auto it = doc.find(field);
    if (it == doc.end()) return fail(std::string(errc::kMissingField), field);
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      return fail(std::string(errc::kWrongType), field);
    }
  }
  ClaimAnswer out;
  out.claim = doc["claim"].get<std::string>();
  out.code_hash = doc["code_hash"].get<std::string>();
  out.device = text_or_empty(doc, "device");

  if (const auto seen = answered_.find(out.claim); seen != answered_.end()) {
    ClaimAnswer again = seen->second;
    again.repeated = true;
    return again;
  }
  const auto code = codes_.find(out.code_hash);
  if (code == codes_.end()) {
    out.result = "unknown";
  } else if (code->second.valid_to && *code->second.valid_to < now) {
    out.result = "expired";
  } else if (uses(out.code_hash) >= code->second.max_uses) {
    out.result = "already_used";
  } else {
    out.result = "granted";
    ++uses_[out.code_hash];
  }
  answered_[out.claim] = out;
  return out;
}

void ClaimBook::redeemed(const Json& event) {
  const std::string hash = text_or_empty(event, "code_hash");
  if (hash.empty()) return;
  const auto offline = event.find("offline");
  const bool was_offline = offline != event.end() && offline->is_boolean() && offline->get<bool>();
  const auto code = codes_.find(hash);
  const bool store_scope = code != codes_.end() && code->second.scope == "store";
  if (was_offline || store_scope) ++uses_[hash];
}

bool ClaimBook::use_elsewhere(const std::string& code_hash) {
  if (codes_.count(code_hash) == 0) return false;
  ++uses_[code_hash];
  return true;
}

std::int64_t ClaimBook::uses(const std::string& code_hash) const {
  const auto it = uses_.find(code_hash);
  return it == uses_.end() ? 0 : it->second;
}

}  // namespace witryna::central
