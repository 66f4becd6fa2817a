#include "edge/core/codec/field_reader.hpp"

#include <limits>

namespace witryna::core {
namespace {

const nlohmann::json& empty_object() {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

// An integer JSON value as int64, or nullopt when it is not an integer or
// does not fit (a float such as 12.0 is not an integer here).
enum class IntRead { kOk, kWrongType, kOutOfRange };
IntRead read_int64(const nlohmann::json& v, std::int64_t& out) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return IntRead::kOutOfRange;
    }
    out = static_cast<std::int64_t>(u);
    return IntRead::kOk;
  }
  if (v.is_number_integer()) {
    out = v.get<std::int64_t>();
    return IntRead::kOk;
  }
  return IntRead::kWrongType;
}

}  // namespace

FieldReader::FieldReader(const nlohmann::json& obj, std::string path)
    : FieldReader(obj, std::move(path), std::make_shared<std::optional<Error>>()) {}

FieldReader::FieldReader(const nlohmann::json& obj, std::string path,
                         std::shared_ptr<std::optional<Error>> slot)
    : obj_(&obj), path_(std::move(path)), error_(std::move(slot)) {
  if (!obj.is_object()) {
    fail(errc::kWrongType, path_.empty() ? std::string_view("item") : std::string_view(path_));
    obj_ = &empty_object();
  }
}

std::string FieldReader::path_of(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  std::string out = path_;
  out += '.';
  out += key;
  return out;
}

void FieldReader::fail(std::string_view code, std::string_view field) {
  if (error_->has_value()) return;
  *error_ = Error{std::string(code), std::string(field)};
}

const nlohmann::json* FieldReader::find(std::string_view key) const {
  const auto it = obj_->find(key);
  if (it == obj_->end() || it->is_null()) return nullptr;
  return &*it;
}

bool FieldReader::has(std::string_view key) const {
  return find(key) != nullptr;
}

const nlohmann::json* FieldReader::require(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) fail(errc::kMissingField, path_of(key));
  return v;
}

std::string FieldReader::string(std::string_view key) {
  const auto* v = require(key);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    fail(errc::kWrongType, path_of(key));
    return {};
  }
  return v->get<std::string>();
}

std::optional<std::string> FieldReader::optional_string(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    fail(errc::kWrongType, path_of(key));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::string FieldReader::string_or(std::string_view key, std::string fallback) {
  auto v = optional_string(key);
  return v ? std::move(*v) : std::move(fallback);
}

std::int64_t FieldReader::integer(std::string_view key) {
  const auto* v = require(key);
  if (v == nullptr) return 0;
  std::int64_t out = 0;
  switch (read_int64(*v, out)) {
    case IntRead::kOk:
      return out;
    case IntRead::kWrongType:
      fail(errc::kWrongType, path_of(key));
      return 0;
    case IntRead::kOutOfRange:
      fail(errc::kInvalidValue, path_of(key));
      return 0;
  }
  return 0;
}

std::int64_t FieldReader::integer_or(std::string_view key, std::int64_t fallback) {
  if (!has(key)) return fallback;
  return integer(key);
}

int FieldReader::small_integer(std::string_view key) {
  const auto v = integer(key);
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    fail(errc::kInvalidValue, path_of(key));
    return 0;
  }
  return static_cast<int>(v);
}

int FieldReader::small_integer_or(std::string_view key, int fallback) {
  if (!has(key)) return fallback;
  return small_integer(key);
}

bool FieldReader::boolean_or(std::string_view key, bool fallback) {
  const auto* v = find(key);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    fail(errc::kWrongType, path_of(key));
    return fallback;
  }
  return v->get<bool>();
}

TimePoint FieldReader::time(std::string_view key) {
  const auto* v = require(key);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    fail(errc::kWrongType, path_of(key));
    return {};
  }
  auto t = parse_rfc3339(v->get_ref<const std::string&>());
  if (!t) {
    fail(errc::kInvalidValue, path_of(key));
    return {};
  }
  return *t;
}

std::optional<TimePoint> FieldReader::optional_time(std::string_view key) {
  if (!has(key)) return std::nullopt;
  return time(key);
}

std::vector<std::string> FieldReader::strings_or_empty(std::string_view key) {
  std::vector<std::string> out;
  const auto* v = find(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    fail(errc::kWrongType, path_of(key));
    return out;
  }
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (!e.is_string()) {
      fail(errc::kWrongType, path_of(key) + "[" + std::to_string(i) + "]");
      return {};
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

FieldReader FieldReader::object(std::string_view key) {
  const auto* v = require(key);
  if (v == nullptr) return FieldReader(empty_object(), path_of(key), error_);
  return FieldReader(*v, path_of(key), error_);
}

std::optional<FieldReader> FieldReader::optional_object(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  return FieldReader(*v, path_of(key), error_);
}

std::vector<FieldReader> FieldReader::objects_or_empty(std::string_view key) {
  std::vector<FieldReader> out;
  const auto* v = find(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    fail(errc::kWrongType, path_of(key));
    return out;
  }
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) {
    out.push_back(FieldReader((*v)[i], path_of(key) + "[" + std::to_string(i) + "]", error_));
  }
  return out;
}

const nlohmann::json* FieldReader::raw_object(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) {
    fail(errc::kWrongType, path_of(key));
    return nullptr;
  }
  return v;
}

}  // namespace witryna::core
