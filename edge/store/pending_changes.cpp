#include "edge/store/pending_changes.hpp"

#include "edge/core/codec/profile_codec.hpp"
#include "edge/store/db/sql.hpp"
#include "edge/store/entities.hpp"
#include "edge/store/json_text.hpp"

namespace witryna::store {
namespace {

constexpr std::string_view kConsents = "consents";
constexpr std::string_view kPreferences = "preferences";

Result<void> set_pending(Transaction& tx, std::string_view customer, std::string_view kind,
                         const nlohmann::json& body, std::int64_t base_ver, TimePoint at) {
  auto& db = tx.db();
  auto live = query_int(db, "SELECT 1 FROM profiles WHERE customer = ?1 AND deleted = 0", customer);
  if (!live) return tl::unexpected(live.error());
  if (!*live) return fail(std::string(errc::kNotFound), "no live profile for a pending change");
  auto ok = execute(db,
                    "INSERT OR REPLACE INTO pending_profile(customer, kind, base_ver, body, at) "
                    "VALUES(?1, ?2, ?3, ?4, ?5)",
                    customer, kind, base_ver, dump_json(body), to_unix_millis(at));
  if (!ok) return tl::unexpected(ok.error());
  return {};
}

}  // namespace

Result<void> set_pending_consents(Transaction& tx, std::string_view customer,
                                  const domain::Consents& consents, std::int64_t base_ver,
                                  TimePoint at) {
  return set_pending(tx, customer, kConsents, core::to_json(consents), base_ver, at);
}

Result<void> set_pending_preferences(Transaction& tx, std::string_view customer,
                                     const domain::Preferences& preferences, std::int64_t base_ver,
                                     TimePoint at) {
  return set_pending(tx, customer, kPreferences, core::to_json(preferences), base_ver, at);
}

Result<PendingProfileChanges> load_pending_changes(Database& db, std::string_view customer) {
  auto q = query(db, "SELECT kind, body FROM pending_profile WHERE customer = ?1", customer);
  if (!q) return tl::unexpected(q.error());
  PendingProfileChanges out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    const auto kind = (*q)->column_view(0);
    auto body = parse_json((*q)->column_view(1));
    if (!body) return fail(std::string(errc::kStorage), "pending_profile: damaged body");
    if (kind == kConsents) {
      auto c = core::parse_consents(*body);
      if (!c) return fail(std::string(errc::kStorage), "pending_profile: damaged consents");
      out.consents = *c;
    } else if (kind == kPreferences) {
      auto p = core::parse_preferences(*body);
      if (!p) return fail(std::string(errc::kStorage), "pending_profile: damaged preferences");
      out.preferences = std::move(*p);
    }
  }
  return out;
}

Result<std::optional<domain::Profile>> load_profile_merged(Database& db,
                                                           std::string_view customer) {
  auto profile = load_profile(db, customer);
  if (!profile || !*profile) return profile;
  auto pending = load_pending_changes(db, customer);
  if (!pending) return tl::unexpected(pending.error());
  if (pending->consents) (*profile)->consents = *pending->consents;
  if (pending->preferences) (*profile)->preferences = std::move(*pending->preferences);
  return profile;
}

}  // namespace witryna::store
