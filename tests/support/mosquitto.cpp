#include "tests/support/mosquitto.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace witryna::test {

namespace {

constexpr std::chrono::seconds kStartDeadline{10};
constexpr std::chrono::seconds kStopDeadline{10};
constexpr int kPortAttempts = 5;

Unexpected io_error(std::string context) {
  return fail(std::string(errc::kIo), std::move(context));
}

sockaddr_in loopback(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A port the kernel just handed out on 127.0.0.1 (free now; may be taken
// again before mosquitto binds it: start() retries then).
std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

bool accepts(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address = loopback(port);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

std::string mosquitto_path() {
  if (const char* path = std::getenv("WITRYNA_MOSQUITTO"); path != nullptr && *path != '\0') {
    return path;
  }
  return "/usr/sbin/mosquitto";
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

Mosquitto::Mosquitto(MosquittoConfig config) : config_(std::move(config)) {}

Mosquitto::~Mosquitto() {
  kill();
}

std::string Mosquitto::plain_uri() const {
  return "tcp://127.0.0.1:" + std::to_string(plain_port_);
}

std::string Mosquitto::tls_uri() const {
  return "ssl://localhost:" + std::to_string(tls_port_);
}

std::string Mosquitto::log() const {
  std::ifstream in(dir_ / "mosquitto.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<void> Mosquitto::write_config() const {
  std::ofstream conf(dir_ / "mosquitto.conf", std::ios::trunc);
  conf << "# written by witryna's test fixture (tests/support/mosquitto.cpp)\n";
  // As root mosquitto would drop to user mosquitto, which cannot read our
  // 0600 keys or write into this folder (debian12.md).
  if (::geteuid() == 0) conf << "user root\n";
  conf << "per_listener_settings false\n"
       << "allow_anonymous true\n"
       << "log_dest stderr\n"
       << "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
       << "connection_messages true\n"
       << "max_queued_messages 100000\n";
  if (config_.persistence) {
    std::filesystem::create_directories(dir_ / "data");
    conf << "persistence true\n"
         << "persistence_location " << (dir_ / "data").string() << "/\n";
  } else {
    conf << "persistence false\n";
  }
  if (config_.plain_listener) conf << "listener " << plain_port_ << " 127.0.0.1\n";
  if (config_.tls) {
    const MosquittoTls& tls = *config_.tls;
    conf << "listener " << tls_port_ << " 127.0.0.1\n"
         << "cafile " << tls.ca_file.string() << "\n"
         << "certfile " << tls.cert_file.string() << "\n"
         << "keyfile " << tls.key_file.string() << "\n"
         << "require_certificate " << (tls.require_certificate ? "true" : "false") << "\n"
         << "use_identity_as_username " << (tls.require_certificate ? "true" : "false") << "\n";
    if (!tls.tls_version.empty()) conf << "tls_version " << tls.tls_version << "\n";
  }
  for (const auto& line : config_.extra_lines)
    conf << line << "\n";
  conf.close();
  if (!conf) return io_error("cannot write " + (dir_ / "mosquitto.conf").string());
  return {};
}

Result<void> Mosquitto::start() {
  if (process_ && process_->running()) return {};
  const bool choose_ports = plain_port_ == 0 && tls_port_ == 0;
  Result<void> started;
  for (int attempt = 0; attempt < (choose_ports ? kPortAttempts : 1); ++attempt) {
    if (choose_ports) {
      plain_port_ = config_.plain_listener ? free_port() : 0;
      tls_port_ = config_.tls ? free_port() : 0;
      if ((config_.plain_listener && plain_port_ == 0) || (config_.tls && tls_port_ == 0) ||
          (plain_port_ != 0 && plain_port_ == tls_port_)) {
        started = io_error("no free loopback port");
        continue;
      }
    }
    started = start_once();
    if (started) return started;
  }
  if (choose_ports) plain_port_ = tls_port_ = 0;
  return started;
}

Result<void> Mosquitto::start_once() {
  if (auto written = write_config(); !written) return written;
  const std::string before = log();
  auto child = ChildProcess::spawn({mosquitto_path(), "-c", (dir_ / "mosquitto.conf").string()},
                                   dir_ / "mosquitto.log");
  if (!child) return Unexpected(child.error());
  process_.emplace(std::move(*child));

  // Ready when this run has logged that it is running (all listeners are
  // open then) and the ports answer; a port taken by someone else makes
  // mosquitto exit instead.
  const auto end = std::chrono::steady_clock::now() + kStartDeadline;
  while (std::chrono::steady_clock::now() < end) {
    if (!process_->running()) {
      process_.reset();
      return io_error("mosquitto exited at start; log:\n" + log().substr(before.size()));
    }
    const std::string now = log();
    const bool logged_running = count(now, " running") > count(before, " running");
    if (logged_running && (plain_port_ == 0 || accepts(plain_port_)) &&
        (tls_port_ == 0 || accepts(tls_port_))) {
      return {};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  process_->kill();
  process_.reset();
  return io_error("mosquitto did not accept connections within 10 s; log:\n" +
                  log().substr(before.size()));
}

Result<void> Mosquitto::stop() {
  if (!process_) return {};
  process_->signal(SIGTERM);
  const auto status = process_->wait_for(kStopDeadline);
  if (!status) {
    process_->kill();
    process_.reset();
    return io_error("mosquitto did not stop within 10 s of SIGTERM (killed)");
  }
  process_.reset();
  return {};
}

void Mosquitto::kill() {
  if (!process_) return;
  process_->kill();
  process_.reset();
}

Result<void> Mosquitto::restart() {
  if (auto stopped = stop(); !stopped) return stopped;
  return start();
}

bool Mosquitto::running() {
  return process_ && process_->running();
}

}  // namespace witryna::test
