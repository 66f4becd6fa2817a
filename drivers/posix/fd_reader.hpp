#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <functional>
#include <memory>
#include <string_view>

namespace witryna::drivers::posix {

// Reads whatever arrives on a file descriptor (evdev device, FIFO, pipe) on
// the io_context's thread. It waits for readiness before reading, so a FIFO
// opened before any writer is waited on rather than read as end of file.
// Owns and closes the descriptor; made non-blocking here.
class FdReader {
 public:
  using DataHandler = std::function<void(std::string_view bytes)>;
  // `error`: 0 at end of file, else the errno. Called once, never from inside
  // start(); the reader stops and may be destroyed from inside the handler.
  using EndHandler = std::function<void(int error)>;

  FdReader(boost::asio::io_context& io, int fd, DataHandler on_data, EndHandler on_end);
  ~FdReader();
  FdReader(const FdReader&) = delete;
  FdReader& operator=(const FdReader&) = delete;

  void start();
  [[nodiscard]] int native_handle() { return descriptor_.native_handle(); }

 private:
  void wait();
  void read_available();
  void end(int error);

  boost::asio::posix::stream_descriptor descriptor_;
  DataHandler on_data_;
  EndHandler on_end_;
  int assign_error_ = 0;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers::posix
