#include "edge/store/entity_tables.hpp"

#include <array>
#include <initializer_list>
#include <vector>

namespace witryna::store {
namespace {

struct Spec {
  EntityKind kind;
  std::string_view name;
  std::vector<std::string_view> keys;
  std::string_view clear_columns;  // SET list that empties a row to a tombstone
};

// Built with appends only: GCC 12 at -O3 warns (-Wrestrict, a false
// positive) on `"literal" + std::string` chains.
std::string param(std::size_t n) {
  std::string out = "?";
  out += std::to_string(n);
  return out;
}

std::string key_where(const std::vector<std::string_view>& keys, std::size_t first_param) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += " AND ";
    out += keys[i];
    out += " = ";
    out += param(first_param + i);
  }
  return out;
}

std::string key_list(const std::vector<std::string_view>& keys) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ", ";
    out += keys[i];
  }
  return out;
}

std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto p : parts)
    out += p;
  return out;
}

EntityTable make(const Spec& s) {
  const auto keys = key_list(s.keys);
  std::string cursor = "(";
  for (std::size_t i = 0; i < s.keys.size(); ++i) {
    if (i > 0) cursor += ", ";
    cursor += param(2 + i);
  }
  cursor += ")";
  const auto select = concat({"SELECT ", keys, ", deleted, snap_gen, written_seq FROM ", s.name});
  return EntityTable{
      s.kind,
      s.name,
      static_cast<int>(s.keys.size()),
      concat({"UPDATE ", s.name, " SET snap_gen = ?1 WHERE ", key_where(s.keys, 2)}),
      concat({"UPDATE ", s.name, " SET deleted = 1, ", s.clear_columns, " WHERE ",
              key_where(s.keys, 1)}),
      concat({select, " ORDER BY ", keys, " LIMIT ?1"}),
      concat({select, " WHERE (", keys, ") > ", cursor, " ORDER BY ", keys, " LIMIT ?1"}),
      concat({"SELECT ver, deleted FROM ", s.name, " WHERE ", key_where(s.keys, 1)}),
  };
}

const std::array<EntityTable, 7>& tables() {
  static const std::array<EntityTable, 7> kTables = {
      make(
          {EntityKind::kProduct, "products", {"sku"}, "category = NULL, size = NULL, body = NULL"}),
      make({EntityKind::kOffer, "offers", {"offer"}, "body = NULL"}),
      make({EntityKind::kStock, "stock", {"sku"}, "on_hand = 0, reserved = 0"}),
      make({EntityKind::kNearby,
            "nearby",
            {"sku", "store"},
            "name = NULL, distance_m = NULL, level = NULL, as_of = NULL"}),
      make({EntityKind::kProfile, "profiles", {"customer"}, "points_ver = NULL, body = NULL"}),
      make({EntityKind::kReservation,
            "reservations",
            {"reservation"},
            "customer = NULL, body = NULL"}),
      make({EntityKind::kCode,
            "codes",
            {"code_hash"},
            "max_uses = NULL, scope = NULL, body = NULL"}),
  };
  return kTables;
}

}  // namespace

const EntityTable& entity_table(EntityKind kind) {
  return tables()[static_cast<std::size_t>(kind)];
}

std::span<const EntityKind> entity_kinds_of(core::Stream stream) {
  static constexpr std::array kCatalog = {EntityKind::kProduct, EntityKind::kOffer};
  static constexpr std::array kStock = {EntityKind::kStock};
  static constexpr std::array kProfiles = {EntityKind::kProfile};
  static constexpr std::array kReservations = {EntityKind::kReservation};
  static constexpr std::array kCodes = {EntityKind::kCode};
  static constexpr std::array kNearby = {EntityKind::kNearby};
  switch (stream) {
    case core::Stream::kCatalog:
      return kCatalog;
    case core::Stream::kStock:
      return kStock;
    case core::Stream::kProfiles:
      return kProfiles;
    case core::Stream::kReservations:
      return kReservations;
    case core::Stream::kCodes:
      return kCodes;
    case core::Stream::kNearby:
      return kNearby;
  }
  return {};
}

}  // namespace witryna::store
