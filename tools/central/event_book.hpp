#pragma once
// Central's side of the outbox (mqtt.md "Events"): which events of which
// device it has, dropping duplicates by (device, n), and the cumulative ack
// to send. Pure.
//
// The ack is the highest `n` received from the device. A device publishes in
// order of `n` and QoS 1 keeps that order, so everything below it was either
// received or never published (an `offers.shown`/`scan` dropped by the
// device's bounded outbox); waiting for those would stall the device forever.
// Gaps are counted, not waited for.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "tools/central/entity_key.hpp"

namespace witryna::central {

// Received n values of one device as disjoint closed ranges (first → last).
class RangeSet {
 public:
  // False when `n` was already in the set.
  bool insert(std::int64_t n);
  [[nodiscard]] bool contains(std::int64_t n) const;
  [[nodiscard]] std::int64_t max() const;  // 0 when empty
  [[nodiscard]] const std::map<std::int64_t, std::int64_t>& ranges() const { return ranges_; }
  void insert_range(std::int64_t first, std::int64_t last);

 private:
  std::map<std::int64_t, std::int64_t> ranges_;
};

struct ReceivedBatch {
  std::string device;
  std::vector<Json> fresh;               // events seen for the first time, in payload order
  std::vector<std::int64_t> duplicates;  // n of events already held
  std::int64_t ack_upto = 0;             // to send on …/acks
  std::int64_t gaps = 0;                 // n skipped below this batch's first fresh one
};

class EventBook {
 public:
  // Errors (the payload changes nothing): errc::kInvalidJson, kMissingField
  // ("device", "events", "n"), kWrongType, kInvalidValue (n < 1).
  [[nodiscard]] Result<ReceivedBatch> receive(std::string_view payload);

  [[nodiscard]] std::int64_t upto(const std::string& device) const;
  [[nodiscard]] std::size_t held(const std::string& device) const;
  [[nodiscard]] const std::map<std::string, RangeSet>& devices() const { return devices_; }
  void restore(const std::string& device, std::int64_t first, std::int64_t last);

 private:
  std::map<std::string, RangeSet> devices_;
  std::map<std::string, std::size_t> counts_;
};

}  // namespace witryna::central
