#pragma once
// Builds the driver a ScannerSpec asks for. This is what the service calls
// for each configured scanner.

#include <boost/asio/io_context.hpp>
#include <memory>

#include "drivers/scanner.hpp"
#include "drivers/scanner_spec.hpp"
#include "edge/core/result.hpp"

namespace witryna::drivers {

// Validates `spec` (errc::kConfig with a message naming the scanner and the
// field) and returns the scanner, not yet started: call start() on the
// io_context's thread. `handlers` run on `io` (see ScannerHandlers).
[[nodiscard]] Result<std::unique_ptr<Scanner>> make_scanner(boost::asio::io_context& io,
                                                            ScannerSpec spec,
                                                            ScannerHandlers handlers);

}  // namespace witryna::drivers
