#include "edge/update/spool.hpp"

#include "edge/update/durable_fs.hpp"

namespace witryna::update {

Result<void> submit_update_manifest(const std::filesystem::path& spool, std::string_view token) {
  // 0640: readable by the updater (root) and the edge's group, nobody else.
  return write_file_atomically(spool / "inbox.jws", token, 0640);
}

Result<nlohmann::json> read_update_status(const std::filesystem::path& spool) {
  std::error_code ec;
  if (!std::filesystem::exists(spool / "status.json", ec))
    return fail(std::string(errc::kNotFound), "no update status yet");
  auto text = read_small_file(spool / "status.json");
  if (!text) return Unexpected(text.error());
  auto status = nlohmann::json::parse(*text, nullptr, false);
  if (!status.is_object() || !status.contains("state"))
    return fail(std::string(errc::kInvalidJson), "update status is not a JSON object");
  // Only the fields of the device state's `update` object.
  nlohmann::json out = {{"id", status.value("id", "")},
                        {"state", status.value("state", "idle")},
                        {"detail", status.value("detail", "")}};
  if (status.contains("percent")) out["percent"] = status["percent"];
  return out;
}

}  // namespace witryna::update
