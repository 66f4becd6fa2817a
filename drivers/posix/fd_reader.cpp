#include "drivers/posix/fd_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <cerrno>

namespace witryna::drivers::posix {
namespace {

// Reads per wake-up before yielding to other handlers of the loop.
constexpr int kReadsPerWake = 16;

}  // namespace

FdReader::FdReader(boost::asio::io_context& io, int fd, DataHandler on_data, EndHandler on_end)
    : descriptor_(io), on_data_(std::move(on_data)), on_end_(std::move(on_end)) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  boost::system::error_code ec;
  descriptor_.assign(fd, ec);  // fails only when the reactor cannot take it (out of memory)
  if (ec) {
    ::close(fd);
    assign_error_ = ec.value() != 0 ? ec.value() : EIO;
  }
}

FdReader::~FdReader() {
  *alive_ = false;
  boost::system::error_code ignored;
  descriptor_.close(ignored);
}

void FdReader::start() {
  wait();
}

void FdReader::wait() {
  descriptor_.async_wait(boost::asio::posix::descriptor_base::wait_read,
                         [this, alive = alive_](const boost::system::error_code& ec) {
                           if (!*alive || ec == boost::asio::error::operation_aborted) return;
                           if (ec) {
                             end(ec.value());
                             return;
                           }
                           read_available();
                         });
}

void FdReader::read_available() {
  std::array<char, 4096> buffer{};
  const auto alive = alive_;
  for (int i = 0; i < kReadsPerWake; ++i) {
    const auto n = ::read(descriptor_.native_handle(), buffer.data(), buffer.size());
    if (n > 0) {
      on_data_(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
      if (!*alive) return;
      continue;
    }
    if (n == 0) {
      end(0);
      return;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) break;
    end(errno);
    return;
  }
  wait();
}

void FdReader::end(int error) {
  // The handler may destroy this reader: call a copy that outlives it.
  auto handler = std::move(on_end_);
  on_end_ = nullptr;
  if (handler) handler(error);
}

}  // namespace witryna::drivers::posix
