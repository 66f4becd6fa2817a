#pragma once

#include <string>
#include <vector>

namespace witryna::bench {

// Latencies of one kind of request, in microseconds.
class Latencies {
 public:
  void add(double micros) { samples_.push_back(micros); }
  [[nodiscard]] std::size_t count() const { return samples_.size(); }
  // p in [0, 100]; 0 when empty.
  [[nodiscard]] double percentile(double p) const;
  [[nodiscard]] double max() const { return percentile(100); }
  // "p50 123 us  p99 456 us  max 789 us  (n=5000)"
  [[nodiscard]] std::string summary() const;

 private:
  std::vector<double> samples_;
};

}  // namespace witryna::bench
