#include "drivers/sim/fifo_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>

#include "drivers/posix/errors.hpp"
#include "drivers/scanner.hpp"

namespace witryna::drivers::sim {

FifoSource::FifoSource(boost::asio::io_context& io, std::filesystem::path path,
                       std::chrono::milliseconds retry, SourceCallbacks callbacks)
    : io_(io),
      path_(std::move(path)),
      retry_(retry),
      callbacks_(std::move(callbacks)),
      retry_timer_(io) {}

FifoSource::~FifoSource() {
  *alive_ = false;
  stop();
}

void FifoSource::start() {
  if (started_) return;
  started_ = true;
  open_fifo();
}

void FifoSource::stop() {
  started_ = false;
  retry_timer_.cancel();
  reader_.reset();
  (void)framer_.finish();
}

void FifoSource::open_fifo() {
  reader_.reset();
  struct stat info {};
  if (::stat(path_.c_str(), &info) != 0) {
    if (errno != ENOENT || ::mkfifo(path_.c_str(), 0660) != 0) {
      const int error = errno;
      down(posix::reason_for_errno(error),
           "cannot make FIFO " + path_.string() + ": " + posix::describe_errno(error));
      return;
    }
  } else if (!S_ISFIFO(info.st_mode)) {
    down(reason::kWrongFileType, path_.string() + " is not a FIFO");
    return;
  }
  const int fd = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    down(posix::reason_for_errno(error),
         "cannot open " + path_.string() + ": " + posix::describe_errno(error));
    return;
  }
  reader_ = std::make_unique<posix::FdReader>(
      io_, fd,
      [this](std::string_view bytes) {
        for (auto& frame : framer_.feed(bytes))
          callbacks_.on_frame(std::move(frame));
      },
      [this](int error) { on_end(error); });
  reader_->start();
  callbacks_.on_state(true, reason::kOk, path_.string());
}

void FifoSource::down(std::string_view reason, std::string detail) {
  callbacks_.on_state(false, reason, std::move(detail));
  retry_timer_.expires_after(retry_);
  retry_timer_.async_wait([this, alive = alive_](const boost::system::error_code& ec) {
    if (!*alive || ec || !started_ || reader_) return;
    open_fifo();
  });
}

void FifoSource::on_end(int error) {
  if (auto frame = framer_.finish()) callbacks_.on_frame(std::move(*frame));
  if (error == 0) {
    // The last writer closed: open again for the next one.
    open_fifo();
    return;
  }
  reader_.reset();
  down(posix::reason_for_errno(error), path_.string() + ": " + posix::describe_errno(error));
}

}  // namespace witryna::drivers::sim
