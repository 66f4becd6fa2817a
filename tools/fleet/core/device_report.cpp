#include "tools/fleet/core/device_report.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

namespace witryna::fleet {
namespace {

constexpr std::size_t kMaxStateBytes = 64 * 1024;

using nlohmann::json;

Unexpected wrong_type(std::string_view field) {
  return fail(std::string(errc::kWrongType), std::string(field));
}

// A string field, if present; an error if present with another type.
Result<void> read_string(const json& object, const char* key, std::string& out,
                         std::string_view path) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) return wrong_type(path);
  out = it->get<std::string>();
  return {};
}

Result<void> read_int(const json& object, const char* key, std::int64_t& out,
                      std::string_view path) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_number_integer()) return wrong_type(path);
  out = it->get<std::int64_t>();
  return {};
}

std::optional<int> percent_of(const json& update, std::string_view detail) {
  if (const auto it = update.find("percent"); it != update.end() && it->is_number()) {
    const double value = it->get<double>();
    if (value >= 0 && value <= 100) return static_cast<int>(value);
  }
  if (detail.size() < 2 || detail.back() != '%') return std::nullopt;
  int value = -1;
  const auto digits = detail.substr(0, detail.size() - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value < 0 || value > 100)
    return std::nullopt;
  return value;
}

}  // namespace

Result<DeviceReport> parse_device_report(std::string_view payload) {
  if (payload.size() > kMaxStateBytes) return fail("payload_too_large", "device state");
  const json j = json::parse(payload, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(std::string(errc::kInvalidJson), "device state");
  DeviceReport report;
  auto& s = report.state;
  if (!j.contains("device")) return fail(std::string(errc::kMissingField), "device");
  if (auto ok = read_string(j, "device", s.device, "device"); !ok)
    return tl::unexpected(ok.error());
  if (s.device.empty()) return fail(std::string(errc::kMissingField), "device");
  if (auto ok = read_string(j, "store", s.store, "store"); !ok) return tl::unexpected(ok.error());
  if (auto ok = read_string(j, "status", s.status, "status"); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = read_string(j, "version", s.version, "version"); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = read_int(j, "config_ver", s.config_ver, "config_ver"); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = read_int(j, "outbox", s.outbox, "outbox"); !ok) return tl::unexpected(ok.error());
  if (const auto since = j.find("since"); since != j.end() && since->is_string()) {
    // Informative only: a clock a device got wrong must not hide its state.
    if (auto t = parse_rfc3339(since->get<std::string>())) s.since = *t;
  }
  if (const auto update = j.find("update"); update != j.end() && !update->is_null()) {
    if (!update->is_object()) return wrong_type("update");
    sync::core::UpdateStatus status;
    if (auto ok = read_string(*update, "id", status.id, "update.id"); !ok)
      return tl::unexpected(ok.error());
    if (auto ok = read_string(*update, "state", status.state, "update.state"); !ok)
      return tl::unexpected(ok.error());
    if (auto ok = read_string(*update, "detail", status.detail, "update.detail"); !ok)
      return tl::unexpected(ok.error());
    if (status.state == "downloading") report.percent = percent_of(*update, status.detail);
    s.update = std::move(status);
  }
  if (const auto error = j.find("config_error"); error != j.end() && !error->is_null()) {
    if (!error->is_object()) return wrong_type("config_error");
    sync::core::ConfigError config_error;
    if (auto ok =
            read_int(*error, "config_ver", config_error.config_ver, "config_error.config_ver");
        !ok)
      return tl::unexpected(ok.error());
    if (auto ok = read_string(*error, "error", config_error.error, "config_error.error"); !ok)
      return tl::unexpected(ok.error());
    s.config_error = std::move(config_error);
  }
  return report;
}

}  // namespace witryna::fleet
