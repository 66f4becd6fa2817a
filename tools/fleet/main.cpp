// witryna-fleet: the fleet operator's CLI (docs/fleet-cli.md has every
// subcommand with an example).
//
//   keygen        an Ed25519 fleet key pair
//   sign-update   a signed update manifest (JWS) for an artifact
//   publish-config, publish-update   retained desired config / manifest to a device or group
//   rollout       an update in waves, canary first, stopping on failures or silence
//   watch         device states as a live table
//   cmd           resync | restart | screenshot (saved as PNG)
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "edge/cli/command.hpp"
#include "edge/core/update/manifest.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/update/durable_fs.hpp"
#include "edge/update/file_sha256.hpp"
#include "tools/fleet/commands.hpp"

namespace {

int fail_with(const std::string& message) {
  std::fprintf(stderr, "witryna-fleet: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace witryna;
  witryna::cli::Command cli{
      "witryna-fleet: keys, signed updates, configuration, rollouts and commands for witryna "
      "appliances"};
  cli.require_subcommand(1);

  auto* keygen = cli.add_subcommand("keygen", "make an Ed25519 fleet key pair");
  std::string kid;
  std::string out_dir = ".";
  keygen->add_option("--kid", kid, "key id (kid)")->required();
  keygen->add_option("--out", out_dir, "folder for <kid>.key and <kid>.pub.pem")
      ->capture_default_str();

  auto* sign = cli.add_subcommand("sign-update", "sign an update manifest for an artifact");
  std::string key_file, id, version, url, artifact, min_version;
  std::int64_t health_timeout_s = core::kDefaultHealthTimeoutS;
  bool urgent = false;
  sign->add_option("--key", key_file, "the fleet private key (PEM)")->required();
  sign->add_option("--kid", kid, "its kid, as in the devices' keys.fleet")->required();
  sign->add_option("--id", id, "update id, e.g. upd-42")->required();
  sign->add_option("--version", version, "the artifact's version")->required();
  sign->add_option("--url", url, "https:// URL the devices download it from")->required();
  sign->add_option("--artifact", artifact, "the artifact file (for sha256 and size)")->required();
  sign->add_option("--min-version", min_version, "oldest version that may install it");
  sign->add_option("--health-timeout-s", health_timeout_s, "seconds to prove healthy")
      ->capture_default_str();
  sign->add_flag("--urgent", urgent, "install outside the maintenance window");

  // Options of every subcommand that talks to the broker.
  fleet::Common common;
  common.link.server_uri = "tcp://127.0.0.1:1883";
  std::string ca_file, cert_file, key_file_tls;
  bool tls_insecure = false;
  double timeout_s = 10;
  const auto add_broker_options = [&](witryna::cli::Command* app) {
    app->add_option("--broker", common.link.server_uri,
                    "ssl://host:8883 (mutual TLS); tcp:// only to loopback")
        ->capture_default_str();
    app->add_option("--brand", common.brand, "brand: topics are under witryna/v1/{brand}")
        ->required();
    app->add_option("--ca", ca_file, "PEM CA the broker's certificate is checked against");
    app->add_option("--cert", cert_file, "the operator's PEM client certificate");
    app->add_option("--cert-key", key_file_tls, "its PEM private key");
    app->add_flag("--tls-no-verify", tls_insecure, "do not check the broker (diagnosis only)");
    app->add_option("--client-id", common.link.client_id, "MQTT client id (default: random)");
    app->add_option("--timeout", timeout_s, "seconds for the connection and each acknowledgement")
        ->capture_default_str()
        ->check(witryna::cli::Range(0.1, 600.0));
  };
  const auto add_target = [](witryna::cli::Command* app, fleet::Target& target) {
    auto* device = app->add_option("--device", target.device, "one device");
    auto* group = app->add_option("--group", target.group, "every device of a group");
    device->excludes(group);
  };

  auto* pub_config = cli.add_subcommand("publish-config", "publish the desired configuration");
  fleet::PublishConfigArgs config_args;
  double config_wait_s = 0;
  add_broker_options(pub_config);
  add_target(pub_config, config_args.target);
  pub_config->add_option("--file", config_args.file, "partial configuration (JSON)")->required();
  pub_config->add_option("--config-ver", config_args.config_ver, "its version (> the applied one)")
      ->required();
  pub_config->add_option("--wait", config_wait_s,
                         "seconds to wait for the device to apply or refuse it (--device only)");

  auto* pub_update = cli.add_subcommand("publish-update", "publish a signed update manifest");
  fleet::PublishUpdateArgs update_args;
  add_broker_options(pub_update);
  add_target(pub_update, update_args.target);
  pub_update->add_option("--manifest", update_args.manifest, "the token from sign-update");
  pub_update->add_option("--verify-key", update_args.verify_key,
                         "fleet public key (PEM) to check the signature with first");
  pub_update->add_flag("--clear", update_args.clear, "withdraw: publish an empty retained message");

  auto* roll = cli.add_subcommand("rollout", "roll an update out in waves, canary first");
  fleet::RolloutArgs roll_args;
  std::string canary_list;
  std::int64_t silent_timeout_s = 600;
  bool no_table = false;
  add_broker_options(roll);
  roll->add_option("--manifest", roll_args.manifest, "the token from sign-update")->required();
  roll->add_option("--verify-key", roll_args.verify_key, "fleet public key (PEM) to check it with");
  auto* canary_opt = roll->add_option("--canary", canary_list, "canary devices, comma separated");
  auto* canary_group_opt = roll->add_option("--canary-group", roll_args.canary_group,
                                            "canary: the devices of this group (devices file)");
  canary_opt->excludes(canary_group_opt);
  roll->add_option("--devices", roll_args.devices,
                   "devices file (`device [group…]` per line) or a comma list")
      ->required();
  roll->add_option("--batch", roll_args.batch, "devices per wave after the canary")
      ->capture_default_str()
      ->check(witryna::cli::Range(1, 100000));
  roll->add_option("--max-failures", roll_args.max_failures,
                   "stop when failed devices pass this: a count (2) or a percentage (10%)")
      ->capture_default_str();
  roll->add_option("--max-silent", roll_args.max_silent, "stop when silent devices pass this")
      ->capture_default_str();
  roll->add_option("--silent-timeout", silent_timeout_s,
                   "seconds without a state from a device in a wave = silent")
      ->capture_default_str()
      ->check(witryna::cli::Range(1, 86400));
  roll->add_flag("--keep-published", roll_args.keep_published,
                 "on a stop, leave the manifest with devices that had not started");
  roll->add_flag("--no-table", no_table, "plain lines even on a terminal");

  auto* watch_cmd = cli.add_subcommand("watch", "device states as a live table");
  fleet::WatchArgs watch_args;
  add_broker_options(watch_cmd);
  watch_cmd->add_option("--device", watch_args.devices, "only these devices (repeatable)");
  watch_cmd->add_flag("--once", watch_args.once, "print the table of retained states and exit");

  auto* cmd = cli.add_subcommand("cmd", "send a command to a device and wait for its answer");
  fleet::CmdArgs cmd_args;
  std::int64_t cmd_wait_s = 30;
  add_broker_options(cmd);
  cmd->add_option("command", cmd_args.cmd, "resync, restart or screenshot")
      ->required()
      ->check(witryna::cli::OneOf{{"resync", "restart", "screenshot"}});
  cmd->add_option("--device", cmd_args.device, "the device")->required();
  cmd->add_option("--screen", cmd_args.screen, "screenshot: which screen, e.g. kiosk-1");
  cmd->add_option("--out", cmd_args.out, "screenshot: the PNG file to write");
  cmd->add_option("--wait", cmd_wait_s, "seconds to wait for the answer")
      ->capture_default_str()
      ->check(witryna::cli::Range(1, 3600));

  if (const auto exit = cli.parse(argc, argv)) return *exit;

  const bool talks_to_broker = pub_config->parsed() || pub_update->parsed() || roll->parsed() ||
                               watch_cmd->parsed() || cmd->parsed();
  if (talks_to_broker) {
    common.link.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(timeout_s * 1000));
    if (!ca_file.empty() || !cert_file.empty() || !key_file_tls.empty()) {
      sync::MqttTls tls;
      tls.ca_file = ca_file;
      tls.cert_file = cert_file;
      tls.key_file = key_file_tls;
      tls.verify = !tls_insecure;
      common.link.tls = tls;
    }
  }
  if (pub_config->parsed()) {
    if (config_wait_s > 0)
      config_args.wait = std::chrono::seconds(static_cast<std::int64_t>(config_wait_s));
    return fleet::publish_config(common, config_args);
  }
  if (pub_update->parsed()) return fleet::publish_update(common, update_args);
  if (roll->parsed()) {
    for (std::size_t start = 0; start <= canary_list.size();) {
      const auto comma = canary_list.find(',', start);
      const auto end = comma == std::string::npos ? canary_list.size() : comma;
      if (end > start) roll_args.canary.push_back(canary_list.substr(start, end - start));
      start = end + 1;
    }
    roll_args.silent_timeout = std::chrono::seconds(silent_timeout_s);
    roll_args.table = !no_table;
    return fleet::rollout(common, roll_args);
  }
  if (watch_cmd->parsed()) return fleet::watch(common, watch_args);
  if (cmd->parsed()) {
    cmd_args.wait = std::chrono::seconds(cmd_wait_s);
    return fleet::command(common, cmd_args);
  }

  if (keygen->parsed()) {
    auto key = crypto::Ed25519Signer::generate();
    if (!key) return fail_with(key.error().context);
    const auto priv = key->private_key_pem();
    const auto pub = key->public_key_pem();
    if (!priv || !pub) return fail_with("cannot export the key");
    const std::filesystem::path dir(out_dir);
    if (std::filesystem::exists(dir / (kid + ".key")))
      return fail_with((dir / (kid + ".key")).string() + " exists; not overwriting a key");
    if (auto w = update::write_file_atomically(dir / (kid + ".key"), *priv, 0600); !w)
      return fail_with(w.error().context);
    if (auto w = update::write_file_atomically(dir / (kid + ".pub.pem"), *pub, 0644); !w)
      return fail_with(w.error().context);
    std::printf("%s\n%s\n", (dir / (kid + ".key")).c_str(), (dir / (kid + ".pub.pem")).c_str());
    return 0;
  }

  auto key = crypto::Ed25519Signer::from_pem_file(key_file);
  if (!key) return fail_with(key.error().context);
  auto digest = update::file_sha256_hex(artifact);
  if (!digest) return fail_with(digest.error().context);
  nlohmann::json claims = {
      {"typ", "update"},
      {"id", id},
      {"version", version},
      {"iat", std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count()},
      {"artifact",
       {{"url", url},
        {"sha256", *digest},
        {"size", static_cast<std::int64_t>(std::filesystem::file_size(artifact))}}},
      {"health_timeout_s", health_timeout_s}};
  if (!min_version.empty()) claims["min_version"] = min_version;
  if (urgent) claims["urgent"] = true;
  // The devices' own checks, so that an operator's typo fails here, not in the field.
  if (auto checked = core::parse_update_claims(claims); !checked)
    return fail_with(checked.error().context);
  auto token = crypto::make_eddsa_jws(*key, kid, claims.dump());
  if (!token) return fail_with(token.error().context);
  std::printf("%s\n", token->c_str());
  return 0;
}
