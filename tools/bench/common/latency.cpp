#include "tools/bench/common/latency.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace witryna::bench {

double Latencies::percentile(double p) const {
  if (samples_.empty()) return 0;
  std::vector<double> sorted = samples_;
  std::sort(sorted.begin(), sorted.end());
  // Nearest rank: the smallest sample with at least p% of samples at or below it.
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string Latencies::summary() const {
  char line[160];
  std::snprintf(line, sizeof line, "p50 %7.0f us   p99 %7.0f us   max %7.0f us   (n=%zu)",
                percentile(50), percentile(99), max(), samples_.size());
  return line;
}

}  // namespace witryna::bench
