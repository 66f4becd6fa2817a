#pragma once
// How one scanner is set up: filled by the service from its configuration
// ([[scanners]] entries), validated here.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/hid/keymap.hpp"
#include "edge/core/result.hpp"

namespace witryna::drivers {

enum class ScannerKind {
  kHid,     // keyboard wedge: Linux evdev device
  kSerial,  // serial / USB-CDC tty
  kSim,     // simulated: lines from a FIFO and/or a loopback TCP port
};
[[nodiscard]] std::string_view to_string(ScannerKind kind);
[[nodiscard]] std::optional<ScannerKind> parse_scanner_kind(
    std::string_view name);  // hid|serial|sim

enum class Parity { kNone, kOdd, kEven };
[[nodiscard]] std::string_view to_string(Parity parity);
[[nodiscard]] std::optional<Parity> parse_parity(std::string_view name);  // none|odd|even

enum class StopBits { kOne, kOnePointFive, kTwo };
[[nodiscard]] std::string_view to_string(StopBits bits);
[[nodiscard]] std::optional<StopBits> parse_stop_bits(std::string_view name);  // 1|1.5|2

struct ScannerSpec {
  std::string id;  // unique; ScanEvent::scanner
  ScannerKind kind = ScannerKind::kSim;
  // hid: the evdev device, by a stable name (/dev/input/by-id/usb-…-event-kbd);
  // serial: the tty (/dev/serial/by-id/…); sim: a FIFO, made if absent (optional).
  std::filesystem::path path;
  // sim only: a TCP port on 127.0.0.1 (0: any free port, for tests).
  std::optional<std::uint16_t> port;
  // The screen this scanner belongs to. Not used by the drivers: the service
  // routes each ScanEvent::scanner to it.
  std::string screen;

  // hid
  hid::Layout layout = hid::Layout::kUs;
  bool grab = true;                        // EVIOCGRAB: keep scans off the desktop
  std::chrono::milliseconds timeout{200};  // a started scan with no key this long is dropped

  // serial
  unsigned baud = 9600;
  Parity parity = Parity::kNone;
  unsigned data_bits = 8;  // 5..8
  StopBits stop_bits = StopBits::kOne;

  // all: how often an absent or vanished device is tried again
  std::chrono::milliseconds reopen_interval{1000};
};

// Checks what the kind needs (a path for hid/serial, a path or a port for
// sim, sane numbers). Fails with errc::kConfig and a message naming the
// scanner and the field.
[[nodiscard]] Result<void> validate(const ScannerSpec& spec);

}  // namespace witryna::drivers
