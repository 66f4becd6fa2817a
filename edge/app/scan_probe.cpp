#include "edge/app/scan_probe.hpp"

#include <sys/resource.h>
#include <time.h>

namespace witryna::app {

std::string_view to_string(ScanPhase phase) {
  switch (phase) {
    case ScanPhase::kCheck:
      return "check";
    case ScanPhase::kProfileCheck:
      return "profile check";
    case ScanPhase::kBegin:
      return "begin";
    case ScanPhase::kStatus:
      return "status";
    case ScanPhase::kOffers:
      return "offers";
    case ScanPhase::kProfile:
      return "profile";
    case ScanPhase::kCounts:
      return "shown counts";
    case ScanPhase::kDecide:
      return "decide";
    case ScanPhase::kReservations:
      return "reservations";
    case ScanPhase::kCounters:
      return "counters";
    case ScanPhase::kEvents:
      return "events";
    case ScanPhase::kCommit:
      return "commit";
    case ScanPhase::kViewText:
      return "view text";
    case ScanPhase::kSend:
      return "send";
    case ScanPhase::kOther:
    case ScanPhase::kCount:
      break;
  }
  return "other";
}

std::string_view to_string(ScanCount count) {
  switch (count) {
    case ScanCount::kPointQueries:
      return "point queries #";
    case ScanCount::kCategoryQueries:
      return "category qs #";
    case ScanCount::kProductParses:
      return "product parses #";
    case ScanCount::kRecent:
      return "recent items #";
    case ScanCount::kSizes:
      return "sizes #";
    case ScanCount::kOffersShown:
      return "offers shown #";
    case ScanCount::kPageMisses:
      return "page misses #";
    case ScanCount::kDecideMisses:
      return "decide misses #";
    case ScanCount::kCount:
      break;
  }
  return "?";
}

void ScanProbe::add(ScanCount count, std::int64_t n) {
  if (active_) current_.counts[static_cast<std::size_t>(count)] += n;
}

ThreadUsage operator-(const ThreadUsage& later, const ThreadUsage& earlier) {
  return ThreadUsage{later.user_us - earlier.user_us,
                     later.sys_us - earlier.sys_us,
                     later.minor_faults - earlier.minor_faults,
                     later.major_faults - earlier.major_faults,
                     later.blocks_in - earlier.blocks_in,
                     later.voluntary_switches - earlier.voluntary_switches,
                     later.involuntary_switches - earlier.involuntary_switches};
}

ThreadUsage ScanProbe::usage() {
  rusage ru{};
  getrusage(RUSAGE_THREAD, &ru);
  auto micros = [](const timeval& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000 + static_cast<std::int64_t>(t.tv_usec);
  };
  return ThreadUsage{micros(ru.ru_utime), micros(ru.ru_stime), ru.ru_minflt, ru.ru_majflt,
                     ru.ru_inblock,       ru.ru_nvcsw,         ru.ru_nivcsw};
}

std::int64_t ScanProbe::cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void ScanProbe::begin() {
  current_ = ScanTrace{};
  at_start_ = usage();
  started_ = std::chrono::steady_clock::now();
  last_cpu_ = cpu_ns();
  active_ = true;
}

void ScanProbe::mark(ScanPhase phase) {
  if (!active_) return;
  const auto now = cpu_ns();
  current_.ns[static_cast<std::size_t>(phase)] += now - last_cpu_;
  last_cpu_ = now;
}

void ScanProbe::end() {
  if (!active_) return;
  mark(ScanPhase::kOther);
  active_ = false;
  current_.total_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now() - started_)
                          .count();
  current_.usage = usage() - at_start_;
  traces_.push_back(current_);
}

}  // namespace witryna::app
