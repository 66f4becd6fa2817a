// TOML → JSON and reading the configuration file. toml++ reports syntax
// errors by throwing toml::parse_error; it is caught here and turned into a
// Result carrying the line and column.
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "edge/service/config.hpp"

namespace witryna::service {

namespace {

using nlohmann::json;

template <typename T>
std::string streamed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

json node_to_json(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: {
      json object = json::object();
      for (const auto& [key, value] : *node.as_table()) {
        object[std::string(key.str())] = node_to_json(value);
      }
      return object;
    }
    case toml::node_type::array: {
      json array = json::array();
      for (const auto& element : *node.as_array())
        array.push_back(node_to_json(element));
      return array;
    }
    case toml::node_type::string:
      return node.as_string()->get();
    case toml::node_type::integer:
      return node.as_integer()->get();
    case toml::node_type::floating_point:
      return node.as_floating_point()->get();
    case toml::node_type::boolean:
      return node.as_boolean()->get();
    case toml::node_type::date:
      return streamed(node.as_date()->get());
    case toml::node_type::time:
      return streamed(node.as_time()->get());
    case toml::node_type::date_time:
      return streamed(node.as_date_time()->get());
    case toml::node_type::none:
      break;
  }
  return nullptr;
}

}  // namespace

Result<nlohmann::json> toml_to_json(std::string_view toml_text, std::string_view source_name) {
  try {
    const toml::table table = toml::parse(toml_text, source_name);
    return node_to_json(table);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return fail(std::string(errc::kConfig),
                std::string(source_name) + ":" + std::to_string(begin.line) + ":" +
                    std::to_string(begin.column) + ": " + std::string(e.description()));
  } catch (const std::exception& e) {
    return fail(std::string(errc::kConfig), std::string(source_name) + ": " + e.what());
  }
}

Result<nlohmann::json> parse_override(std::string_view assignment) {
  const auto eq = assignment.find('=');
  const auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ')
      s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
      s.remove_suffix(1);
    return s;
  };
  const std::string_view key = eq == std::string_view::npos ? "" : trim(assignment.substr(0, eq));
  const bool key_ok =
      !key.empty() && key.front() != '.' && key.back() != '.' &&
      std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
      });
  if (!key_ok) {
    return fail(std::string(errc::kConfig), "an override must look like section.key=value, got \"" +
                                                std::string(assignment) + "\"");
  }
  const std::string_view value = trim(assignment.substr(eq + 1));
  auto parsed = toml_to_json(std::string(key) + " = " + std::string(value), "--set");
  if (parsed) return parsed;
  std::string text = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') text.push_back('\\');
    text.push_back(c);
  }
  text.push_back('"');
  auto as_text = toml_to_json(std::string(key) + " = " + text, "--set");
  if (as_text) return as_text;
  return parsed;
}

Result<nlohmann::json> read_config_document(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return fail(std::string(errc::kConfig),
                "cannot read " + file.string() + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return fail(std::string(errc::kConfig),
                "cannot read " + file.string() + ": " + std::strerror(errno));
  }
  return toml_to_json(text.str(), file.string());
}

Result<Config> load_config_file(const std::filesystem::path& file) {
  auto document = read_config_document(file);
  if (!document) return tl::make_unexpected(document.error());
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec);
  if (ec) absolute = file;
  return config_from_json(*document, absolute.parent_path());
}

}  // namespace witryna::service
