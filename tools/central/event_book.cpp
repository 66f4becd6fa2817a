#include "tools/central/event_book.hpp"

#include <iterator>

namespace witryna::central {

bool RangeSet::insert(std::int64_t n) {
  if (contains(n)) return false;
  insert_range(n, n);
  return true;
}

void RangeSet::insert_range(std::int64_t first, std::int64_t last) {
  if (last < first) return;
  // Merge with every range that overlaps or touches [first, last].
  auto it = ranges_.upper_bound(first);
  if (it != ranges_.begin()) {
    auto prev = std::prev(it);
    if (prev->second + 1 >= first) {
      first = prev->first;
      last = std::max(last, prev->second);
      it = ranges_.erase(prev);
    }
  }
  while (it != ranges_.end() && it->first <= last + 1) {
    last = std::max(last, it->second);
    it = ranges_.erase(it);
  }
  ranges_[first] = last;
}

bool RangeSet::contains(std::int64_t n) const {
  auto it = ranges_.upper_bound(n);
  if (it == ranges_.begin()) return false;
  --it;
  return n <= it->second;
}

std::int64_t RangeSet::max() const {
  return ranges_.empty() ? 0 : ranges_.rbegin()->second;
}

Result<ReceivedBatch> EventBook::receive(std::string_view payload) {
  Json doc = Json::parse(payload, nullptr, false);
  if (doc.is_discarded()) return fail(std::string(errc::kInvalidJson), "events");
  if (!doc.is_object()) return fail(std::string(errc::kWrongType), "events payload");
  const auto device = doc.find("device");
  if (device == doc.end()) return fail(std::string(errc::kMissingField), "device");
  if (!device->is_string() || device->get_ref<const std::string&>().empty()) {
    return fail(std::string(errc::kWrongType), "device");
  }
  const auto events = doc.find("events");
  if (events == doc.end()) return fail(std::string(errc::kMissingField), "events");
  if (!events->is_array()) return fail(std::string(errc::kWrongType), "events");
  // Check everything before taking anything: a bad batch changes nothing.
  for (const auto& event : *events) {
    if (!event.is_object()) return fail(std::string(errc::kWrongType), "events[]");
    const auto n = event.find("n");
    if (n == event.end()) return fail(std::string(errc::kMissingField), "n");
    if (!n->is_number_integer()) return fail(std::string(errc::kWrongType), "n");
    if (n->get<std::int64_t>() < 1) return fail(std::string(errc::kInvalidValue), "n");
  }

  ReceivedBatch batch;
  batch.device = device->get<std::string>();
  RangeSet& seen = devices_[batch.device];
  const std::int64_t before = seen.max();
  bool first_fresh = true;
  for (const auto& event : *events) {
    const auto n = event["n"].get<std::int64_t>();
    if (!seen.insert(n)) {
      batch.duplicates.push_back(n);
      continue;
    }
    if (first_fresh && before > 0 && n > before + 1) batch.gaps = n - before - 1;
    first_fresh = false;
    ++counts_[batch.device];
    batch.fresh.push_back(event);
  }
  batch.ack_upto = seen.max();
  return batch;
}

std::int64_t EventBook::upto(const std::string& device) const {
  const auto it = devices_.find(device);
  return it == devices_.end() ? 0 : it->second.max();
}

std::size_t EventBook::held(const std::string& device) const {
  const auto it = counts_.find(device);
  return it == counts_.end() ? 0 : it->second;
}

void EventBook::restore(const std::string& device, std::int64_t first, std::int64_t last) {
  devices_[device].insert_range(first, last);
  counts_[device] += static_cast<std::size_t>(last - first + 1);
}

}  // namespace witryna::central
