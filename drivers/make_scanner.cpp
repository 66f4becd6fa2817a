#include "drivers/make_scanner.hpp"

#include "drivers/hid/hid_scanner.hpp"
#include "drivers/serial/serial_scanner.hpp"
#include "drivers/sim/sim_scanner.hpp"

namespace witryna::drivers {

Result<std::unique_ptr<Scanner>> make_scanner(boost::asio::io_context& io, ScannerSpec spec,
                                              ScannerHandlers handlers) {
  if (auto valid = validate(spec); !valid) return tl::make_unexpected(valid.error());
  switch (spec.kind) {
    case ScannerKind::kHid:
      return std::make_unique<hid::HidScanner>(io, std::move(spec), std::move(handlers));
    case ScannerKind::kSerial:
      return std::make_unique<serial::SerialScanner>(io, std::move(spec), std::move(handlers));
    case ScannerKind::kSim:
      return std::make_unique<sim::SimScanner>(io, std::move(spec), std::move(handlers));
  }
  return fail(std::string(errc::kConfig), "scanner " + spec.id + ": unknown kind");
}

}  // namespace witryna::drivers
