// witryna-central: plays the brand's central system for one store over MQTT
// (shared/contract/mqtt.md), for demos and tests. See README.md.
//
//   witryna-central --broker tcp://127.0.0.1:1883 --state-dir .demo/central
//   witryna-central keygen --out .demo/keys --kid demo-2026
//   witryna-central token --key .demo/keys/demo-2026.key.pem --kid demo-2026 --sub C-000123
//   witryna-central ctl --socket .demo/central.sock "rate stock 30" status
//   witryna-central --state-dir .demo/central --https-dir .demo/updates   (+ MQTT as above)
#include <sys/stat.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdio>
#include <istream>
#include <random>

#include "edge/cli/command.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/crypto/sha256.hpp"
#include "tools/central/central_node.hpp"
#include "tools/central/control_io.hpp"
#include "tools/central/update_files.hpp"
#include "tools/datagen/generator.hpp"

namespace {

using namespace witryna;
using namespace witryna::central;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

int complain(const std::string& message, int code = kExitFailed) {
  std::fprintf(stderr, "witryna-central: %s\n", message.c_str());
  return code;
}

std::string random_hex(std::size_t bytes) {
  std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    const auto b = static_cast<unsigned>(device() & 0xFFu);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

struct GenerateOptions {
  std::uint64_t seed = 1;
  std::size_t products = 300;
  std::size_t customers = 200;
  std::size_t offers = 20;
  std::size_t reservations = 20;
  std::size_t codes = 40;
};

int keygen(const std::filesystem::path& out, const std::string& kid) {
  auto signer = crypto::Ed25519Signer::generate();
  if (!signer) return complain(signer.error().context);
  auto priv = signer->private_key_pem();
  auto pub = signer->public_key_pem();
  if (!priv || !pub) return complain("cannot export the key");
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  const auto key_file = out / (kid + ".key.pem");
  const auto pub_file = out / (kid + ".pub.pem");
  if (auto w = write_file_atomic(key_file, *priv); !w) return complain(w.error().context);
  ::chmod(key_file.c_str(), 0600);
  if (auto w = write_file_atomic(pub_file, *pub); !w) return complain(w.error().context);
  std::printf("%s\n%s\n", key_file.c_str(), pub_file.c_str());
  return kExitOk;
}

int token(const std::filesystem::path& key, const std::string& kid, const std::string& sub,
          const std::string& typ, const std::string& res, std::int64_t ttl) {
  auto signer = crypto::Ed25519Signer::from_pem_file(key);
  if (!signer) return complain(signer.error().context);
  core::AppTokenClaims claims;
  claims.sub = sub;
  if (typ == "svc") {
    claims.typ = core::AppTokenType::kSvc;
  } else if (typ == "res") {
    claims.typ = core::AppTokenType::kRes;
    claims.res = res;
    if (res.empty()) return complain("--typ res needs --res R-…", kExitUsage);
  } else if (typ != "id") {
    return complain("--typ is id, svc or res", kExitUsage);
  }
  claims.iat = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  claims.exp = claims.iat + ttl;
  claims.jti = random_hex(8);
  auto made = crypto::make_app_token(*signer, kid, claims);
  if (!made) return complain(made.error().code + ": " + made.error().context);
  std::printf("%s\n", made->c_str());
  return kExitOk;
}

// Sends each command to a running simulator's control socket and prints the
// replies' text; exit 1 if any was refused or the socket is not there.
int ctl(const std::string& socket_path, const std::vector<std::string>& commands) {
  boost::asio::io_context io;
  boost::asio::local::stream_protocol::socket socket(io);
  boost::system::error_code ec;
  socket.connect(boost::asio::local::stream_protocol::endpoint(socket_path), ec);
  if (ec) return complain("cannot reach " + socket_path + ": " + ec.message());
  bool all_ok = true;
  boost::asio::streambuf buffer;
  for (const auto& command : commands) {
    boost::asio::write(socket, boost::asio::buffer(command + "\n"), ec);
    if (!ec) boost::asio::read_until(socket, buffer, '\n', ec);
    if (ec) return complain("control socket: " + ec.message());
    std::istream in(&buffer);
    std::string line;
    std::getline(in, line);
    const Json reply = Json::parse(line, nullptr, false);
    if (!reply.is_object()) return complain("control socket: unreadable reply");
    const bool ok = reply.value("ok", false);
    all_ok = all_ok && ok;
    const std::string text = reply.value("text", "");
    if (!text.empty()) std::printf("%s%s\n", ok ? "" : "error: ", text.c_str());
  }
  return all_ok ? kExitOk : kExitFailed;
}

}  // namespace

int main(int argc, char** argv) {
  witryna::cli::Command cli{
      "witryna-central: the brand's central system for one store, simulated over MQTT"};
  cli.require_subcommand(0, 1);

  NodeOptions node;
  std::string broker = "tcp://127.0.0.1:1883";
  std::string client_id;
  std::string ca;
  std::string cert;
  std::string key;
  std::string data_dir;
  std::string state_dir;
  std::string received;
  std::string control_socket;
  std::string script;
  bool exit_after_script = false;
  bool no_stdin = false;
  bool no_initial = false;
  std::vector<std::string> exec;
  GenerateOptions gen;

  cli.add_option("--brand", node.brand, "brand (topic root witryna/v1/{brand})")
      ->capture_default_str();
  cli.add_option("--store", node.store, "the store it serves")->capture_default_str();
  cli.add_option("--broker", broker, "tcp://127.0.0.1:PORT (loopback only) or ssl://host:port")
      ->capture_default_str();
  cli.add_option("--client-id", client_id, "MQTT client id (default central-{brand})");
  cli.add_option("--ca", ca, "ssl://: CA file of the broker's certificate");
  cli.add_option("--cert", cert, "ssl://: client certificate (mutual TLS)");
  cli.add_option("--key", key, "ssl://: client private key");
  cli.add_option("--data", data_dir,
                 "brand data made by witryna-datagen (a folder of <stream>.jsonl); default: "
                 "generate one into --state-dir/brand (or a temp folder)");
  cli.add_option("--seed", gen.seed, "generation: seed")->capture_default_str();
  cli.add_option("--products", gen.products, "generation: sku variants")->capture_default_str();
  cli.add_option("--customers", gen.customers, "generation: customers")->capture_default_str();
  cli.add_option("--offers", gen.offers, "generation: offers")->capture_default_str();
  cli.add_option("--reservations", gen.reservations, "generation: reservations")
      ->capture_default_str();
  cli.add_option("--codes", gen.codes, "generation: app codes")->capture_default_str();
  cli.add_option("--state-dir", state_dir,
                 "keep seqs, acks, code uses and live changes here so a restart continues "
                 "(default: none, a fresh world every start)");
  cli.add_option("--received", received, "append what came in (events, resyncs, claims) as JSONL");
  cli.add_option("--control", control_socket, "Unix control socket (one JSON reply per line)");
  cli.add_option("--script", script, "control commands to run, one per line (sleep MS waits)");
  cli.add_flag("--exit-after-script", exit_after_script, "stop when the script has run");
  cli.add_option("-e,--exec", exec, "a control command to run at start (repeatable)");
  cli.add_flag("--no-stdin", no_stdin, "do not read control commands from stdin");
  cli.add_flag("--no-initial-publish", no_initial,
               "on a fresh world, do not publish it once as live messages");
  UpdateFilesOptions files;
  std::string files_dir;
  std::string files_cert;
  std::string files_key;
  std::string files_url;
  cli.add_option("--https-dir", files_dir,
                 "also serve this folder's files (update artifacts) over HTTPS on 127.0.0.1, "
                 "with Range; each response is logged");
  cli.add_option("--https-port", files.port, "HTTPS port (0: a free one, see --https-url-file)")
      ->capture_default_str();
  cli.add_option("--https-cert", files_cert,
                 "HTTPS certificate (PEM); default: its own, made once in "
                 "--state-dir/https/cert.pem (clients trust that file)");
  cli.add_option("--https-key", files_key, "HTTPS private key (PEM), with --https-cert");
  cli.add_option("--https-url-file", files_url,
                 "write https://localhost:PORT/ here once listening");
  cli.add_option("--https-cut-once-after", files.cut_once_after,
                 "fault: the first file response stops after N bytes and drops the link "
                 "(shows a resumed download)")
      ->check(witryna::cli::NonNegative{});
  cli.add_option("--snapshot-part-items", node.snapshot_part_items, "items per snapshot part")
      ->capture_default_str()
      ->check(witryna::cli::Range(1, 100000));

  auto* keygen_cmd = cli.add_subcommand("keygen", "make an Ed25519 key pair for app tokens");
  std::string keygen_out;
  std::string kid = "demo-2026";
  keygen_cmd->add_option("--out", keygen_out, "folder for <kid>.key.pem and <kid>.pub.pem")
      ->required();
  keygen_cmd->add_option("--kid", kid, "key id")->capture_default_str();

  auto* token_cmd = cli.add_subcommand("token", "print a signed app QR token (codes.md §2)");
  std::string token_key;
  std::string sub = "C-000123";
  std::string typ = "id";
  std::string res;
  std::int64_t ttl = 300;
  token_cmd->add_option("--key", token_key, "private key PEM (keygen)")->required();
  token_cmd->add_option("--kid", kid, "key id")->capture_default_str();
  token_cmd->add_option("--sub", sub, "customer id")->capture_default_str();
  token_cmd->add_option("--typ", typ, "id, svc or res")->capture_default_str();
  token_cmd->add_option("--res", res, "reservation id (typ res)");
  token_cmd->add_option("--ttl", ttl, "seconds until exp (≤ 600)")
      ->capture_default_str()
      ->check(witryna::cli::Range(1, 600));

  auto* ctl_cmd = cli.add_subcommand("ctl", "send control commands to a running simulator");
  std::string ctl_socket;
  std::vector<std::string> ctl_commands;
  ctl_cmd->add_option("--socket", ctl_socket, "its --control socket")->required();
  ctl_cmd->add_option("command", ctl_commands, "commands, each one argument (quote it)")
      ->required();

  if (const auto exit = cli.parse(argc, argv)) {
    return *exit == 0 ? kExitOk : kExitUsage;
  }
  if (*keygen_cmd) return keygen(keygen_out, kid);
  if (*token_cmd) return token(token_key, kid, sub, typ, res, ttl);
  if (*ctl_cmd) return ctl(ctl_socket, ctl_commands);

  if (!files_dir.empty()) {
    files.dir = files_dir;
    files.cert = files_cert;
    files.key = files_key;
    files.url_file = files_url;
    files.state_dir = state_dir;
    if (auto checked = check_update_files_options(files); !checked)
      return complain(checked.error().context, kExitUsage);
  } else if (!files_cert.empty() || !files_key.empty() || !files_url.empty()) {
    return complain("--https-cert, --https-key and --https-url-file need --https-dir", kExitUsage);
  }

  // The world: brand data, then what was published live before, then seqs and books.
  std::error_code ec;
  std::filesystem::path brand_dir = data_dir;
  std::optional<std::filesystem::path> temp_brand;
  if (!state_dir.empty()) {
    std::filesystem::create_directories(state_dir, ec);
    if (ec) return complain("cannot create " + state_dir + ": " + ec.message());
    node.state_dir = state_dir;
  }
  if (brand_dir.empty()) {
    if (!state_dir.empty()) {
      brand_dir = std::filesystem::path(state_dir) / "brand";
    } else {
      brand_dir = std::filesystem::temp_directory_path() /
                  ("witryna-central-" + std::to_string(::getpid()));
      temp_brand = brand_dir;
    }
    if (!std::filesystem::exists(brand_dir / "stock.jsonl", ec)) {
      datagen::Options o;
      o.seed = gen.seed;
      o.products = gen.products;
      o.customers = gen.customers;
      o.offers = gen.offers;
      o.reservations = gen.reservations;
      o.codes = gen.codes;
      o.store = node.store;
      o.now = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
      o.out_dir = brand_dir;
      auto made = datagen::generate(o);
      if (!made) return complain(made.error().context, kExitUsage);
      std::fprintf(stderr, "witryna-central: generated a brand into %s\n", brand_dir.c_str());
    }
  }
  auto restored = restore_world(brand_dir, node.state_dir);
  if (temp_brand) std::filesystem::remove_all(*temp_brand, ec);
  if (!restored) return complain(restored.error().context);
  if (auto demo = read_text_file(brand_dir / "demo.json")) {
    const Json doc = Json::parse(*demo, nullptr, false);
    for (const char* who : {"customer_full_consent", "customer_no_personalization"}) {
      if (doc.is_object() && doc.contains(who) && doc[who].contains("customer")) {
        node.keep_customers.insert(doc[who]["customer"].get<std::string>());
      }
    }
  }
  if (restored->continued) {
    std::fprintf(stderr, "witryna-central: continuing from %s (%zu live changes replayed)\n",
                 state_dir.c_str(), restored->replayed);
  }

  node.mqtt.server_uri = broker;
  node.mqtt.client_id = client_id.empty() ? "central-" + node.brand : client_id;
  node.mqtt.clean_session = false;
  if (!ca.empty() || !cert.empty()) node.mqtt.tls = sync::MqttTls{ca, cert, key, true};
  node.received_log = received;
  node.publish_initial = !no_initial;
  node.seed = gen.seed;
  node.sha256_hex = crypto::sha256_hex;

  auto topics = central_topics(node.brand, node.store);
  if (!topics) return complain(topics.error().context, kExitUsage);

  boost::asio::io_context io;
  const std::size_t loaded = restored->brand_items;
  CentralNode central(io, node, std::move(*topics), std::move(restored->world),
                      std::move(restored->claims), std::move(restored->events), restored->counters);
  bool stopping = false;
  const auto shutdown = [&] {
    if (stopping) return;
    stopping = true;
    central.stop([&io] { io.stop(); });
  };
  central.on_quit(shutdown);
  const LineHandler handler = [&central](const std::string& line) {
    auto parsed = parse_control_line(line);
    if (!parsed) return Reply{false, parsed.error().context, nullptr};
    return central.execute(*parsed);
  };

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& e, int) {
    if (!e) shutdown();
  });

  if (auto started = central.start(); !started) {
    return complain(started.error().code + ": " + started.error().context, kExitUsage);
  }
  std::fprintf(stderr, "witryna-central: %zu items loaded; brand %s, store %s, broker %s\n", loaded,
               node.brand.c_str(), node.store.c_str(), broker.c_str());
  for (const auto& line : exec) {
    const Reply reply = handler(line);
    if (!reply.ok) return complain("--exec " + line + ": " + reply.text, kExitUsage);
  }

  std::unique_ptr<https_files::HttpsFileServer> file_server;
  if (!files.dir.empty()) {
    auto serving = serve_update_files(io, files);
    if (!serving) return complain(serving.error().context, kExitUsage);
    file_server = std::move(*serving);
  }

  SocketControl socket(io, handler);
  if (!control_socket.empty()) {
    if (auto listening = socket.listen(control_socket); !listening) {
      return complain(listening.error().context);
    }
  }
  StdinControl stdin_control(io, handler);
  if (!no_stdin) stdin_control.start();
  ScriptControl script_control(io, handler, [&] {
    if (exit_after_script) shutdown();
  });
  if (!script.empty()) {
    if (auto ok = script_control.load(script); !ok) return complain(ok.error().context, kExitUsage);
    script_control.start();
  }

  io.run();
  std::fprintf(stderr, "witryna-central: stopped\n");
  return kExitOk;
}
