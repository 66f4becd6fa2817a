#include "drivers/serial/serial_scanner.hpp"

#include <boost/asio/error.hpp>

#include "drivers/posix/errors.hpp"

namespace witryna::drivers::serial {
namespace {

using boost::asio::serial_port_base;

serial_port_base::parity::type parity_of(Parity parity) {
  switch (parity) {
    case Parity::kNone:
      return serial_port_base::parity::none;
    case Parity::kOdd:
      return serial_port_base::parity::odd;
    case Parity::kEven:
      return serial_port_base::parity::even;
  }
  return serial_port_base::parity::none;
}

serial_port_base::stop_bits::type stop_bits_of(StopBits bits) {
  switch (bits) {
    case StopBits::kOne:
      return serial_port_base::stop_bits::one;
    case StopBits::kOnePointFive:
      return serial_port_base::stop_bits::onepointfive;
    case StopBits::kTwo:
      return serial_port_base::stop_bits::two;
  }
  return serial_port_base::stop_bits::one;
}

}  // namespace

SerialScanner::SerialScanner(boost::asio::io_context& io, ScannerSpec spec,
                             ScannerHandlers handlers)
    : io_(io),
      spec_(std::move(spec)),
      reporter_(io, spec_.id, std::move(handlers)),
      reopen_timer_(io) {}

SerialScanner::~SerialScanner() {
  *alive_ = false;
  stop();
}

void SerialScanner::start() {
  if (started_) return;
  started_ = true;
  open_port();
}

void SerialScanner::stop() {
  started_ = false;
  reopen_timer_.cancel();
  if (port_) {
    boost::system::error_code ignored;
    port_->close(ignored);
    port_.reset();
  }
  (void)framer_.finish();
  reporter_.forget_state();
}

void SerialScanner::open_port() {
  boost::system::error_code ec;
  port_.emplace(io_);
  port_->open(spec_.path.string(), ec);
  if (ec) {
    port_.reset();
    reporter_.disconnected(posix::reason_for(ec),
                           "cannot open " + spec_.path.string() + ": " + ec.message());
    schedule_reopen();
    return;
  }
  // Some options are refused by some ttys (a pty ignores the speed, 1.5 stop
  // bits is rare): a refusal is an error the field engineer must see.
  port_->set_option(serial_port_base::baud_rate(spec_.baud), ec);
  if (!ec) port_->set_option(serial_port_base::parity(parity_of(spec_.parity)), ec);
  if (!ec) port_->set_option(serial_port_base::character_size(spec_.data_bits), ec);
  if (!ec) port_->set_option(serial_port_base::stop_bits(stop_bits_of(spec_.stop_bits)), ec);
  if (!ec) {
    port_->set_option(serial_port_base::flow_control(serial_port_base::flow_control::none), ec);
  }
  if (ec) {
    boost::system::error_code ignored;
    port_->close(ignored);
    port_.reset();
    reporter_.disconnected(reason::kIoError,
                           "cannot set up " + spec_.path.string() + ": " + ec.message());
    schedule_reopen();
    return;
  }
  reporter_.connected(reason::kOk, spec_.path.string());
  read();
}

void SerialScanner::read() {
  port_->async_read_some(
      boost::asio::buffer(buffer_),
      [this, alive = alive_](const boost::system::error_code& ec, std::size_t n) {
        if (!*alive || ec == boost::asio::error::operation_aborted || !port_) return;
        if (ec) {
          lost(ec);
          return;
        }
        for (auto& frame : framer_.feed(std::string_view(buffer_.data(), n))) {
          reporter_.frame(std::move(frame));
        }
        read();
      });
}

void SerialScanner::lost(const boost::system::error_code& error) {
  boost::system::error_code ignored;
  port_->close(ignored);
  port_.reset();
  if (auto frame = framer_.finish()) reporter_.frame(std::move(*frame));
  reporter_.disconnected(posix::reason_for(error), spec_.path.string() + ": " + error.message());
  schedule_reopen();
}

void SerialScanner::schedule_reopen() {
  reopen_timer_.expires_after(spec_.reopen_interval);
  reopen_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!*alive || ec || !started_ || port_) return;
    open_port();
  });
}

}  // namespace witryna::drivers::serial
