#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/time.hpp"

namespace witryna::domain {

// A consent that is absent counts as refused (mqtt.md): every field defaults false.
struct Consents {
  bool personalization = false;
  bool marketing = false;
  bool display_name = false;
  bool history_for_staff = false;

  friend bool operator==(const Consents&, const Consents&) = default;
};

struct Preferences {
  std::vector<std::string> sizes;
  std::vector<std::string> categories;
  std::optional<std::int64_t> budget_minor;
  std::optional<std::string> pickup_store;

  friend bool operator==(const Preferences&, const Preferences&) = default;
};

struct Points {
  std::int64_t balance = 0;
  std::int64_t ver = 0;
  friend bool operator==(const Points&, const Points&) = default;
};

struct RecentActivity {
  std::string sku;
  std::string channel;
  TimePoint at{};
  std::string what;
  friend bool operator==(const RecentActivity&, const RecentActivity&) = default;
};

struct HistoryEntry {
  TimePoint at{};
  std::string channel;
  std::string note;
  friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

struct Profile {
  std::string customer;
  std::int64_t ver = 0;
  std::vector<std::string> cards;
  std::string name;
  std::string segment;
  std::string tier;
  Points points;
  Consents consents;
  Preferences preferences;
  std::map<std::string, double> affinities;  // category -> 0..1
  std::vector<RecentActivity> recent;
  std::vector<HistoryEntry> history;

  friend bool operator==(const Profile&, const Profile&) = default;
};

}  // namespace witryna::domain
