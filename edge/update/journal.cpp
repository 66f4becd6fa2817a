#include "edge/update/journal.hpp"

#include <nlohmann/json.hpp>

#include "edge/update/durable_fs.hpp"

namespace witryna::update {

Result<Journal> load_journal(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return Journal{};
  auto text = read_small_file(file);
  if (!text) return Unexpected(text.error());
  try {
    const auto j = nlohmann::json::parse(*text);
    Journal out;
    const auto state = core::update_state_from_string(j.at("state").get<std::string>());
    if (!state) return fail(std::string(errc::kStorage), "journal: unknown state");
    out.state = *state;
    out.id = j.value("id", "");
    out.detail = j.value("detail", "");
    out.percent = j.value("percent", 0);
    out.version = j.value("version", "");
    out.from_version = j.value("from_version", "");
    out.url = j.value("url", "");
    out.sha256 = j.value("sha256", "");
    out.size = j.value("size", std::int64_t{0});
    out.health_timeout_s = j.value("health_timeout_s", std::int64_t{120});
    out.urgent = j.value("urgent", false);
    out.restarted = j.value("restarted", false);
    out.rolling_back = j.value("rolling_back", false);
    out.progress.failures = j.value("failures", 0);
    out.progress.starts = j.value("starts", 0);
    out.last_inbox_sha256 = j.value("last_inbox_sha256", "");
    return out;
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string(errc::kStorage), std::string("journal: ") + e.what());
  }
}

Result<void> save_journal(const std::filesystem::path& file, const Journal& journal) {
  const nlohmann::json j = {{"state", core::to_string(journal.state)},
                            {"id", journal.id},
                            {"detail", journal.detail},
                            {"percent", journal.percent},
                            {"version", journal.version},
                            {"from_version", journal.from_version},
                            {"url", journal.url},
                            {"sha256", journal.sha256},
                            {"size", journal.size},
                            {"health_timeout_s", journal.health_timeout_s},
                            {"urgent", journal.urgent},
                            {"restarted", journal.restarted},
                            {"rolling_back", journal.rolling_back},
                            {"failures", journal.progress.failures},
                            {"starts", journal.progress.starts},
                            {"last_inbox_sha256", journal.last_inbox_sha256}};
  return write_file_atomically(file, j.dump(2) + "\n", 0600);
}

Result<void> save_status(const std::filesystem::path& file, const Journal& journal) {
  nlohmann::json j = {
      {"id", journal.id}, {"state", core::to_string(journal.state)}, {"detail", journal.detail}};
  if (journal.state == core::UpdateState::kDownloading) j["percent"] = journal.percent;
  if (!journal.version.empty()) j["version"] = journal.version;
  return write_file_atomically(file, j.dump() + "\n", 0644);
}

}  // namespace witryna::update
