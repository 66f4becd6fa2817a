#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <filesystem>
#include <memory>

#include "drivers/line_framer.hpp"
#include "drivers/posix/fd_reader.hpp"
#include "drivers/sim/source.hpp"

namespace witryna::drivers::sim {

// Lines written to a FIFO, one scan each (`echo 2900000123458 > fifo`, or
// witryna-scan --fifo). The FIFO is made (0660) when absent. Each writer's
// end of file reopens it at once; a line left unterminated by a writer is
// dropped as kIncomplete. A path that is not a FIFO, or cannot be made, is
// tried again every `retry`.
class FifoSource {
 public:
  FifoSource(boost::asio::io_context& io, std::filesystem::path path,
             std::chrono::milliseconds retry, SourceCallbacks callbacks);
  ~FifoSource();
  FifoSource(const FifoSource&) = delete;
  FifoSource& operator=(const FifoSource&) = delete;

  void start();
  void stop();
  [[nodiscard]] bool up() const { return reader_ != nullptr; }

 private:
  void open_fifo();
  void down(std::string_view reason, std::string detail);
  void on_end(int error);

  boost::asio::io_context& io_;
  std::filesystem::path path_;
  std::chrono::milliseconds retry_;
  SourceCallbacks callbacks_;
  LineFramer framer_;
  std::unique_ptr<posix::FdReader> reader_;
  boost::asio::steady_timer retry_timer_;
  bool started_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers::sim
