#include "drivers/posix/errors.hpp"

#include <boost/asio/error.hpp>
#include <cerrno>
#include <cstring>
#include <string>

#include "drivers/scanner.hpp"

namespace witryna::drivers::posix {

std::string_view reason_for_errno(int error) {
  switch (error) {
    case 0:  // end of file: the writer of a FIFO or pty went away
    case ENODEV:
    case ENXIO:
    case EIO:
      return reason::kDeviceGone;
    case ENOENT:
    case ENOTDIR:
      return reason::kNotFound;
    case EACCES:
    case EPERM:
      return reason::kPermissionDenied;
    case EADDRINUSE:
      return reason::kAddressInUse;
    default:
      return reason::kIoError;
  }
}

std::string_view reason_for(const boost::system::error_code& error) {
  if (error == boost::asio::error::eof) return reason_for_errno(0);
  if (error.category() == boost::system::system_category()) return reason_for_errno(error.value());
  return reason::kIoError;
}

std::string describe_errno(int error) {
  if (error == 0) return "end of file";
  return std::strerror(error);
}

}  // namespace witryna::drivers::posix
