#include "drivers/hid/hid_scanner.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "drivers/posix/errors.hpp"

namespace witryna::drivers::hid {

HidScanner::HidScanner(boost::asio::io_context& io, ScannerSpec spec, ScannerHandlers handlers)
    : io_(io),
      spec_(std::move(spec)),
      reporter_(io, spec_.id, std::move(handlers)),
      framer_(KeyFramerOptions{spec_.layout, spec_.timeout, kMaxScanBytes}),
      timeout_timer_(io),
      reopen_timer_(io) {}

HidScanner::~HidScanner() {
  *alive_ = false;
  stop();
}

void HidScanner::start() {
  if (started_) return;
  started_ = true;
  open_device();
}

void HidScanner::stop() {
  started_ = false;
  timeout_timer_.cancel();
  reopen_timer_.cancel();
  reader_.reset();
  (void)framer_.reset();
  reporter_.forget_state();
}

void HidScanner::open_device() {
  const int fd = ::open(spec_.path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    reporter_.disconnected(posix::reason_for_errno(error), "cannot open " + spec_.path.string() +
                                                               ": " + posix::describe_errno(error));
    schedule_reopen();
    return;
  }
  // A regular file would be read to its end again on every reopen, each time
  // "typing" the same scans: only devices (and FIFOs, for tests) are read.
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISREG(info.st_mode) || S_ISDIR(info.st_mode)) {
    ::close(fd);
    reporter_.disconnected(reason::kWrongFileType, spec_.path.string() + " is not an input device");
    schedule_reopen();
    return;
  }
  reader_ = std::make_unique<EvdevReader>(
      io_, fd, [this](const input_event& event) { on_event(event); },
      [this](int error) { on_end(error); });
  if (spec_.grab) {
    if (auto grabbed = reader_->grab(); !grabbed) {
      reporter_.connected(reason::kNotGrabbed,
                          spec_.path.string() + ": " + grabbed.error().context);
    } else {
      reporter_.connected(reason::kOk, spec_.path.string());
    }
  } else {
    reporter_.connected(reason::kOk, spec_.path.string());
  }
  reader_->start();
}

void HidScanner::on_event(const input_event& event) {
  if (event.type != EV_KEY) return;
  for (auto& frame : framer_.key(event.code, event.value, std::chrono::steady_clock::now())) {
    reporter_.frame(std::move(frame));
  }
  arm_timeout();
}

void HidScanner::arm_timeout() {
  const auto deadline = framer_.deadline();
  if (!deadline) {
    timeout_timer_.cancel();
    return;
  }
  timeout_timer_.expires_at(*deadline);
  timeout_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!*alive || ec) return;
    if (auto frame = framer_.expire(std::chrono::steady_clock::now())) {
      reporter_.frame(std::move(*frame));
    }
    arm_timeout();
  });
}

void HidScanner::on_end(int error) {
  reader_.reset();
  timeout_timer_.cancel();
  if (auto frame = framer_.reset()) reporter_.frame(std::move(*frame));
  reporter_.disconnected(posix::reason_for_errno(error),
                         spec_.path.string() + ": " + posix::describe_errno(error));
  schedule_reopen();
}

void HidScanner::schedule_reopen() {
  reopen_timer_.expires_after(spec_.reopen_interval);
  reopen_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!*alive || ec || !started_ || reader_) return;
    open_device();
  });
}

}  // namespace witryna::drivers::hid
