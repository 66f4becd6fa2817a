#include "drivers/sim/sim_scanner.hpp"

namespace witryna::drivers::sim {

SimScanner::SimScanner(boost::asio::io_context& io, ScannerSpec spec, ScannerHandlers handlers)
    : spec_(std::move(spec)), reporter_(io, spec_.id, std::move(handlers)) {
  if (!spec_.path.empty()) {
    fifo_ = std::make_unique<FifoSource>(io, spec_.path, spec_.reopen_interval,
                                         callbacks_for(fifo_state_));
  }
  if (spec_.port) {
    tcp_ = std::make_unique<TcpSource>(io, *spec_.port, spec_.reopen_interval,
                                       callbacks_for(tcp_state_));
  }
}

SimScanner::~SimScanner() {
  // Sources first: their callbacks point at the members below them.
  fifo_.reset();
  tcp_.reset();
}

SourceCallbacks SimScanner::callbacks_for(InputState& input) {
  return SourceCallbacks{[this](Frame frame) { reporter_.frame(std::move(frame)); },
                         [this, &input](bool up, std::string_view reason, std::string detail) {
                           input_state(input, up, reason, std::move(detail));
                         }};
}

void SimScanner::start() {
  if (fifo_) fifo_->start();
  if (tcp_) tcp_->start();
}

void SimScanner::stop() {
  if (fifo_) fifo_->stop();
  if (tcp_) tcp_->stop();
  fifo_state_ = {};
  tcp_state_ = {};
  reporter_.forget_state();
}

bool SimScanner::connected() const {
  return (!fifo_ || fifo_->up()) && (!tcp_ || tcp_->up());
}

std::uint16_t SimScanner::tcp_port() const {
  return tcp_ ? tcp_->local_port() : 0;
}

void SimScanner::input_state(InputState& input, bool up, std::string_view reason,
                             std::string detail) {
  input = InputState{up, std::string(reason), std::move(detail)};
  report();
}

void SimScanner::report() {
  // Down as soon as one configured input is down; up once all are.
  for (const auto* input : {fifo_ ? &fifo_state_ : nullptr, tcp_ ? &tcp_state_ : nullptr}) {
    if (input != nullptr && !input->up && !input->reason.empty()) {
      reporter_.disconnected(input->reason, input->detail);
      return;
    }
  }
  if (!connected()) return;  // an input has not said anything yet
  std::string detail;
  for (const auto* input : {fifo_ ? &fifo_state_ : nullptr, tcp_ ? &tcp_state_ : nullptr}) {
    if (input == nullptr) continue;
    if (!detail.empty()) detail += ", ";
    detail += input->detail;
  }
  reporter_.connected(reason::kOk, std::move(detail));
}

}  // namespace witryna::drivers::sim
