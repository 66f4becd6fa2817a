#include "edge/store/db/statement.hpp"

#include <sqlite3.h>

#include <climits>

namespace witryna::store {
namespace {

// A short, value-free description of a statement for error contexts: the
// first words of its SQL (parameters are bound, so no data appears).
std::string describe(sqlite3_stmt* stmt) {
  const char* sql = sqlite3_sql(stmt);
  std::string out = sql != nullptr ? sql : "statement";
  constexpr std::size_t kMax = 60;
  if (out.size() > kMax) {
    out.resize(kMax);
    out += "…";
  }
  return out;
}

}  // namespace

Error storage_error(sqlite3* db, std::string_view what) {
  std::string context(what);
  context += ": ";
  context += db != nullptr ? sqlite3_errmsg(db) : "no database";
  return Error{std::string(errc::kStorage), std::move(context)};
}

void Statement::Finalizer::operator()(sqlite3_stmt* s) const noexcept {
  sqlite3_finalize(s);
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql, bool persistent) {
  sqlite3_stmt* stmt = nullptr;
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    return fail(std::string(errc::kStorage), "prepare: statement too long");
  }
  const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0U;
  const int rc =
      sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return tl::unexpected(storage_error(db, "prepare"));
  }
  if (stmt == nullptr) return fail(std::string(errc::kStorage), "prepare: empty statement");
  return Statement(db, stmt);
}

void Statement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) {
    bind_error_ = rc;
    bind_error_index_ = index;
  }
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_.get(), index, value), index);
  return *this;
}

Statement& Statement::bind_double(int index, double value) {
  check_bind(sqlite3_bind_double(stmt_.get(), index, value), index);
  return *this;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  check_bind(sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_.get(), index), index);
  return *this;
}

Statement& Statement::bind_opt_int(int index, std::optional<std::int64_t> value) {
  return value ? bind_int(index, *value) : bind_null(index);
}

Statement& Statement::bind_opt_text(int index, const std::optional<std::string>& value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

Result<bool> Statement::step() {
  if (bind_error_ != SQLITE_OK) {
    return fail(std::string(errc::kStorage), "bind parameter " + std::to_string(bind_error_index_) +
                                                 " of " + describe(stmt_.get()) + ": " +
                                                 sqlite3_errstr(bind_error_));
  }
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  auto error = storage_error(db_, describe(stmt_.get()));
  sqlite3_reset(stmt_.get());
  return tl::unexpected(std::move(error));
}

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
  }
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(stmt_.get(), index);
}

double Statement::column_double(int index) const {
  return sqlite3_column_double(stmt_.get(), index);
}

std::string Statement::column_text(int index) const {
  return std::string(column_view(index));
}

std::string_view Statement::column_view(int index) const {
  const auto* text = sqlite3_column_text(stmt_.get(), index);
  if (text == nullptr) return {};
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index));
  return {reinterpret_cast<const char*>(text), size};
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL;
}

void Statement::reset() noexcept {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_ = SQLITE_OK;
  bind_error_index_ = 0;
}

}  // namespace witryna::store
