#include "display/client/io_thread.hpp"

#include <cstdio>
#include <exception>

namespace witryna::display {

IoThread::IoThread() : work_(boost::asio::make_work_guard(io_)) {
  thread_ = std::thread([this] {
    try {
      io_.run();
    } catch (const std::exception& e) {
      // A handler threw: a bug. Say so and let the screen keep drawing.
      std::fprintf(stderr, "witryna-display: io thread stopped: %s\n", e.what());
    }
  });
}

IoThread::~IoThread() {
  stop();
}

void IoThread::stop() {
  work_.reset();
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace witryna::display
