#pragma once

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <optional>
#include <string>

#include "drivers/line_framer.hpp"
#include "drivers/reporter.hpp"
#include "drivers/scanner.hpp"
#include "drivers/scanner_spec.hpp"

namespace witryna::drivers::serial {

// A scanner on a serial line (RS-232, USB-CDC): scans end at CR, LF or CRLF.
// The port is set to spec.baud/parity/data_bits/stop_bits, no flow control.
// When the tty is absent or goes away it is reopened every spec.reopen_interval.
class SerialScanner final : public Scanner {
 public:
  SerialScanner(boost::asio::io_context& io, ScannerSpec spec, ScannerHandlers handlers);
  ~SerialScanner() override;

  [[nodiscard]] const std::string& id() const override { return spec_.id; }
  void start() override;
  void stop() override;
  [[nodiscard]] bool connected() const override { return port_.has_value(); }

 private:
  void open_port();
  void read();
  void lost(const boost::system::error_code& error);
  void schedule_reopen();

  boost::asio::io_context& io_;
  ScannerSpec spec_;
  Reporter reporter_;
  LineFramer framer_;
  std::optional<boost::asio::serial_port> port_;
  std::array<char, 1024> buffer_{};
  boost::asio::steady_timer reopen_timer_;
  bool started_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers::serial
