#include "edge/service/config_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace witryna::service::detail {

namespace {

const nlohmann::json& empty_table() {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

template <typename T>
std::string range_text(T lo, T hi) {
  if (hi == std::numeric_limits<T>::max()) return "≥ " + std::to_string(lo);
  return "between " + std::to_string(lo) + " and " + std::to_string(hi);
}

std::string number_text(double v) {
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string describe(const nlohmann::json& value) {
  if (value.is_object()) return "a table";
  if (value.is_array()) return "a list";
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string closest_key(std::string_view key, const std::set<std::string>& known) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : known) {
    const std::size_t d = edit_distance(key, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  // A typo is a couple of edits, not a different word.
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 3);
  return best_distance <= limit ? best : std::string();
}

TableReader::TableReader(const nlohmann::json& table, std::string path, Problems& problems)
    : table_(table.is_object() ? table : empty_table()),
      path_(std::move(path)),
      problems_(problems) {}

std::string TableReader::key_path(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

bool TableReader::has(std::string_view key) const {
  return table_.contains(key);
}

const nlohmann::json* TableReader::get(std::string_view key) {
  known_.emplace(key);
  const auto it = table_.find(key);
  return it == table_.end() ? nullptr : &*it;
}

bool TableReader::read(std::string_view key, std::string& out) {
  const auto* value = get(key);
  if (value == nullptr) return false;
  if (!value->is_string()) {
    add_problem(key_path(key) + " must be a text in quotes, got " + describe(*value));
    return false;
  }
  out = value->get<std::string>();
  return true;
}

bool TableReader::read(std::string_view key, bool& out) {
  const auto* value = get(key);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    add_problem(key_path(key) + " must be true or false, got " + describe(*value));
    return false;
  }
  out = value->get<bool>();
  return true;
}

bool TableReader::read(std::string_view key, std::int64_t& out, std::int64_t lo, std::int64_t hi) {
  const auto* value = get(key);
  if (value == nullptr) return false;
  if (!value->is_number_integer()) {
    add_problem(key_path(key) + " must be a whole number " + range_text(lo, hi) + ", got " +
                describe(*value));
    return false;
  }
  // TOML integers are signed 64-bit; a JSON number above that arrives unsigned.
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    add_problem(key_path(key) + " must be " + range_text(lo, hi) + ", got " + describe(*value));
    return false;
  }
  const auto v = value->get<std::int64_t>();
  if (v < lo || v > hi) {
    add_problem(key_path(key) + " must be " + range_text(lo, hi) + ", got " + std::to_string(v));
    return false;
  }
  out = v;
  return true;
}

bool TableReader::read(std::string_view key, int& out, int lo, int hi) {
  std::int64_t wide = out;
  const std::int64_t wide_hi =
      hi == std::numeric_limits<int>::max() ? std::numeric_limits<std::int64_t>::max() : hi;
  if (!read(key, wide, lo, wide_hi)) return false;
  if (wide > std::numeric_limits<int>::max()) {
    add_problem(key_path(key) + " must be " + range_text(lo, hi) + ", got " + std::to_string(wide));
    return false;
  }
  out = static_cast<int>(wide);
  return true;
}

bool TableReader::read(std::string_view key, double& out, double lo, double hi) {
  const auto* value = get(key);
  if (value == nullptr) return false;
  if (!value->is_number()) {
    add_problem(key_path(key) + " must be a number, got " + describe(*value));
    return false;
  }
  const auto v = value->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi) {
    add_problem(key_path(key) + " must be between " + number_text(lo) + " and " + number_text(hi) +
                ", got " + describe(*value));
    return false;
  }
  out = v;
  return true;
}

bool TableReader::read(std::string_view key, std::vector<std::string>& out) {
  const auto* value = get(key);
  if (value == nullptr) return false;
  if (!value->is_array()) {
    add_problem(key_path(key) + " must be a list of texts like [\"a\", \"b\"], got " +
                describe(*value));
    return false;
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    if (!item.is_string()) {
      add_problem(key_path(key) + "[" + std::to_string(i) + "] must be a text in quotes, got " +
                  describe(item));
      return false;
    }
    items.push_back(item.get<std::string>());
  }
  out = std::move(items);
  return true;
}

bool TableReader::read(std::string_view key, std::filesystem::path& out,
                       const std::filesystem::path& base_dir) {
  std::string text;
  if (!read(key, text)) return false;
  if (text.empty()) {
    add_problem(key_path(key) + " must be a file path, got an empty text");
    return false;
  }
  std::filesystem::path p(text);
  if (p.is_relative() && !base_dir.empty()) p = (base_dir / p).lexically_normal();
  out = std::move(p);
  return true;
}

TableReader TableReader::child(std::string_view key) {
  const auto* value = get(key);
  if (value != nullptr && !value->is_object()) {
    add_problem(key_path(key) + " must be a table ([" + key_path(key) + "]), got " +
                describe(*value));
    return TableReader(empty_table(), key_path(key), problems_);
  }
  return TableReader(value == nullptr ? empty_table() : *value, key_path(key), problems_);
}

void TableReader::finish() {
  for (const auto& [key, value] : table_.items()) {
    if (known_.contains(key)) continue;
    std::string message = "unknown key " + key_path(key);
    const std::string suggestion = closest_key(key, known_);
    if (!suggestion.empty()) message += " (did you mean " + key_path(suggestion) + "?)";
    add_problem(std::move(message));
  }
}

}  // namespace witryna::service::detail
