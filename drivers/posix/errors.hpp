#pragma once

#include <boost/system/error_code.hpp>
#include <string>
#include <string_view>

namespace witryna::drivers::posix {

// The reason:: code for an errno from open/read/bind (0 = end of file).
[[nodiscard]] std::string_view reason_for_errno(int error);
// The same for an error from Boost.Asio (system errors carry an errno; eof is
// end of file).
[[nodiscard]] std::string_view reason_for(const boost::system::error_code& error);
// "end of file" for 0, strerror otherwise.
[[nodiscard]] std::string describe_errno(int error);

}  // namespace witryna::drivers::posix
