#include "tools/central/persistence.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace witryna::central {

namespace {

Unexpected io_error(const std::string& what, const std::filesystem::path& file) {
  return fail(std::string(errc::kIo), what + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

Result<std::string> read_text_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return io_error("cannot read", file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<void> write_file_atomic(const std::filesystem::path& file, const std::string& text) {
  const std::filesystem::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return io_error("cannot write", tmp);
    out << text;
    out.flush();
    if (!out) return io_error("cannot write", tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec)
    return fail(std::string(errc::kIo), "cannot replace " + file.string() + ": " + ec.message());
  return {};
}

Result<std::size_t> load_brand(const std::filesystem::path& dir, WorldState& world,
                               ClaimBook& claims) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return fail(std::string(errc::kIo), "no brand data folder " + dir.string());
  }
  std::size_t total = 0;
  for (const Stream stream : core::kAllStreams) {
    const auto file = dir / (std::string(core::to_string(stream)) + ".jsonl");
    if (!std::filesystem::exists(file, ec)) continue;
    std::ifstream in(file);
    if (!in) return io_error("cannot read", file);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      Json item = Json::parse(line, nullptr, false);
      const std::string where = file.string() + ":" + std::to_string(number);
      if (item.is_discarded()) return fail(std::string(errc::kInvalidJson), where);
      if (stream == Stream::kCodes) claims.learn(item);
      if (auto put = world.put(stream, std::move(item)); !put) {
        return fail(put.error().code, where + ": " + put.error().context);
      }
      ++total;
    }
  }
  return total;
}

Result<void> append_journal(const std::filesystem::path& file, Stream stream,
                            const std::vector<Json>& items) {
  std::ofstream out(file, std::ios::binary | std::ios::app);
  if (!out) return io_error("cannot append to", file);
  for (const auto& item : items) {
    out << Json{{"stream", core::to_string(stream)}, {"item", item}}.dump() << '\n';
  }
  out.flush();
  if (!out) return io_error("cannot append to", file);
  return {};
}

Result<std::size_t> replay_journal(const std::filesystem::path& file, WorldState& world,
                                   ClaimBook& claims) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return 0;
  std::ifstream in(file);
  if (!in) return io_error("cannot read", file);
  std::string line;
  std::size_t applied = 0;
  while (std::getline(in, line)) {
    Json entry = Json::parse(line, nullptr, false);
    if (entry.is_discarded() || !entry.is_object()) continue;  // a torn last line
    const auto stream = core::stream_from(entry.value("stream", ""));
    if (!stream || !entry.contains("item")) continue;
    if (*stream == Stream::kCodes) claims.learn(entry["item"]);
    if (auto put = world.put(*stream, entry["item"]); put && *put) ++applied;
  }
  return applied;
}

Json state_document(const WorldState& world, const EventBook& events, const ClaimBook& claims,
                    const SavedCounters& counters) {
  Json doc;
  for (const Stream stream : core::kAllStreams)
    doc["seqs"][core::to_string(stream)] = world.seq(stream);
  doc["devices"] = Json::object();
  for (const auto& [device, ranges] : events.devices()) {
    Json list = Json::array();
    for (const auto& [first, last] : ranges.ranges())
      list.push_back({first, last});
    doc["devices"][device] = std::move(list);
  }
  doc["code_uses"] = Json::object();
  for (const auto& [hash, uses] : claims.all_uses())
    doc["code_uses"][hash] = uses;
  doc["snapshots"] = counters.snapshots;
  return doc;
}

Result<void> restore_state(const Json& doc, WorldState& world, EventBook& events, ClaimBook& claims,
                           SavedCounters& counters) {
  if (!doc.is_object()) return fail(std::string(errc::kWrongType), "state.json");
  try {
    const Json seqs = doc.value("seqs", Json::object());
    const Json devices = doc.value("devices", Json::object());
    const Json uses = doc.value("code_uses", Json::object());
    for (const auto& [name, seq] : seqs.items()) {
      if (auto stream = core::stream_from(name))
        world.restore_seq(*stream, seq.get<std::int64_t>());
    }
    for (const auto& [device, ranges] : devices.items()) {
      for (const auto& range : ranges) {
        events.restore(device, range.at(0).get<std::int64_t>(), range.at(1).get<std::int64_t>());
      }
    }
    for (const auto& [hash, count] : uses.items()) {
      claims.restore_uses(hash, count.get<std::int64_t>());
    }
    counters.snapshots = doc.value("snapshots", std::int64_t{0});
  } catch (const Json::exception& e) {
    return fail(std::string(errc::kInvalidValue), std::string("state.json: ") + e.what());
  }
  return {};
}

Result<RestoredWorld> restore_world(const std::filesystem::path& brand_dir,
                                    const std::filesystem::path& state_dir) {
  RestoredWorld out;
  auto loaded = load_brand(brand_dir, out.world, out.claims);
  if (!loaded) return tl::make_unexpected(loaded.error());
  out.brand_items = *loaded;
  if (state_dir.empty()) return out;
  auto replayed = replay_journal(state_dir / "journal.jsonl", out.world, out.claims);
  if (!replayed) return tl::make_unexpected(replayed.error());
  out.replayed = *replayed;
  std::error_code ec;
  if (!std::filesystem::exists(state_dir / "state.json", ec)) return out;
  auto text = read_text_file(state_dir / "state.json");
  if (!text) return tl::make_unexpected(text.error());
  const Json doc = Json::parse(*text, nullptr, false);
  if (doc.is_discarded()) {
    return fail(std::string(errc::kInvalidJson), (state_dir / "state.json").string());
  }
  auto restored = restore_state(doc, out.world, out.events, out.claims, out.counters);
  if (!restored) return tl::make_unexpected(restored.error());
  out.continued = true;
  return out;
}

}  // namespace witryna::central
