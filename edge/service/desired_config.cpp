#include "edge/service/desired_config.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "edge/service/unique_fd.hpp"

namespace witryna::service {

namespace {

Unexpected io_error(const std::string& what, const std::filesystem::path& file) {
  return fail(std::string(errc::kIo), what + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

Result<DesiredConfig> parse_desired(const nlohmann::json& message) {
  if (!message.is_object()) {
    return fail(std::string(errc::kConfig), "desired message must be a JSON object");
  }
  const auto ver = message.find("config_ver");
  if (ver == message.end()) return fail(std::string(errc::kConfig), "config_ver is missing");
  if (!ver->is_number_integer() || ver->get<std::int64_t>() < 0) {
    return fail(std::string(errc::kConfig), "config_ver must be a whole number ≥ 0");
  }
  const auto config = message.find("config");
  if (config == message.end()) return fail(std::string(errc::kConfig), "config is missing");
  if (!config->is_object()) {
    return fail(std::string(errc::kConfig), "config must be a JSON object");
  }
  return DesiredConfig{ver->get<std::int64_t>(), *config};
}

nlohmann::json to_json(const DesiredConfig& desired) {
  return {{"config_ver", desired.config_ver}, {"config", desired.config}};
}

std::filesystem::path desired_config_path(const Config& config) {
  return config.storage.state_dir / "desired-config.json";
}

Result<std::optional<DesiredConfig>> read_desired_config(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::optional<DesiredConfig>{};
  std::ifstream in(file, std::ios::binary);
  if (!in) return io_error("cannot read", file);
  std::ostringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded()) {
    return fail(std::string(errc::kConfig), file.string() + " is not valid JSON");
  }
  auto desired = parse_desired(json);
  if (!desired) {
    return fail(desired.error().code, file.string() + ": " + desired.error().context);
  }
  return std::optional<DesiredConfig>(std::move(*desired));
}

Result<void> write_desired_config(const std::filesystem::path& file, const DesiredConfig& desired) {
  const std::string text = to_json(desired).dump() + "\n";
  auto temporary = file;
  temporary += ".tmp";
  {
    const UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (fd.get() < 0) return io_error("cannot create", temporary);
    std::size_t done = 0;
    while (done < text.size()) {
      const auto n = ::write(fd.get(), text.data() + done, text.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return io_error("cannot write", temporary);
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return io_error("cannot sync", temporary);
  }
  if (::rename(temporary.c_str(), file.c_str()) != 0) return io_error("cannot replace", file);
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  const UniqueFd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) return io_error("cannot sync folder", folder);
  return {};
}

}  // namespace witryna::service
