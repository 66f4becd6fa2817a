#include "edge/store/outbox.hpp"

#include <array>

#include "edge/store/db/sql.hpp"
#include "edge/store/json_text.hpp"

namespace witryna::store {
namespace {

// Checked before a number is taken, so a refused event costs no number.
Result<void> check_event(const domain::Event& event) {
  if (event.type.empty()) return fail(std::string(errc::kInvalidValue), "type");
  const auto& fields = event.fields;
  if (!fields.is_null() && !fields.is_object()) {
    return fail(std::string(errc::kWrongType), "fields");
  }
  for (const char* reserved : {"n", "type", "at"}) {
    if (fields.is_object() && fields.contains(reserved)) {
      return fail(std::string(errc::kInvalidValue), std::string("fields.") + reserved);
    }
  }
  return {};
}

std::string event_json(std::int64_t n, const domain::Event& event) {
  const auto& fields = event.fields;
  std::string text = "{\"n\":" + std::to_string(n) + ",\"type\":" + dump_json(event.type) +
                     ",\"at\":\"" + format_rfc3339(event.at) + "\"";
  if (fields.is_object() && !fields.empty()) {
    const auto rest = dump_json(fields);  // {"k":v,…}: splice without its braces
    text += ',';
    text.append(rest, 1, rest.size() - 2);
  }
  text += '}';
  return text;
}

// The first of `count` new consecutive numbers (the counter only grows).
Result<std::int64_t> reserve_numbers(Database& db, std::int64_t count) {
  auto first = query_int(db,
                         "UPDATE outbox_totals SET next_n = next_n + ?1 WHERE id = 1 "
                         "RETURNING next_n - ?1",
                         count);
  if (!first) return tl::unexpected(first.error());
  if (!*first) return fail(std::string(errc::kStorage), "outbox counter missing");
  return **first;
}

Result<std::string> insert_event(Database& db, std::int64_t n, const domain::Event& event) {
  auto text = event_json(n, event);
  auto ok = execute(db,
                    "INSERT INTO outbox(n, type, at, droppable, bytes, json) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                    n, event.type, to_unix_millis(event.at), domain::is_droppable(event.type),
                    static_cast<std::int64_t>(text.size()), text);
  if (!ok) return tl::unexpected(ok.error());
  return text;
}

}  // namespace

Result<domain::StoredEvent> append_event(Transaction& tx, const domain::Event& event) {
  if (auto ok = check_event(event); !ok) return tl::unexpected(ok.error());
  auto n = reserve_numbers(tx.db(), 1);
  if (!n) return tl::unexpected(n.error());
  auto text = insert_event(tx.db(), *n, event);
  if (!text) return tl::unexpected(text.error());
  return domain::StoredEvent{*n, event.type, std::move(*text)};
}

Result<void> append_events(Transaction& tx, std::span<const domain::Event> events) {
  if (events.empty()) return {};
  for (const auto& event : events) {
    if (auto ok = check_event(event); !ok) return tl::unexpected(ok.error());
  }
  auto n = reserve_numbers(tx.db(), static_cast<std::int64_t>(events.size()));
  if (!n) return tl::unexpected(n.error());
  for (const auto& event : events) {
    if (auto text = insert_event(tx.db(), (*n)++, event); !text) {
      return tl::unexpected(text.error());
    }
  }
  return {};
}

Result<std::vector<domain::StoredEvent>> pending_events(Database& db, std::int64_t after_n,
                                                        std::size_t limit) {
  auto q = query(db, "SELECT n, type, json FROM outbox WHERE n > ?1 ORDER BY n LIMIT ?2", after_n,
                 static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  if (!q) return tl::unexpected(q.error());
  std::vector<domain::StoredEvent> out;
  for (;;) {
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back(
        domain::StoredEvent{(*q)->column_int(0), (*q)->column_text(1), (*q)->column_text(2)});
  }
  return out;
}

Result<std::int64_t> ack_upto(Database& db, std::int64_t upto) {
  return execute(db, "DELETE FROM outbox WHERE n <= ?1", upto);
}

Result<OutboxStats> outbox_stats(Database& db) {
  OutboxStats stats;
  {
    // Totals kept by triggers (schema v3): the same cost at any outbox size.
    auto q = query(db, "SELECT events, bytes FROM outbox_totals WHERE id = 1");
    if (!q) return tl::unexpected(q.error());
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (*row) {
      stats.count = (*q)->column_int(0);
      stats.bytes = (*q)->column_int(1);
    }
  }
  {
    // The older of each class's oldest, through their partial indexes
    // (schema v4 has no index on `at` alone). Aggregate min skips a class
    // with no events; min(x, y) would give NULL.
    auto q = query(db,
                   "SELECT min(at) FROM (SELECT min(at) AS at FROM outbox WHERE droppable = 1 "
                   "UNION ALL SELECT min(at) FROM outbox WHERE droppable = 0)");
    if (!q) return tl::unexpected(q.error());
    auto row = (*q)->step();
    if (!row) return tl::unexpected(row.error());
    if (*row && !(*q)->column_is_null(0)) stats.oldest_at = from_unix_millis((*q)->column_int(0));
  }
  auto q = query(db, "SELECT next_n - 1, dropped FROM outbox_totals WHERE id = 1");
  if (!q) return tl::unexpected(q.error());
  auto row = (*q)->step();
  if (!row) return tl::unexpected(row.error());
  if (*row) {
    stats.last_n = (*q)->column_int(0);
    stats.dropped_total = (*q)->column_int(1);
  }
  return stats;
}

Result<DropResult> drop_oldest_droppable(Transaction& tx, std::int64_t bytes_to_free) {
  auto& db = tx.db();
  DropResult result;
  std::optional<std::int64_t> last;
  {
    auto q = query(db, "SELECT n, bytes FROM outbox WHERE droppable = 1 ORDER BY n");
    if (!q) return tl::unexpected(q.error());
    while (result.bytes_freed < bytes_to_free) {
      auto row = (*q)->step();
      if (!row) return tl::unexpected(row.error());
      if (!*row) break;
      last = (*q)->column_int(0);
      result.bytes_freed += (*q)->column_int(1);
      ++result.dropped;
    }
  }
  if (last) {
    if (auto ok = execute(db, "DELETE FROM outbox WHERE droppable = 1 AND n <= ?1", *last); !ok) {
      return tl::unexpected(ok.error());
    }
    if (auto ok = execute(db, "UPDATE outbox_totals SET dropped = dropped + ?1 WHERE id = 1",
                          result.dropped);
        !ok) {
      return tl::unexpected(ok.error());
    }
  }
  auto total = query_int(db, "SELECT dropped FROM outbox_totals WHERE id = 1");
  if (!total) return tl::unexpected(total.error());
  result.dropped_total = total->value_or(0);
  return result;
}

}  // namespace witryna::store
