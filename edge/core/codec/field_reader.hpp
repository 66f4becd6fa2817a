#pragma once
// Reads typed fields out of one JSON object without ever throwing. The first
// failure is recorded (code + field path, never the value) and every later
// read returns a default, so a parser reads all its fields and checks once.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/core/time.hpp"

namespace witryna::core {

class FieldReader {
 public:
  // `obj` must outlive the reader. `path` prefixes field names in errors
  // ("benefit" → "benefit.type"). A non-object `obj` records kWrongType.
  explicit FieldReader(const nlohmann::json& obj, std::string path = {});

  // Present means: the key exists and its value is not null (null = absent).
  [[nodiscard]] bool has(std::string_view key) const;

  [[nodiscard]] std::string string(std::string_view key);
  [[nodiscard]] std::string string_or(std::string_view key, std::string fallback = {});
  [[nodiscard]] std::optional<std::string> optional_string(std::string_view key);

  [[nodiscard]] std::int64_t integer(std::string_view key);
  [[nodiscard]] std::int64_t integer_or(std::string_view key, std::int64_t fallback);
  // An integer that must fit an int (counts, priorities).
  [[nodiscard]] int small_integer(std::string_view key);
  [[nodiscard]] int small_integer_or(std::string_view key, int fallback);

  [[nodiscard]] bool boolean_or(std::string_view key, bool fallback);
  [[nodiscard]] TimePoint time(std::string_view key);
  [[nodiscard]] std::optional<TimePoint> optional_time(std::string_view key);
  [[nodiscard]] std::vector<std::string> strings_or_empty(std::string_view key);

  // Nested object / array elements, sharing this reader's error slot. An
  // absent required object records kMissingField and returns a reader over
  // an empty object.
  [[nodiscard]] FieldReader object(std::string_view key);
  [[nodiscard]] std::optional<FieldReader> optional_object(std::string_view key);
  // The elements of an optional array (empty when absent), each as a reader.
  [[nodiscard]] std::vector<FieldReader> objects_or_empty(std::string_view key);
  // The raw value of an optional object field (nullptr when absent or wrong type).
  [[nodiscard]] const nlohmann::json* raw_object(std::string_view key);

  // Records `code` for `field` unless an error is already recorded.
  void fail(std::string_view code, std::string_view field);

  [[nodiscard]] bool ok() const { return !error_->has_value(); }
  [[nodiscard]] const std::optional<Error>& error() const { return *error_; }
  // The full path of `key` as used in error contexts.
  [[nodiscard]] std::string path_of(std::string_view key) const;

 private:
  FieldReader(const nlohmann::json& obj, std::string path,
              std::shared_ptr<std::optional<Error>> slot);
  [[nodiscard]] const nlohmann::json* find(std::string_view key) const;
  [[nodiscard]] const nlohmann::json* require(std::string_view key);

  const nlohmann::json* obj_;
  std::string path_;
  std::shared_ptr<std::optional<Error>> error_;
};

// `value` if `r` recorded no error, else that error.
template <typename T>
[[nodiscard]] Result<T> finish(const FieldReader& r, T value) {
  if (!r.ok()) return tl::unexpected(*r.error());
  return value;
}

}  // namespace witryna::core
