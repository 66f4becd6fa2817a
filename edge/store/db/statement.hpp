#pragma once
// One prepared SQLite statement (RAII: finalized on destruction).
// Not thread-safe: a statement belongs to its connection's thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace witryna::store {

class Statement {
 public:
  // Prepares `sql` (one statement). `persistent` hints SQLite that the
  // statement will be reused many times (the statement cache sets it).
  [[nodiscard]] static Result<Statement> prepare(sqlite3* db, std::string_view sql,
                                                 bool persistent = false);

  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() = default;

  // Parameters are 1-based. A binding failure is remembered and reported by
  // the next step(), so binds can be chained.
  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_double(int index, double value);
  Statement& bind_text(int index, std::string_view value);  // copied by SQLite
  Statement& bind_null(int index);
  Statement& bind_bool(int index, bool value) { return bind_int(index, value ? 1 : 0); }
  Statement& bind_opt_int(int index, std::optional<std::int64_t> value);
  Statement& bind_opt_text(int index, const std::optional<std::string>& value);

  // Advances: true when a row is ready, false when done. A failure is
  // errc::kStorage with SQLite's message (e.g. "database is locked").
  [[nodiscard]] Result<bool> step();
  // Steps until done (for statements whose rows, if any, are not needed).
  [[nodiscard]] Result<void> run();

  // Columns of the current row (0-based). Text of a NULL column is "".
  [[nodiscard]] std::int64_t column_int(int index) const;
  [[nodiscard]] double column_double(int index) const;
  [[nodiscard]] std::string column_text(int index) const;
  // Valid until the next step/reset of this statement.
  [[nodiscard]] std::string_view column_view(int index) const;
  [[nodiscard]] bool column_is_null(int index) const;

  // Ready for new bindings: resets and clears all bindings.
  void reset() noexcept;
  [[nodiscard]] sqlite3_stmt* handle() const { return stmt_.get(); }

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const noexcept;
  };
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void check_bind(int rc, int index);

  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  int bind_error_ = 0;  // SQLITE_OK
  int bind_error_index_ = 0;
};

// Error{kStorage, "<what>: <sqlite message>"} for the last failure on `db`.
[[nodiscard]] Error storage_error(sqlite3* db, std::string_view what);

}  // namespace witryna::store
