#pragma once
// Reads one table of a configuration document into typed fields, collecting
// every problem as a message a field engineer understands (the dotted key
// first). Internal to config.cpp; no I/O, no throwing.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace witryna::service::detail {

using Problems = std::vector<std::string>;

// A short rendering of a value for a message ("-5", "\"kiosks\"", "a table").
[[nodiscard]] std::string describe(const nlohmann::json& value);

// The known key closest to `key` when it looks like a typo of it, else "".
[[nodiscard]] std::string closest_key(std::string_view key, const std::set<std::string>& known);

class TableReader {
 public:
  // `table` must outlive the reader. A `table` that is not an object is
  // reported by the caller (see child()).
  TableReader(const nlohmann::json& table, std::string path, Problems& problems);

  [[nodiscard]] const std::string& path() const { return path_; }
  // "offers.max_on_screen" for key "max_on_screen" of table "offers".
  [[nodiscard]] std::string key_path(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const;
  // The raw value, or nullptr when absent. Marks `key` as known.
  [[nodiscard]] const nlohmann::json* get(std::string_view key);
  void add_problem(std::string message) { problems_.push_back(std::move(message)); }
  // Where problems go: readers of nested entries share it.
  [[nodiscard]] Problems& problems() const { return problems_; }
  // The table itself, for tables whose keys are ids (keys.app, scanners).
  [[nodiscard]] const nlohmann::json& raw() const { return table_; }

  // Each reader leaves `out` unchanged when the key is absent or wrong (the
  // problem is recorded). They return true when a value was taken.
  bool read(std::string_view key, std::string& out);
  bool read(std::string_view key, bool& out);
  bool read(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi);
  bool read(std::string_view key, int& out, int lo, int hi);
  bool read(std::string_view key, double& out, double lo, double hi);
  bool read(std::string_view key, std::vector<std::string>& out);
  // A path; relative ones are resolved against `base_dir` when it is not empty.
  bool read(std::string_view key, std::filesystem::path& out,
            const std::filesystem::path& base_dir);

  // A sub-table: an empty one when absent; a problem (and an empty one) when
  // the value is not a table.
  [[nodiscard]] TableReader child(std::string_view key);

  // Reports every key of the table that no reader asked for.
  void finish();

 private:
  const nlohmann::json& table_;
  std::string path_;
  Problems& problems_;
  std::set<std::string> known_;
};

}  // namespace witryna::service::detail
