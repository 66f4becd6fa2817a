#include "edge/core/codec/profile_text_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "edge/core/codec/plain_json_reader.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {
namespace {

using plain_json::PlainReader;
using plain_json::Seen;

bool read_points(PlainReader& in, domain::Points& out) {
  Seen seen;
  const bool ok = in.object([&](std::string_view key) {
    if (key == "balance") return seen.first(0) && in.integer(out.balance);
    if (key == "ver") return seen.first(1) && in.integer(out.ver);
    return false;
  });
  return ok && seen.has(0) && seen.has(1);
}

bool read_consents(PlainReader& in, domain::Consents& out) {
  Seen seen;
  return in.object([&](std::string_view key) {
    if (key == "personalization") return seen.first(0) && in.boolean(out.personalization);
    if (key == "marketing") return seen.first(1) && in.boolean(out.marketing);
    if (key == "display_name") return seen.first(2) && in.boolean(out.display_name);
    if (key == "history_for_staff") return seen.first(3) && in.boolean(out.history_for_staff);
    return false;
  });
}

bool read_preferences(PlainReader& in, domain::Preferences& out) {
  Seen seen;
  return in.object([&](std::string_view key) {
    if (key == "sizes") return seen.first(0) && in.strings(out.sizes);
    if (key == "categories") return seen.first(1) && in.strings(out.categories);
    if (key == "budget_minor") {
      std::int64_t v = 0;
      if (!seen.first(2) || !in.integer(v)) return false;
      out.budget_minor = v;
      return true;
    }
    if (key == "pickup_store") {
      std::string v;
      if (!seen.first(3) || !in.string(v)) return false;
      out.pickup_store = std::move(v);
      return true;
    }
    return false;
  });
}

bool read_affinities(PlainReader& in, std::map<std::string, double>& out) {
  return in.object([&](std::string_view key) {
    double weight = 0;
    if (!in.number(weight)) return false;
    return out.emplace(std::string(key), weight).second;
  });
}

bool read_recent(PlainReader& in, std::vector<domain::RecentActivity>& out) {
  return in.array([&] {
    domain::RecentActivity a;
    Seen seen;
    const bool ok = in.object([&](std::string_view key) {
      if (key == "sku") return seen.first(0) && in.string(a.sku);
      if (key == "channel") return seen.first(1) && in.string(a.channel);
      if (key == "at") return seen.first(2) && in.time(a.at);
      if (key == "what") return seen.first(3) && in.string(a.what);
      return false;
    });
    if (!ok || !seen.has(0) || !seen.has(2)) return false;
    out.push_back(std::move(a));
    return true;
  });
}

bool read_history(PlainReader& in, std::vector<domain::HistoryEntry>& out) {
  return in.array([&] {
    domain::HistoryEntry h;
    Seen seen;
    const bool ok = in.object([&](std::string_view key) {
      if (key == "at") return seen.first(0) && in.time(h.at);
      if (key == "channel") return seen.first(1) && in.string(h.channel);
      if (key == "note") return seen.first(2) && in.string(h.note);
      return false;
    });
    if (!ok || !seen.has(0) || !seen.has(2)) return false;
    out.push_back(std::move(h));
    return true;
  });
}

}  // namespace

std::optional<Item<domain::Profile>> read_plain_profile(std::string_view text) {
  PlainReader in(text);
  Item<domain::Profile> item;
  auto& p = item.value;
  Seen seen;
  const bool ok = in.object([&](std::string_view key) {
    if (key == "customer") return seen.first(0) && in.string(p.customer);
    if (key == "ver") return seen.first(1) && in.integer(p.ver);
    if (key == "deleted") return seen.first(2) && in.boolean(item.deleted);
    if (key == "cards") return seen.first(3) && in.strings(p.cards);
    if (key == "name") return seen.first(4) && in.string(p.name);
    if (key == "segment") return seen.first(5) && in.string(p.segment);
    if (key == "tier") return seen.first(6) && in.string(p.tier);
    if (key == "points") return seen.first(7) && read_points(in, p.points);
    if (key == "consents") return seen.first(8) && read_consents(in, p.consents);
    if (key == "preferences") return seen.first(9) && read_preferences(in, p.preferences);
    if (key == "affinities") return seen.first(10) && read_affinities(in, p.affinities);
    if (key == "recent") return seen.first(11) && read_recent(in, p.recent);
    if (key == "history") return seen.first(12) && read_history(in, p.history);
    return false;
  });
  if (!ok || !in.at_end() || !seen.has(0) || !seen.has(1)) return std::nullopt;
  if (item.deleted) {
    // parse_profile_item reads nothing past customer and ver of a tombstone.
    domain::Profile kept;
    kept.customer = std::move(p.customer);
    kept.ver = p.ver;
    p = std::move(kept);
  }
  return item;
}

}  // namespace witryna::core
