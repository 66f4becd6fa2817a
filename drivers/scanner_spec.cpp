#include "drivers/scanner_spec.hpp"

namespace witryna::drivers {
namespace {

Unexpected invalid(const ScannerSpec& spec, const std::string& what) {
  return fail(std::string(errc::kConfig), "scanner " + spec.id + ": " + what);
}

}  // namespace

std::string_view to_string(ScannerKind kind) {
  switch (kind) {
    case ScannerKind::kHid:
      return "hid";
    case ScannerKind::kSerial:
      return "serial";
    case ScannerKind::kSim:
      return "sim";
  }
  return "?";
}

std::optional<ScannerKind> parse_scanner_kind(std::string_view name) {
  if (name == "hid") return ScannerKind::kHid;
  if (name == "serial") return ScannerKind::kSerial;
  if (name == "sim") return ScannerKind::kSim;
  return std::nullopt;
}

std::string_view to_string(Parity parity) {
  switch (parity) {
    case Parity::kNone:
      return "none";
    case Parity::kOdd:
      return "odd";
    case Parity::kEven:
      return "even";
  }
  return "?";
}

std::optional<Parity> parse_parity(std::string_view name) {
  if (name == "none") return Parity::kNone;
  if (name == "odd") return Parity::kOdd;
  if (name == "even") return Parity::kEven;
  return std::nullopt;
}

std::string_view to_string(StopBits bits) {
  switch (bits) {
    case StopBits::kOne:
      return "1";
    case StopBits::kOnePointFive:
      return "1.5";
    case StopBits::kTwo:
      return "2";
  }
  return "?";
}

std::optional<StopBits> parse_stop_bits(std::string_view name) {
  if (name == "1") return StopBits::kOne;
  if (name == "1.5") return StopBits::kOnePointFive;
  if (name == "2") return StopBits::kTwo;
  return std::nullopt;
}

Result<void> validate(const ScannerSpec& spec) {
  if (spec.id.empty()) return fail(std::string(errc::kConfig), "a scanner has no id");
  if (spec.reopen_interval.count() <= 0) return invalid(spec, "reopen_interval must be > 0");
  switch (spec.kind) {
    case ScannerKind::kHid:
      if (spec.path.empty()) return invalid(spec, "kind hid needs path (the /dev/input device)");
      if (spec.timeout.count() <= 0) return invalid(spec, "timeout must be > 0 ms");
      break;
    case ScannerKind::kSerial:
      if (spec.path.empty()) return invalid(spec, "kind serial needs path (the tty)");
      if (spec.baud == 0) return invalid(spec, "baud must be > 0");
      if (spec.data_bits < 5 || spec.data_bits > 8) {
        return invalid(spec, "data_bits must be 5..8, got " + std::to_string(spec.data_bits));
      }
      break;
    case ScannerKind::kSim:
      if (spec.path.empty() && !spec.port) {
        return invalid(spec, "kind sim needs path (a FIFO) or port (127.0.0.1 TCP), or both");
      }
      break;
  }
  return {};
}

}  // namespace witryna::drivers
