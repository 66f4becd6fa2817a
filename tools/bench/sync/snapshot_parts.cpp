#include "tools/bench/sync/snapshot_parts.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace witryna::bench {

namespace {

// The stored body is the item as central sent it, keys sorted, so `ver` is
// its last key: rewrite that number without parsing the whole profile.
std::string with_ver(std::string_view body, std::int64_t ver) {
  constexpr std::string_view kKey = ",\"ver\":";
  const auto at = body.rfind(kKey);
  if (at != std::string_view::npos && body.back() == '}') {
    std::int64_t old = 0;
    const char* first = body.data() + at + kKey.size();
    const char* last = body.data() + body.size() - 1;
    if (std::from_chars(first, last, old).ptr == last) {
      std::string out(body.substr(0, at + kKey.size()));
      out += std::to_string(ver);
      out += '}';
      return out;
    }
  }
  auto item = nlohmann::json::parse(body);
  item["ver"] = ver;
  return item.dump();
}

std::string part_head(const std::string& id, std::size_t part, std::size_t parts,
                      std::int64_t upto_seq) {
  return R"({"stream":"profiles","snapshot":{"id":")" + id + R"(","part":)" + std::to_string(part) +
         R"(,"parts":)" + std::to_string(parts) + R"(,"upto_seq":)" + std::to_string(upto_seq) +
         R"(},"items":[)";
}

}  // namespace

Result<SnapshotParts> profile_snapshot(store::Database& db, const std::string& id,
                                       std::int64_t upto_seq, std::size_t part_items) {
  auto count = db.prepare("SELECT count(*) FROM profiles WHERE deleted = 0");
  if (!count) return tl::unexpected(count.error());
  if (auto row = count->step(); !row || !*row) return fail(std::string(errc::kStorage), "count");
  const auto total = static_cast<std::size_t>(count->column_int(0));
  const std::size_t parts = std::max<std::size_t>(1, (total + part_items - 1) / part_items);

  auto rows = db.prepare("SELECT body, ver FROM profiles WHERE deleted = 0 ORDER BY customer");
  if (!rows) return tl::unexpected(rows.error());
  SnapshotParts out;
  out.payloads.reserve(parts);
  std::string current;
  std::size_t in_part = 0;
  while (true) {
    auto row = rows->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    if (in_part == 0) current = part_head(id, out.payloads.size() + 1, parts, upto_seq);
    if (in_part > 0) current += ',';
    current += with_ver(rows->column_view(0), rows->column_int(1) + 1);
    ++out.items;
    if (++in_part == part_items) {
      current += "]}";
      out.bytes += static_cast<std::int64_t>(current.size());
      out.payloads.push_back(std::move(current));
      in_part = 0;
    }
  }
  if (in_part > 0 || out.payloads.empty()) {
    if (out.payloads.empty() && in_part == 0) current = part_head(id, 1, parts, upto_seq);
    current += "]}";
    out.bytes += static_cast<std::int64_t>(current.size());
    out.payloads.push_back(std::move(current));
  }
  if (out.payloads.size() != parts) {
    return fail(std::string(errc::kStorage), "the profiles changed while the snapshot was cut");
  }
  return out;
}

}  // namespace witryna::bench
