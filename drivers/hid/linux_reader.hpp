#pragma once
// Linux only: reads `struct input_event` records from an evdev device (or
// anything that carries them, e.g. a pipe in tests).

#include <linux/input.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <string>

#include "drivers/posix/fd_reader.hpp"
#include "edge/core/result.hpp"

namespace witryna::drivers::hid {

class EvdevReader {
 public:
  using EventHandler = std::function<void(const input_event&)>;
  using EndHandler = posix::FdReader::EndHandler;  // 0 = end of file, else errno

  // Adopts `fd` (closed by the destructor; closing also releases a grab).
  EvdevReader(boost::asio::io_context& io, int fd, EventHandler on_event, EndHandler on_end);

  // EVIOCGRAB: only this reader gets the device's events. Fails (errc::kIo,
  // the OS message) on anything that is not an evdev device, or when another
  // program holds the grab.
  [[nodiscard]] Result<void> grab();
  void start() { reader_.start(); }

 private:
  void bytes(std::string_view data);

  EventHandler on_event_;
  std::string partial_;  // the start of a record split across reads (pipes)
  posix::FdReader reader_;
};

}  // namespace witryna::drivers::hid
