#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <thread>

namespace witryna::display {

// One io_context run on its own thread until stop() or destruction. Everything
// off the render thread (the screen socket, signals) runs here.
class IoThread {
 public:
  IoThread();
  ~IoThread();
  IoThread(const IoThread&) = delete;
  IoThread& operator=(const IoThread&) = delete;

  [[nodiscard]] boost::asio::io_context& context() { return io_; }
  // Stops the loop and joins the thread; handlers not yet run are dropped.
  // Safe to call twice; must not be called from the io thread itself.
  void stop();

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace witryna::display
