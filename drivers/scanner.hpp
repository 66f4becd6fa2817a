#pragma once
// What every scanner driver delivers, and how. A driver frames complete scans
// and reports its state; it never throws to its caller.

#include <functional>
#include <string>
#include <string_view>

#include "edge/core/time.hpp"

namespace witryna::drivers {

// One complete scan.
struct ScanEvent {
  std::string scanner;  // ScannerSpec::id
  std::string payload;  // what was scanned, terminator stripped (UTF-8, ≤ kMaxScanBytes)
  TimePoint at;         // wall clock when the terminator arrived

  friend bool operator==(const ScanEvent&, const ScanEvent&) = default;
};

enum class StatusKind {
  kConnected,     // the device is open and read (reason kOk or kNotGrabbed)
  kDisconnected,  // not open; the driver keeps retrying (reason says why)
  kDiscarded,     // a scan was given up (reason kTimeout, kOverlong or kIncomplete)
};
[[nodiscard]] std::string_view to_string(StatusKind kind);

// A change of a scanner's state, or a scan it had to give up. Connected and
// disconnected are reported when they (or their reason) change, not on every
// retry.
struct ScannerStatus {
  std::string scanner;
  StatusKind kind = StatusKind::kDisconnected;
  std::string reason;  // one of `reason::` below
  std::string detail;  // for logs and field engineers: path, OS message; never a payload
  TimePoint at;
};

namespace reason {
// kConnected
inline constexpr std::string_view kOk = "ok";
// An HID scanner that could not be grabbed exclusively (another program
// holds it, or the path is not an evdev device): scans still arrive, but
// its keystrokes may also reach whatever has the keyboard focus.
inline constexpr std::string_view kNotGrabbed = "not_grabbed";
// kDisconnected
inline constexpr std::string_view kNotFound = "not_found";  // path absent (unplugged)
inline constexpr std::string_view kPermissionDenied = "permission_denied";
inline constexpr std::string_view kDeviceGone = "device_gone";         // unplugged while open, EOF
inline constexpr std::string_view kWrongFileType = "wrong_file_type";  // e.g. sim path not a FIFO
inline constexpr std::string_view kAddressInUse = "address_in_use";    // sim TCP port taken
inline constexpr std::string_view kIoError = "io_error";
// kDiscarded
inline constexpr std::string_view kTimeout = "timeout";    // keys stopped mid-scan (HID)
inline constexpr std::string_view kOverlong = "overlong";  // longer than kMaxScanBytes: malformed
inline constexpr std::string_view kIncomplete = "incomplete";  // stream ended mid-scan
}  // namespace reason

using ScanHandler = std::function<void(ScanEvent)>;
using StatusHandler = std::function<void(ScannerStatus)>;

// Both are called on the io_context the scanner was made with, always
// through post (never from inside a driver call), and never after the
// scanner is destroyed. Either may be empty.
struct ScannerHandlers {
  ScanHandler on_scan;
  StatusHandler on_status;
};

// A scanner driver. Every method must be called on the io_context's thread.
class Scanner {
 public:
  virtual ~Scanner() = default;
  Scanner() = default;
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  [[nodiscard]] virtual const std::string& id() const = 0;
  // Opens the device and reads from it; when it is absent or goes away, keeps
  // trying to reopen it (ScannerSpec::reopen_interval). Calling it twice does nothing.
  virtual void start() = 0;
  // Closes the device and stops retrying; start() may be called again.
  virtual void stop() = 0;
  [[nodiscard]] virtual bool connected() const = 0;
};

}  // namespace witryna::drivers
