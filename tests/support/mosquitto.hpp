#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/result.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::test {

// A TLS listener as mqtt.md wants it: mutual TLS, the client certificate's CN
// becomes the user name.
struct MosquittoTls {
  std::filesystem::path ca_file;
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
  bool require_certificate = true;
  std::string tls_version = "tlsv1.2";  // mosquitto's tls_version: exactly this version
};

struct MosquittoConfig {
  bool plain_listener = true;  // anonymous plain TCP on 127.0.0.1
  std::optional<MosquittoTls> tls;
  // Sessions and queued QoS 1 messages survive stop()+start() (saved on
  // SIGTERM; a kill() loses what was not saved).
  bool persistence = true;
  std::vector<std::string> extra_lines;  // appended to mosquitto.conf as they are
};

// A real mosquitto (Debian's /usr/sbin/mosquitto, or $WITRYNA_MOSQUITTO) in
// the foreground on free loopback ports, with its config, log and
// persistence in a TempDir. The destructor kills it. Call it from one thread
// (the child is tied to the thread that started it).
class Mosquitto {
 public:
  explicit Mosquitto(MosquittoConfig config = {});
  ~Mosquitto();
  Mosquitto(const Mosquitto&) = delete;
  Mosquitto& operator=(const Mosquitto&) = delete;

  // Starts the broker and waits (deadline 10 s) until it accepts connections.
  // The first start picks free ports (retrying on a collision); later starts
  // reuse them.
  [[nodiscard]] Result<void> start();
  // SIGTERM and wait: mosquitto saves its persistence file on the way out.
  [[nodiscard]] Result<void> stop();
  // SIGKILL and wait: nothing is saved.
  void kill();
  // stop() then start() on the same ports.
  [[nodiscard]] Result<void> restart();
  [[nodiscard]] bool running();

  [[nodiscard]] std::uint16_t plain_port() const { return plain_port_; }
  [[nodiscard]] std::uint16_t tls_port() const { return tls_port_; }
  [[nodiscard]] std::string plain_uri() const;  // tcp://127.0.0.1:<port>
  [[nodiscard]] std::string tls_uri() const;    // ssl://localhost:<port>
  [[nodiscard]] std::string log() const;        // everything the broker logged so far
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_.path(); }
  // The broker's process id while it runs, else -1 (benchmarks renice it).
  [[nodiscard]] pid_t pid() const { return process_ ? process_->pid() : -1; }

 private:
  [[nodiscard]] Result<void> start_once();
  [[nodiscard]] Result<void> write_config() const;

  MosquittoConfig config_;
  TempDir dir_;
  std::uint16_t plain_port_ = 0;
  std::uint16_t tls_port_ = 0;
  std::optional<ChildProcess> process_;
};

}  // namespace witryna::test
