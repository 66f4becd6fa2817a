#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "edge/store/db/database.hpp"
#include "tools/bench/common/line_socket.hpp"

namespace witryna::bench {

using BenchClock = std::chrono::steady_clock;

[[nodiscard]] inline double micros_since(BenchClock::time_point start) {
  return std::chrono::duration<double, std::micro>(BenchClock::now() - start).count();
}

[[nodiscard]] inline double seconds_between(BenchClock::time_point a, BenchClock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

struct Customer {
  std::string card;
  std::string id;
};

// `count` random (card, customer) pairs of the store.
[[nodiscard]] Result<std::vector<Customer>> sample_customers(store::Database& db,
                                                             std::size_t count);

// Reads until a view in `mode` (results and other views are skipped); a
// `message` view instead is an error.
[[nodiscard]] Result<nlohmann::json> await_view(LineSocket& screen, const std::string& mode);

// Says hello as `kiosk-1` and waits for its idle view.
[[nodiscard]] Result<void> hello_kiosk(LineSocket& screen);

}  // namespace witryna::bench
