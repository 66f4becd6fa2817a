#include "tools/bench/ingest/feed.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>

namespace witryna::bench {

std::string sku_name(std::uint32_t index) {
  // Shaped like the contract's SKUs (DRS-0042-M-RED): product, size, colour.
  static constexpr const char* kSizes[] = {"XS", "S", "M", "L", "XL"};
  static constexpr const char* kColors[] = {"RED", "BLK", "WHT", "BLU"};
  char out[40];
  std::snprintf(out, sizeof out, "P%06u-%s-%s", index / 20, kSizes[index % 5],
                kColors[(index / 5) % 4]);
  return out;
}

std::vector<FeedItem> make_feed(std::size_t items, std::size_t skus, std::uint64_t seed) {
  skus = std::max<std::size_t>(1, std::min(skus, items));
  std::mt19937_64 random(seed);
  std::vector<std::uint32_t> order(skus);
  std::iota(order.begin(), order.end(), 0U);
  std::vector<std::int64_t> ver(skus, 0);
  std::uniform_int_distribution<int> on_hand(0, 40);
  std::vector<FeedItem> feed;
  feed.reserve(items);
  // Rounds over every SKU, each round in a fresh random order: random keys
  // for the B-tree, and each item newer than the last one of its SKU.
  while (feed.size() < items) {
    std::shuffle(order.begin(), order.end(), random);
    for (const auto sku : order) {
      if (feed.size() == items) break;
      FeedItem item;
      item.sku = sku;
      item.ver = ++ver[sku];
      item.on_hand = on_hand(random);
      item.reserved = std::min(item.on_hand, static_cast<std::int32_t>(random() % 3));
      feed.push_back(item);
    }
  }
  return feed;
}

StockTotals totals_of(const std::vector<FeedItem>& feed) {
  std::vector<const FeedItem*> last;
  for (const auto& item : feed) {
    if (item.sku >= last.size()) last.resize(item.sku + 1, nullptr);
    last[item.sku] = &item;
  }
  StockTotals t;
  for (const auto* item : last) {
    if (!item) continue;
    ++t.rows;
    t.sum_ver += item->ver;
    t.sum_on_hand += item->on_hand;
    t.sum_reserved += item->reserved;
  }
  return t;
}

namespace {

void append_item(std::string& out, const FeedItem& item) {
  char buf[128];
  const int n = std::snprintf(
      buf, sizeof buf, R"({"sku":"%s","on_hand":%d,"reserved":%d,"ver":%lld})",
      sku_name(item.sku).c_str(), item.on_hand, item.reserved, static_cast<long long>(item.ver));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

std::vector<std::string> envelopes(const std::vector<FeedItem>& feed, std::size_t per_message) {
  per_message = std::max<std::size_t>(1, per_message);
  std::vector<std::string> out;
  out.reserve((feed.size() + per_message - 1) / per_message);
  for (std::size_t begin = 0; begin < feed.size(); begin += per_message) {
    const std::size_t end = std::min(feed.size(), begin + per_message);
    std::string msg = R"({"stream":"stock","seq":)" + std::to_string(out.size() + 1) +
                      R"(,"sent":"2026-12-01T10:00:00.000Z","items":[)";
    for (std::size_t i = begin; i < end; ++i) {
      if (i != begin) msg += ',';
      append_item(msg, feed[i]);
    }
    msg += "]}";
    out.push_back(std::move(msg));
  }
  return out;
}

const char* stock_schema_sql() {
  return R"sql(CREATE TABLE IF NOT EXISTS stream_state(
  stream TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stock(
  sku TEXT PRIMARY KEY,
  ver INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  on_hand INTEGER NOT NULL DEFAULT 0,
  reserved INTEGER NOT NULL DEFAULT 0,
  written_seq INTEGER NOT NULL DEFAULT 0,
  snap_gen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql";
}

Result<void> write_upserts_sql(const std::vector<FeedItem>& feed, std::size_t per_message,
                               const std::filesystem::path& path) {
  per_message = std::max<std::size_t>(1, per_message);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail("io", "cannot write " + path.string());
  // The edge's connection settings (edge/store/db/database.hpp): WAL,
  // synchronous=NORMAL, a 16 MiB page cache.
  out << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA cache_size=-16384;\n"
      << stock_schema_sql() << "BEGIN;\n";
  std::string line;
  for (std::size_t i = 0; i < feed.size(); ++i) {
    const auto& item = feed[i];
    line =
        "INSERT INTO stock(sku, ver, deleted, on_hand, reserved, written_seq, snap_gen) VALUES('";
    line += sku_name(item.sku);
    line += "', " + std::to_string(item.ver) + ", 0, " + std::to_string(item.on_hand) + ", " +
            std::to_string(item.reserved) + ", " + std::to_string(i / per_message + 1) +
            ", 0) ON CONFLICT(sku) DO UPDATE SET ver = excluded.ver, deleted = excluded.deleted, "
            "on_hand = excluded.on_hand, reserved = excluded.reserved, written_seq = "
            "excluded.written_seq WHERE excluded.ver > stock.ver;\n";
    out << line;
  }
  const std::size_t messages = (feed.size() + per_message - 1) / per_message;
  out << "INSERT INTO stream_state(stream, last_seq) VALUES('stock', " << messages
      << ") ON CONFLICT(stream) DO UPDATE SET last_seq = excluded.last_seq;\nCOMMIT;\n";
  out.close();
  if (!out) return fail("io", "cannot write " + path.string());
  return {};
}

}  // namespace witryna::bench
