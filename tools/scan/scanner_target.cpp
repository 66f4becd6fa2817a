#include "tools/scan/scanner_target.hpp"

#include <toml++/toml.h>

#include <string>

namespace witryna::tools::scan {
namespace {

Unexpected config_failure(const std::filesystem::path& file, const std::string& message) {
  return fail(std::string(errc::kConfig), file.string() + ": " + message);
}

const toml::table* find_entry(const toml::table& root, std::string_view id) {
  const auto* scanners = root.get("scanners");
  if (scanners == nullptr) return nullptr;
  if (const auto* list = scanners->as_array()) {
    for (const auto& entry : *list) {
      const auto* table = entry.as_table();
      if (table != nullptr && table->get_as<std::string>("id") != nullptr &&
          table->get_as<std::string>("id")->get() == id) {
        return table;
      }
    }
    return nullptr;
  }
  if (const auto* by_id = scanners->as_table()) {
    const auto* entry = by_id->get(id);
    return entry != nullptr ? entry->as_table() : nullptr;
  }
  return nullptr;
}

}  // namespace

Result<SimTarget> find_sim_target(const std::filesystem::path& config_file, std::string_view id) {
  toml::table root;
  try {
    root = toml::parse_file(config_file.string());
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return config_failure(config_file, std::to_string(where.line) + ":" +
                                           std::to_string(where.column) + ": " +
                                           std::string(error.description()));
  }
  const auto* entry = find_entry(root, id);
  if (entry == nullptr) return config_failure(config_file, "no scanner " + std::string(id));
  const auto kind = entry->get_as<std::string>("kind");
  if (kind == nullptr || kind->get() != "sim") {
    return config_failure(
        config_file, "scanner " + std::string(id) + " is not a simulated one (kind = \"sim\")");
  }
  SimTarget target;
  if (const auto* port = entry->get_as<std::int64_t>("port")) {
    if (port->get() < 1 || port->get() > 65535) {
      return config_failure(config_file, "scanner " + std::string(id) + ": port out of range");
    }
    target.port = static_cast<std::uint16_t>(port->get());
  }
  if (const auto* path = entry->get_as<std::string>("path")) {
    std::filesystem::path fifo = path->get();
    if (fifo.is_relative()) fifo = config_file.parent_path() / fifo;
    target.fifo = fifo;
  }
  if (!target.port && target.fifo.empty()) {
    return config_failure(config_file, "scanner " + std::string(id) + " has neither port nor path");
  }
  return target;
}

}  // namespace witryna::tools::scan
