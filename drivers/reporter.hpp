#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "drivers/frame.hpp"
#include "drivers/scanner.hpp"

namespace witryna::drivers {

// Hands a driver's scans and state changes to the caller's handlers: posted
// onto the io_context (never called from inside the driver), stamped with the
// wall clock, dropped if the reporter is gone by the time they run.
// Connected/disconnected are only passed on when they or their reason change.
class Reporter {
 public:
  Reporter(boost::asio::io_context& io, std::string scanner_id, ScannerHandlers handlers);
  ~Reporter();
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  [[nodiscard]] const std::string& scanner_id() const { return id_; }
  [[nodiscard]] bool is_connected() const { return last_kind_ == StatusKind::kConnected; }

  // A scan (kScan) or a scan given up (reported kDiscarded with its reason).
  void frame(Frame frame);
  void connected(std::string_view reason, std::string detail);
  void disconnected(std::string_view reason, std::string detail);
  // Forgets the last state so that the next connected/disconnected is passed
  // on even if unchanged (after stop()).
  void forget_state();

 private:
  void status(StatusKind kind, std::string_view reason, std::string detail);

  boost::asio::io_context& io_;
  std::string id_;
  ScannerHandlers handlers_;
  std::optional<StatusKind> last_kind_;
  std::string last_reason_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace witryna::drivers
