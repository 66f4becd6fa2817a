#include "tools/central/world_state.hpp"

#include <algorithm>

namespace witryna::central {

Result<bool> WorldState::put(Stream stream, Json item) {
  auto key = entity_key(stream, item);
  if (!key) {
    return fail(std::string(errc::kInvalidValue),
                std::string("an item of stream ") + core::to_string(stream) + " without its key");
  }
  auto& held = items_[index(stream)];
  const auto it = held.find(*key);
  if (it != held.end() && item_ver(it->second) >= item_ver(item)) return false;
  held[*key] = std::move(item);
  return true;
}

Result<Json> WorldState::next_message(Stream stream, std::vector<Json> items, TimePoint now) {
  for (const auto& item : items) {
    if (!entity_key(stream, item)) {
      return fail(std::string(errc::kInvalidValue),
                  std::string("an item of stream ") + core::to_string(stream) + " without its key");
    }
  }
  Json array = Json::array();
  for (auto& item : items) {
    array.push_back(item);
    (void)put(stream, std::move(item));
  }
  const std::int64_t seq = ++seq_[index(stream)];
  return stream_envelope(stream, seq, now, std::move(array));
}

std::vector<Json> WorldState::live_items(Stream stream) const {
  std::vector<Json> out;
  for (const auto& [key, item] : items_[index(stream)]) {
    if (!is_deleted(item)) out.push_back(item);
  }
  return out;
}

const Json* WorldState::find(Stream stream, const std::string& key) const {
  const auto& held = items_[index(stream)];
  const auto it = held.find(key);
  return it == held.end() ? nullptr : &it->second;
}

std::size_t WorldState::live_count(Stream stream) const {
  const auto& held = items_[index(stream)];
  return static_cast<std::size_t>(std::count_if(
      held.begin(), held.end(), [](const auto& entry) { return !is_deleted(entry.second); }));
}

void WorldState::restore_seq(Stream stream, std::int64_t seq) {
  seq_[index(stream)] = std::max(seq_[index(stream)], seq);
}

std::int64_t WorldState::next_ver(Stream stream, const std::string& key) const {
  const Json* held = find(stream, key);
  return held == nullptr ? 1 : item_ver(*held) + 1;
}

Json stream_envelope(Stream stream, std::int64_t seq, TimePoint sent, Json items) {
  Json envelope;
  envelope["stream"] = core::to_string(stream);
  envelope["seq"] = seq;
  envelope["sent"] = format_rfc3339(sent);
  envelope["items"] = std::move(items);
  return envelope;
}

}  // namespace witryna::central
