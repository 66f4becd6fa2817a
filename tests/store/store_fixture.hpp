#pragma once
// Shared by tests/store: a store in a fresh temp folder, and `must` to unwrap
// a Result in a test (a failure throws, which gtest reports with the error).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "edge/store/store.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::store::test {

template <typename T>
T must(Result<T> r, const char* what = "store call") {
  if (!r)
    throw std::runtime_error(std::string(what) + ": " + r.error().code + " " + r.error().context);
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

// prefix + n, built by appending (GCC 12 -O3 raises a false -Wrestrict on
// `"literal" + std::to_string(n)`).
inline std::string numbered(std::string prefix, long long n) {
  prefix += std::to_string(n);
  return prefix;
}

inline TimePoint at(const char* rfc3339) {
  return parse_rfc3339(rfc3339).value();
}

class StoreTest : public ::testing::Test {
 protected:
  [[nodiscard]] std::filesystem::path path() const { return dir_ / "edge.db"; }
  [[nodiscard]] Database open() const { return must(open_store(path()), "open_store"); }

  // Applies one live message (seq) of `stream` with `items`.
  ApplyCounts live(Database& db, core::Stream stream, std::int64_t seq,
                   const nlohmann::json& items) {
    return must(
        apply_message(db, stream, ApplyContext::live(seq, at("2026-11-22T10:00:00Z")), items),
        "apply live");
  }
  ApplyCounts snapshot(Database& db, core::Stream stream, const std::string& id,
                       const nlohmann::json& items) {
    return must(
        apply_message(db, stream, ApplyContext::snapshot(id, at("2026-11-22T10:00:00Z")), items),
        "apply snapshot");
  }

  witryna::test::TempDir dir_;
};

// The contract's profile example for customer C-000123.
inline nlohmann::json anna(std::int64_t ver) {
  auto j = nlohmann::json::parse(R"({"customer":"C-000123","cards":["2900000123458"],
    "name":"Anna","segment":"active","tier":"gold","points":{"balance":1250,"ver":88},
    "consents":{"personalization":true,"marketing":false,"display_name":true,"history_for_staff":true},
    "preferences":{"sizes":["M"],"categories":["dresses","shoes"],"budget_minor":30000,
                   "pickup_store":"PL-WAW-001"},
    "affinities":{"dresses":0.8,"shoes":0.3},
    "recent":[{"sku":"DRS-0042-M-RED","channel":"web","at":"2026-11-21T18:00:00.000Z","what":"viewed"}],
    "history":[{"at":"2026-11-19T12:30:00.000Z","channel":"chat","note":"asked about linen care"}]})");
  j["ver"] = ver;
  return j;
}

}  // namespace witryna::store::test
