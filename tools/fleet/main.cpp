// witryna-fleet: the fleet operator's CLI.
//
//   witryna-fleet keygen --kid fleet-2026 --out DIR
//       DIR/<kid>.key (private, 0600: keep it off the devices) and
//       DIR/<kid>.pub.pem (goes into every device's keys.fleet).
//   witryna-fleet sign-update --key DIR/<kid>.key --kid <kid> --id upd-42 --version 1.5.0
//                 --url https://… --artifact witryna-1.5.0-amd64.tar [--min-version 1.3.0]
//                 [--health-timeout-s 120] [--urgent]
//       Prints the signed manifest (fleet.md) to publish, retained, on
//       …/device/{device}/update or …/group/{group}/update.
//
// UNFINISHED: publishing, watching device states and waves (canary group,
// failure threshold) are not implemented; publish the token with e.g.
//   mosquitto_pub -r -q 1 -t witryna/v1/acme/group/pl-waw/update -m "$(witryna-fleet sign-update
//   …)"
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "edge/core/update/manifest.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/update/durable_fs.hpp"
#include "edge/update/file_sha256.hpp"

namespace {

int fail_with(const std::string& message) {
  std::fprintf(stderr, "witryna-fleet: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace witryna;
  CLI::App cli{"witryna-fleet: keys and signed update manifests for witryna appliances"};
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

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
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
