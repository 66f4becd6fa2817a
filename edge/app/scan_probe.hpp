#pragma once
// Where a scan's CPU time went, phase by phase, and what the kernel did meanwhile
// (page faults, blocks read, context switches). tools/bench/decide sets one to
// explain its slowest scans; the service never does. Unset, each mark costs
// one branch.
//
// Threads: the io_context thread writes; read traces() only once that thread
// has stopped (or otherwise synchronised with it).

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace witryna::app {

enum class ScanPhase : std::size_t {
  kCheck,         // classification, card look-up / token signature + jti
  kProfileCheck,  // a token's profile read to refuse an unknown customer
  kBegin,         // BEGIN IMMEDIATE
  kStatus,        // outbox totals for the status strip (before and after)
  kOffers,        // the offers cache
  kProfile,       // profile + pending changes + pending points
  kCounts,        // offers shown today
  kDecide,        // decide_offers
  kReservations,  // the customer's reservations
  kCounters,      // offers.shown counter rows
  kEvents,        // events appended
  kCommit,        // COMMIT
  kViewText,      // view serialised
  kSend,          // view handed to the screen server
  kOther,         // anything after the last mark (timers, reply)
  kCount
};

inline constexpr std::size_t kScanPhases = static_cast<std::size_t>(ScanPhase::kCount);

[[nodiscard]] std::string_view to_string(ScanPhase phase);

// What a scan asked for, counted (not timed).
enum class ScanCount : std::size_t {
  kPointQueries,     // product / stock / nearby rows read by the decision
  kCategoryQueries,  // category questions that went to the database
  kProductParses,    // product bodies parsed
  kRecent,           // the customer's recent items
  kSizes,            // the customer's sizes
  kOffersShown,      // offers on the view
  kPageMisses,       // SQLite page-cache misses over the whole scan
  kDecideMisses,     // … of which in the decision
  kCount
};

inline constexpr std::size_t kScanCounts = static_cast<std::size_t>(ScanCount::kCount);

[[nodiscard]] std::string_view to_string(ScanCount count);

// getrusage(RUSAGE_THREAD) figures, or their difference over a scan.
struct ThreadUsage {
  std::int64_t user_us = 0;
  std::int64_t sys_us = 0;
  std::int64_t minor_faults = 0;
  std::int64_t major_faults = 0;
  std::int64_t blocks_in = 0;
  std::int64_t voluntary_switches = 0;
  std::int64_t involuntary_switches = 0;
};
[[nodiscard]] ThreadUsage operator-(const ThreadUsage& later, const ThreadUsage& earlier);

struct ScanTrace {
  // CPU time of the thread per phase (time preempted is not counted).
  std::array<std::int64_t, kScanPhases> ns{};
  std::int64_t total_ns = 0;  // wall (steady clock), begin to end
  std::array<std::int64_t, kScanCounts> counts{};
  ThreadUsage usage;  // over the scan
};

class ScanProbe {
 public:
  // A scan starts; marks until end() count towards it.
  void begin();
  // The time since the previous mark (or begin) went to `phase`.
  void mark(ScanPhase phase);
  void add(ScanCount count, std::int64_t n);
  // The scan ended: its trace is kept.
  void end();

  [[nodiscard]] const std::vector<ScanTrace>& traces() const { return traces_; }

 private:
  static ThreadUsage usage();

  bool active_ = false;
  static std::int64_t cpu_ns();

  std::chrono::steady_clock::time_point started_;
  std::int64_t last_cpu_ = 0;
  ThreadUsage at_start_;
  ScanTrace current_;
  std::vector<ScanTrace> traces_;
};

}  // namespace witryna::app
