#pragma once

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "drivers/reporter.hpp"
#include "drivers/scanner.hpp"
#include "drivers/scanner_spec.hpp"
#include "drivers/sim/fifo_source.hpp"
#include "drivers/sim/tcp_source.hpp"

namespace witryna::drivers::sim {

// A simulated scanner for development and the demo: every line written to
// the FIFO spec.path and/or sent to 127.0.0.1:spec.port is a scan (CR, LF or
// CRLF ends it). Connected when every configured input is open.
class SimScanner final : public Scanner {
 public:
  SimScanner(boost::asio::io_context& io, ScannerSpec spec, ScannerHandlers handlers);
  ~SimScanner() override;

  [[nodiscard]] const std::string& id() const override { return spec_.id; }
  void start() override;
  void stop() override;
  [[nodiscard]] bool connected() const override;
  // The TCP port listened on (useful with spec.port = 0), or 0 when none.
  [[nodiscard]] std::uint16_t tcp_port() const;

 private:
  struct InputState {
    bool up = false;
    std::string reason;
    std::string detail;
  };
  void input_state(InputState& input, bool up, std::string_view reason, std::string detail);
  void report();
  SourceCallbacks callbacks_for(InputState& input);

  ScannerSpec spec_;
  Reporter reporter_;
  InputState fifo_state_;
  InputState tcp_state_;
  std::unique_ptr<FifoSource> fifo_;
  std::unique_ptr<TcpSource> tcp_;
};

}  // namespace witryna::drivers::sim
