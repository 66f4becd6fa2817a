#include "drivers/reporter.hpp"

#include <boost/asio/post.hpp>
#include <chrono>

namespace witryna::drivers {
namespace {

TimePoint wall_now() {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

}  // namespace

Reporter::Reporter(boost::asio::io_context& io, std::string scanner_id, ScannerHandlers handlers)
    : io_(io), id_(std::move(scanner_id)), handlers_(std::move(handlers)) {}

Reporter::~Reporter() {
  *alive_ = false;
}

void Reporter::frame(Frame frame) {
  if (frame.kind != FrameKind::kScan) {
    status(StatusKind::kDiscarded, discard_reason(frame.kind), {});
    return;
  }
  if (!handlers_.on_scan) return;
  boost::asio::post(io_, [handler = handlers_.on_scan, alive = alive_,
                          event = ScanEvent{id_, std::move(frame.payload), wall_now()}]() mutable {
    if (*alive) handler(std::move(event));
  });
}

void Reporter::connected(std::string_view reason, std::string detail) {
  status(StatusKind::kConnected, reason, std::move(detail));
}

void Reporter::disconnected(std::string_view reason, std::string detail) {
  status(StatusKind::kDisconnected, reason, std::move(detail));
}

void Reporter::forget_state() {
  last_kind_.reset();
  last_reason_.clear();
}

void Reporter::status(StatusKind kind, std::string_view reason, std::string detail) {
  if (kind != StatusKind::kDiscarded) {
    if (last_kind_ == kind && last_reason_ == reason) return;
    last_kind_ = kind;
    last_reason_ = reason;
  }
  if (!handlers_.on_status) return;
  boost::asio::post(io_, [handler = handlers_.on_status, alive = alive_,
                          status = ScannerStatus{id_, kind, std::string(reason), std::move(detail),
                                                 wall_now()}]() mutable {
    if (*alive) handler(std::move(status));
  });
}

}  // namespace witryna::drivers
