#pragma once
// The stock feed of the benchmark: N stock items over S SKUs, in a random key
// order, each SKU's `ver` rising with every item of it (so every item is
// newer than the stored one and is applied). The same items make both shapes
// of feed (one or 100 items per message) and the sqlite3 shell's script.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::bench {

struct FeedItem {
  std::uint32_t sku = 0;  // index, see sku_name()
  std::int64_t ver = 0;
  std::int32_t on_hand = 0;
  std::int32_t reserved = 0;
};

// What the stock table holds once every item is applied.
struct StockTotals {
  std::int64_t rows = 0;
  std::int64_t sum_ver = 0;
  std::int64_t sum_on_hand = 0;
  std::int64_t sum_reserved = 0;

  friend bool operator==(const StockTotals&, const StockTotals&) = default;
};

[[nodiscard]] std::string sku_name(std::uint32_t index);

// Deterministic for a seed. skus is capped at items.
[[nodiscard]] std::vector<FeedItem> make_feed(std::size_t items, std::size_t skus,
                                              std::uint64_t seed);
[[nodiscard]] StockTotals totals_of(const std::vector<FeedItem>& feed);

// Stream envelopes (mqtt.md) of `per_message` items each, seq 1, 2, …
[[nodiscard]] std::vector<std::string> envelopes(const std::vector<FeedItem>& feed,
                                                 std::size_t per_message);

// The sqlite3 shell's script: the edge's pragmas, then every item as the
// edge's version-guarded stock upsert, in ONE transaction. written_seq is
// the seq of the message the item travels in (per_message items a message).
[[nodiscard]] Result<void> write_upserts_sql(const std::vector<FeedItem>& feed,
                                             std::size_t per_message,
                                             const std::filesystem::path& path);

// The edge's stock and stream_state tables (edge/store/schema.cpp, v1).
[[nodiscard]] const char* stock_schema_sql();

}  // namespace witryna::bench
