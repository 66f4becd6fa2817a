#pragma once
// Short forms for running cached statements with positional arguments:
//   execute(db, "UPDATE t SET a = ?1 WHERE k = ?2", 5, key)  → rows changed
//   auto q = query(db, "SELECT a FROM t WHERE k = ?1", key); then (*q)->step()
// Arguments bind in order as ?1, ?2, …: integers, bool, strings, nullptr
// (NULL) and std::optional of those (nullopt → NULL).

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "edge/store/db/database.hpp"

namespace witryna::store {

namespace sql_detail {

template <typename T>
void bind_one(Statement& stmt, int index, const T& value) {
  if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) {
    stmt.bind_null(index);
  } else if constexpr (std::is_same_v<T, bool>) {
    stmt.bind_bool(index, value);
  } else if constexpr (std::is_integral_v<T>) {
    stmt.bind_int(index, static_cast<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    stmt.bind_double(index, static_cast<double>(value));
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    stmt.bind_text(index, std::string_view(value));
  } else {
    // std::optional<U>
    if (value) {
      bind_one(stmt, index, *value);
    } else {
      stmt.bind_null(index);
    }
  }
}

template <typename... Args>
void bind_all(Statement& stmt, const Args&... args) {
  int index = 0;
  (bind_one(stmt, ++index, args), ...);
}

}  // namespace sql_detail

// The cached statement for `sql` with `args` bound, ready to step.
template <typename... Args>
[[nodiscard]] Result<CachedStatement> query(Database& db, std::string_view sql,
                                            const Args&... args) {
  auto stmt = db.cached(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  sql_detail::bind_all(**stmt, args...);
  return stmt;
}

// Runs `sql` to the end; the number of rows it changed.
template <typename... Args>
[[nodiscard]] Result<std::int64_t> execute(Database& db, std::string_view sql,
                                           const Args&... args) {
  auto stmt = query(db, sql, args...);
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto ok = (*stmt)->run(); !ok) return tl::unexpected(ok.error());
  return db.changes();
}

// The first column of the first row as an integer, nullopt without a row.
template <typename... Args>
[[nodiscard]] Result<std::optional<std::int64_t>> query_int(Database& db, std::string_view sql,
                                                            const Args&... args) {
  auto stmt = query(db, sql, args...);
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = (*stmt)->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row || (*stmt)->column_is_null(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*stmt)->column_int(0));
}

}  // namespace witryna::store
