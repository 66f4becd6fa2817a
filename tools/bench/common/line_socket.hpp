#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "edge/core/result.hpp"

namespace witryna::bench {

// A blocking newline-delimited client of a Unix socket: what a screen is to
// the edge, without a render loop in the way of the measurement.
class LineSocket {
 public:
  [[nodiscard]] static Result<LineSocket> connect(const std::filesystem::path& path,
                                                  std::chrono::milliseconds timeout);
  LineSocket(LineSocket&& other) noexcept;
  LineSocket& operator=(LineSocket&& other) noexcept;
  LineSocket(const LineSocket&) = delete;
  LineSocket& operator=(const LineSocket&) = delete;
  ~LineSocket();

  [[nodiscard]] Result<void> send(const std::string& line);  // adds the newline
  // The next whole line (without its newline); "timeout" after `timeout`.
  [[nodiscard]] Result<std::string> read_line(std::chrono::milliseconds timeout);

 private:
  explicit LineSocket(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace witryna::bench
