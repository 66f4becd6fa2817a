#pragma once
// Where control commands come from: stdin, a Unix control socket, a script
// file. Each reads lines on the io_context and hands them to a handler that
// returns the reply. Threads: the io_context's only.

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tools/central/central_node.hpp"

namespace witryna::central {

using LineHandler = std::function<Reply(const std::string& line)>;

// Lines typed on stdin; replies as text on stdout. Stops at end of input.
class StdinControl {
 public:
  StdinControl(boost::asio::io_context& io, LineHandler handler);
  void start();

 private:
  void read();
  boost::asio::posix::stream_descriptor in_;
  boost::asio::streambuf buffer_;
  LineHandler handler_;
};

// A Unix socket (mode 0600); each connection sends lines and gets one JSON
// line {"ok","text"[,"data"]} back per line.
class SocketControl {
 public:
  SocketControl(boost::asio::io_context& io, LineHandler handler);
  ~SocketControl();
  [[nodiscard]] Result<void> listen(const std::filesystem::path& path);

 private:
  void accept();
  boost::asio::io_context& io_;
  boost::asio::local::stream_protocol::acceptor acceptor_;
  std::filesystem::path path_;
  LineHandler handler_;
};

// Runs a script's lines in order; `sleep MS` waits before the next one.
// `done` runs after the last line.
class ScriptControl {
 public:
  ScriptControl(boost::asio::io_context& io, LineHandler handler, std::function<void()> done);
  [[nodiscard]] Result<void> load(const std::filesystem::path& path);
  void start();

 private:
  void step();
  boost::asio::steady_timer timer_;
  LineHandler handler_;
  std::function<void()> done_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
};

}  // namespace witryna::central
