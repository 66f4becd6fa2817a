#pragma once

#include <fstream>
#include <string>

namespace witryna::bench {

#ifdef NDEBUG
inline constexpr const char* kBuildType = "release";
#else
inline constexpr const char* kBuildType = "debug";
#endif

// "0.52 1.10 1.48": the machine's 1, 5 and 15 minute load averages (the box
// is shared; numbers go next to them).
[[nodiscard]] inline std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

}  // namespace witryna::bench
