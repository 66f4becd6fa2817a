#include "tools/scan/send.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <cerrno>
#include <cstring>

namespace witryna::tools::scan {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += '\n';
  }
  return out;
}

Unexpected io_failure(std::string message) {
  return fail(std::string(errc::kIo), std::move(message));
}

}  // namespace

Result<void> send_tcp(std::uint16_t port, const std::vector<std::string>& lines) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  const asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  boost::system::error_code ec;
  socket.connect(endpoint, ec);
  if (ec) {
    return io_failure("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " + ec.message() +
                      " (is a simulated scanner listening on that port?)");
  }
  const auto data = joined(lines);
  asio::write(socket, asio::buffer(data), ec);
  if (ec) return io_failure("sending to 127.0.0.1:" + std::to_string(port) + ": " + ec.message());
  socket.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  socket.close(ec);
  return {};
}

Result<void> send_fifo(const std::filesystem::path& fifo, const std::vector<std::string>& lines) {
  struct stat info {};
  if (::stat(fifo.c_str(), &info) != 0) {
    return io_failure(fifo.string() + ": " + std::strerror(errno) +
                      " (the simulated scanner makes it when it starts)");
  }
  if (!S_ISFIFO(info.st_mode)) return io_failure(fifo.string() + " is not a FIFO");
  // Non-blocking open: with nobody reading, fail at once instead of hanging.
  const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) {
      return io_failure("no simulated scanner is reading " + fifo.string() +
                        " (is the service running?)");
    }
    return io_failure("cannot open " + fifo.string() + ": " + std::strerror(errno));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const auto data = joined(lines);
  std::size_t written = 0;
  while (written < data.size()) {
    const auto n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return io_failure("writing to " + fifo.string() + ": " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return {};
}

}  // namespace witryna::tools::scan
