#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <string>

#include "drivers/hid/framer.hpp"
#include "drivers/hid/linux_reader.hpp"
#include "drivers/reporter.hpp"
#include "drivers/scanner.hpp"
#include "drivers/scanner_spec.hpp"

namespace witryna::drivers::hid {

// A keyboard-wedge scanner read from its evdev device. The device is grabbed
// (spec.grab) so scans do not reach the desktop as keystrokes; a failed grab
// is reported as connected/kNotGrabbed, not fatal. When the device is absent
// or unplugged it is reopened every spec.reopen_interval.
class HidScanner final : public Scanner {
 public:
  HidScanner(boost::asio::io_context& io, ScannerSpec spec, ScannerHandlers handlers);
  ~HidScanner() override;

  [[nodiscard]] const std::string& id() const override { return spec_.id; }
  void start() override;
  void stop() override;
  [[nodiscard]] bool connected() const override { return reader_ != nullptr; }

 private:
  void open_device();
  void on_event(const input_event& event);
  void on_end(int error);
  void arm_timeout();
  void schedule_reopen();

  boost::asio::io_context& io_;
  ScannerSpec spec_;
  Reporter reporter_;
  KeyFramer framer_;
  std::unique_ptr<EvdevReader> reader_;
  boost::asio::steady_timer timeout_timer_;
  boost::asio::steady_timer reopen_timer_;
  bool started_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers::hid
