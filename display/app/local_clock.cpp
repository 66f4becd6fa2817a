#include "display/app/local_clock.hpp"

#include <ctime>

namespace witryna::display {

LocalClock local_clock(TimePoint now) {
  const std::time_t t = static_cast<std::time_t>(to_unix_seconds(now));
  std::tm local{};
  localtime_r(&t, &local);
  return LocalClock{now, std::chrono::minutes(local.tm_gmtoff / 60)};
}

TimePoint system_now() {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

}  // namespace witryna::display
