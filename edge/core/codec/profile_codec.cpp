#include "edge/core/codec/profile_codec.hpp"

#include "edge/core/codec/field_reader.hpp"

namespace witryna::core {
namespace {

domain::Consents read_consents(FieldReader& r) {
  domain::Consents c;
  c.personalization = r.boolean_or("personalization", false);
  c.marketing = r.boolean_or("marketing", false);
  c.display_name = r.boolean_or("display_name", false);
  c.history_for_staff = r.boolean_or("history_for_staff", false);
  return c;
}

domain::Preferences read_preferences(FieldReader& r) {
  domain::Preferences p;
  p.sizes = r.strings_or_empty("sizes");
  p.categories = r.strings_or_empty("categories");
  if (r.has("budget_minor")) p.budget_minor = r.integer("budget_minor");
  p.pickup_store = r.optional_string("pickup_store");
  return p;
}

std::map<std::string, double> read_affinities(FieldReader& r) {
  std::map<std::string, double> out;
  const auto* obj = r.raw_object("affinities");
  if (obj == nullptr) return out;
  for (const auto& [category, weight] : obj->items()) {
    if (!weight.is_number()) {
      r.fail(errc::kWrongType, r.path_of("affinities"));
      return {};
    }
    out.emplace(category, weight.get<double>());
  }
  return out;
}

}  // namespace

Result<Item<domain::Profile>> parse_profile_item(const nlohmann::json& j) {
  FieldReader r(j);
  Item<domain::Profile> item;
  auto& p = item.value;
  item.deleted = r.boolean_or("deleted", false);
  p.customer = r.string("customer");
  p.ver = r.integer("ver");
  if (item.deleted) return finish(r, std::move(item));
  p.cards = r.strings_or_empty("cards");
  p.name = r.string_or("name");
  p.segment = r.string_or("segment");
  p.tier = r.string_or("tier");
  if (auto points = r.optional_object("points")) {
    p.points.balance = points->integer("balance");
    p.points.ver = points->integer("ver");
  }
  if (auto consents = r.optional_object("consents")) p.consents = read_consents(*consents);
  if (auto prefs = r.optional_object("preferences")) p.preferences = read_preferences(*prefs);
  p.affinities = read_affinities(r);
  for (auto& e : r.objects_or_empty("recent")) {
    domain::RecentActivity a;
    a.sku = e.string("sku");
    a.channel = e.string_or("channel");
    a.at = e.time("at");
    a.what = e.string_or("what");
    p.recent.push_back(std::move(a));
  }
  for (auto& e : r.objects_or_empty("history")) {
    domain::HistoryEntry h;
    h.at = e.time("at");
    h.channel = e.string_or("channel");
    h.note = e.string("note");
    p.history.push_back(std::move(h));
  }
  return finish(r, std::move(item));
}

nlohmann::json to_json(const domain::Consents& c) {
  return {{"personalization", c.personalization},
          {"marketing", c.marketing},
          {"display_name", c.display_name},
          {"history_for_staff", c.history_for_staff}};
}

nlohmann::json to_json(const domain::Preferences& p) {
  nlohmann::json j = {{"sizes", p.sizes}, {"categories", p.categories}};
  if (p.budget_minor) j["budget_minor"] = *p.budget_minor;
  if (p.pickup_store) j["pickup_store"] = *p.pickup_store;
  return j;
}

Result<domain::Consents> parse_consents(const nlohmann::json& j) {
  FieldReader r(j, "consents");
  auto c = read_consents(r);
  return finish(r, c);
}

Result<domain::Preferences> parse_preferences(const nlohmann::json& j) {
  FieldReader r(j, "preferences");
  auto p = read_preferences(r);
  return finish(r, std::move(p));
}

nlohmann::json to_json(const domain::Profile& p) {
  nlohmann::json recent = nlohmann::json::array();
  for (const auto& a : p.recent) {
    recent.push_back(
        {{"sku", a.sku}, {"channel", a.channel}, {"at", format_rfc3339(a.at)}, {"what", a.what}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : p.history) {
    history.push_back({{"at", format_rfc3339(h.at)}, {"channel", h.channel}, {"note", h.note}});
  }
  nlohmann::json affinities = nlohmann::json::object();
  for (const auto& [category, weight] : p.affinities)
    affinities[category] = weight;
  return {{"customer", p.customer},
          {"ver", p.ver},
          {"cards", p.cards},
          {"name", p.name},
          {"segment", p.segment},
          {"tier", p.tier},
          {"points", {{"balance", p.points.balance}, {"ver", p.points.ver}}},
          {"consents", to_json(p.consents)},
          {"preferences", to_json(p.preferences)},
          {"affinities", std::move(affinities)},
          {"recent", std::move(recent)},
          {"history", std::move(history)}};
}

nlohmann::json to_json(const Item<domain::Profile>& item) {
  if (item.deleted) {
    return {{"customer", item.value.customer}, {"ver", item.value.ver}, {"deleted", true}};
  }
  return to_json(item.value);
}

}  // namespace witryna::core
