// witryna-updater end to end, in a temporary root: a stand-in service manager
// (fake_systemd.py) runs the release `current` points at, a Beast HTTPS
// server serves the artifacts, manifests are signed with real Ed25519 keys.
// No broker anywhere: an update must commit with the link to central down.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "edge/crypto/ed25519_signer.hpp"
#include "edge/crypto/jws_sign.hpp"
#include "edge/crypto/sha256.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/tls_certs.hpp"
#include "tests/support/wait.hpp"
#include "tests/update/test_file_server.hpp"

namespace witryna::test {
namespace updater_test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr const char* kUpdaterExe = WITRYNA_UPDATER_EXE;
constexpr const char* kTestDir = WITRYNA_UPDATE_TEST_DIR;
constexpr int kWatchdogUsec = 300'000;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

crypto::Ed25519Signer new_signer() {
  auto signer = crypto::Ed25519Signer::generate();
  EXPECT_TRUE(signer);
  return std::move(*signer);
}

class UpdaterWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root() / "releases");
    fs::create_directories(tmp_ / "sm");
    make_release_dir(root() / "releases" / "1.4.2", "good");
    fs::create_directory_symlink("releases/1.4.2", root() / "current");
    write_text(tmp_ / "systemctl", "#!/bin/sh\nexec /usr/bin/python3 " + std::string(kTestDir) +
                                       "/fake_systemd.py ctl " + (tmp_ / "sm").string() +
                                       " \"$@\"\n");
    fs::permissions(tmp_ / "systemctl", fs::perms::owner_all);
    auto sm = ChildProcess::spawn(
        {"/usr/bin/python3", std::string(kTestDir) + "/fake_systemd.py", "daemon",
         (tmp_ / "sm").string(), root().string(), std::to_string(kWatchdogUsec)},
        tmp_ / "sm.log");
    ASSERT_TRUE(sm);
    systemd_.emplace(std::move(*sm));
    ASSERT_TRUE(wait_until([&] { return show()["ActiveState"] == "active"; }));
  }

  void TearDown() override {
    if (HasFailure() && updater_) std::cerr << "updater running: " << updater_->running() << "\n";
    updater_.reset();
    if (systemd_) {
      systemd_->signal(SIGTERM);
      (void)systemd_->wait_for(5s);
    }
    if (HasFailure()) {
      std::cerr << "--- updater log\n"
                << read_text(tmp_ / "updater.log") << "--- sm log\n"
                << read_text(tmp_ / "sm.log") << "--- journal\n"
                << read_text(root() / "updater" / "journal.json") << "--- spool:";
      for (const auto& e : fs::directory_iterator(tmp_ / "spool"))
        std::cerr << " " << e.path().filename();
      std::cerr << "\n";
    }
  }

  fs::path root() const { return tmp_ / "root"; }

  void make_release_dir(const fs::path& dir, const std::string& behaviour) {
    fs::create_directories(dir / "bin");
    fs::copy_file(fs::path(kTestDir) / "fake_edge.py", dir / "bin" / "witryna-edge");
    write_text(dir / "behaviour", behaviour + "\n");
  }

  // The update artifact: a tar of the release folder's contents.
  // `pad` bytes of filler make it span several durable download chunks.
  std::string artifact(const std::string& version, const std::string& behaviour,
                       std::size_t pad = 0) {
    const auto dir = tmp_ / ("build-" + version);
    fs::remove_all(dir);
    make_release_dir(dir, behaviour);
    if (pad > 0) {
      std::string filler(pad, '\0');
      for (std::size_t i = 0; i < pad; ++i)
        filler[i] = static_cast<char>((i * 7919) >> 3);
      write_text(dir / "filler.bin", filler);
    }
    const auto tar = tmp_ / ("witryna-" + version + ".tar");
    auto packed = ChildProcess::spawn({"/bin/tar", "-cf", tar.string(), "-C", dir.string(), "."});
    EXPECT_TRUE(packed);
    EXPECT_EQ(packed->wait_for(10s), 0);
    return read_text(tar);
  }

  // Serves an artifact and returns a manifest for it, signed by fleet-a.
  std::string publish(const std::string& version, const std::string& behaviour,
                      nlohmann::json extra = nlohmann::json::object(), std::size_t pad = 0) {
    const auto bytes = artifact(version, behaviour, pad);
    const auto path = "/witryna-" + version + ".tar";
    server_->put(path, bytes);
    nlohmann::json claims = {{"typ", "update"},
                             {"id", "upd-" + version},
                             {"version", version},
                             {"iat", 1795000000},
                             {"artifact",
                              {{"url", server_->url(path)},
                               {"sha256", crypto::sha256_hex(bytes)},
                               {"size", bytes.size()}}},
                             {"min_version", "1.3.0"},
                             {"health_timeout_s", 5}};
    if (extra.is_object()) claims.merge_patch(extra);
    return sign(claims);
  }

  std::string sign(const nlohmann::json& claims, const crypto::Ed25519Signer* signer = nullptr,
                   const std::string& kid = "fleet-a") {
    auto token = crypto::make_eddsa_jws(signer ? *signer : fleet_a_, kid, claims.dump());
    EXPECT_TRUE(token);
    return *token;
  }

  void start_updater(const std::string& fault_at = "") {
    write_text(tmp_ / "witryna.toml",
               "[device]\nid = \"PL-WAW-001-edge1\"\nbrand = \"acme\"\nstore = \"PL-WAW-001\"\n"
               "timezone = \"UTC\"\n[storage]\nstate_dir = \"" +
                   (tmp_ / "state").string() + "\"\n[keys.fleet]\nfleet-a = \"" +
                   *fleet_a_.public_key_hex() + "\"\nfleet-b = \"" + *fleet_b_.public_key_hex() +
                   "\"\n[update]\nwindow = \"" + window_ + "\"\n");
    std::vector<std::string> argv = {kUpdaterExe,
                                     "--config",
                                     (tmp_ / "witryna.toml").string(),
                                     "--root",
                                     root().string(),
                                     "--spool",
                                     (tmp_ / "spool").string(),
                                     "--systemctl",
                                     (tmp_ / "systemctl").string(),
                                     "--ca-file",
                                     certs_.ca_file().string(),
                                     "--poll-ms",
                                     "20"};
    if (!fault_at.empty()) argv.insert(argv.end(), {"--fault-at", fault_at});
    auto child = ChildProcess::spawn(argv, tmp_ / "updater.log");
    ASSERT_TRUE(child);
    updater_.emplace(std::move(*child));
  }

  void submit(const std::string& token) {
    fs::create_directories(tmp_ / "spool");
    write_text(tmp_ / "spool" / "inbox.jws.tmp", token);
    fs::rename(tmp_ / "spool" / "inbox.jws.tmp", tmp_ / "spool" / "inbox.jws");
  }

  nlohmann::json status() const {
    auto parsed = nlohmann::json::parse(read_text(tmp_ / "spool" / "status.json"), nullptr, false);
    return parsed.is_object() ? parsed : nlohmann::json::object();
  }

  [[nodiscard]] bool wait_status(const std::string& id, const std::string& state,
                                 std::chrono::milliseconds deadline = 20s) const {
    return wait_until(
        [&] {
          const auto s = status();
          return s.is_object() && s.value("id", "") == id && s.value("state", "") == state;
        },
        deadline);
  }

  std::map<std::string, std::string> show() const {
    std::map<std::string, std::string> fields;
    std::istringstream in(read_text(tmp_ / "sm" / "show"));
    for (std::string line; std::getline(in, line);) {
      const auto eq = line.find('=');
      if (eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return fields;
  }

  // The invariant of fleet.md: `current` names a complete release.
  void expect_current_complete() const {
    const auto target = fs::read_symlink(root() / "current");
    EXPECT_TRUE(fs::exists(root() / target / "bin" / "witryna-edge")) << target;
    EXPECT_TRUE(fs::exists(root() / target / "behaviour")) << target;
  }

  [[nodiscard]] bool runs(const std::string& version) const {
    return wait_until([&] {
      auto s = show();
      return s["X-Release"] == version && s["ActiveState"] == "active";
    });
  }

  TempDir tmp_;
  TlsCerts certs_;
  TestFileServer server_{certs_.server()};
  crypto::Ed25519Signer fleet_a_ = new_signer();
  crypto::Ed25519Signer fleet_b_ = new_signer();
  std::string window_ = "00:00-23:59";
  std::optional<ChildProcess> systemd_;
  std::optional<ChildProcess> updater_;
};

TEST_F(UpdaterWorld, GoodUpdateCommitsWithoutAnyBroker) {
  start_updater();
  submit(publish("1.5.0", "good"));
  ASSERT_TRUE(wait_status("upd-1.5.0", "committed")) << status().dump();
  EXPECT_EQ(fs::read_symlink(root() / "current"), fs::path("releases/1.5.0"));
  EXPECT_EQ(fs::read_symlink(root() / "committed"), fs::path("releases/1.5.0"));
  EXPECT_TRUE(runs("1.5.0"));
  EXPECT_EQ(status().value("version", ""), "1.5.0");
  // The retained manifest comes again on every reconnect: nothing happens.
  submit(publish("1.5.0", "good"));
  ASSERT_TRUE(wait_until([&] { return !fs::exists(tmp_ / "spool" / "inbox.jws"); }));
  EXPECT_EQ(status().value("state", ""), "committed");
}

TEST_F(UpdaterWorld, ManifestSignedByAnotherTrustedFleetKeyIsAccepted) {
  start_updater();
  const auto bytes = artifact("1.5.1", "good");
  server_->put("/b.tar", bytes);
  const nlohmann::json claims = {{"typ", "update"},
                                 {"id", "upd-b"},
                                 {"version", "1.5.1"},
                                 {"artifact",
                                  {{"url", server_->url("/b.tar")},
                                   {"sha256", crypto::sha256_hex(bytes)},
                                   {"size", bytes.size()}}},
                                 {"health_timeout_s", 5}};
  submit(sign(claims, &fleet_b_, "fleet-b"));
  ASSERT_TRUE(wait_status("upd-b", "committed")) << status().dump();
}

TEST_F(UpdaterWorld, CrashingVersionRollsBackByItself) {
  start_updater();
  submit(publish("1.5.0", "crash"));
  ASSERT_TRUE(wait_status("upd-1.5.0", "rolled_back")) << status().dump();
  EXPECT_EQ(fs::read_symlink(root() / "current"), fs::path("releases/1.4.2"));
  EXPECT_TRUE(runs("1.4.2"));
  EXPECT_NE(status().value("detail", "").find("unhealthy"), std::string::npos) << status().dump();
}

TEST_F(UpdaterWorld, HangingVersionWithoutWatchdogRollsBack) {
  start_updater();
  submit(publish("1.5.0", "hang"));
  ASSERT_TRUE(wait_status("upd-1.5.0", "rolled_back")) << status().dump();
  EXPECT_EQ(fs::read_symlink(root() / "current"), fs::path("releases/1.4.2"));
  EXPECT_TRUE(runs("1.4.2"));
}

TEST_F(UpdaterWorld, RefusalsSayWhyAndChangeNothing) {
  start_updater();
  const auto rogue = new_signer();
  const auto good = publish("1.5.0", "good");
  auto tampered = good;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  auto claims_for = [&](const std::string& version, nlohmann::json extra) {
    const auto bytes = artifact(version, "good");
    server_->put("/v-" + version, bytes);
    nlohmann::json c = {{"typ", "update"},
                        {"id", "upd-r-" + version},
                        {"version", version},
                        {"artifact",
                         {{"url", server_->url("/v-" + version)},
                          {"sha256", crypto::sha256_hex(bytes)},
                          {"size", bytes.size()}}},
                        {"health_timeout_s", 5}};
    if (extra.is_object()) c.merge_patch(extra);
    return c;
  };
  struct Case {
    std::string token;
    std::string id;
    std::string reason;
  } cases[] = {
      {tampered, "", "bad_signature"},
      {sign(claims_for("1.6.0", {}), &rogue, "fleet-rogue"), "", "unknown_key"},
      {sign(claims_for("1.6.1", {}), &rogue, "fleet-a"), "", "bad_signature"},
      {sign(claims_for("1.4.0", {})), "upd-r-1.4.0", "not_newer"},
      {sign(claims_for("1.4.2", {})), "upd-r-1.4.2", "not_newer"},
      {sign(claims_for("1.7.0", {{"min_version", "1.5.0"}})), "upd-r-1.7.0", "min_version"},
      {sign(claims_for("1.8.0", {{"artifact", {{"sha256", std::string(64, 'a')}}}})), "upd-r-1.8.0",
       "sha256_mismatch"},
      {sign(claims_for("1.9.0", {{"artifact", {{"size", 100}}}})), "upd-r-1.9.0", "size_mismatch"},
      {sign(claims_for("1.9.1", {{"typ", "app"}})), "", "malformed"},
  };
  for (const auto& c : cases) {
    submit(c.token);
    ASSERT_TRUE(wait_until([&] {
      const auto s = status();
      return s.value("state", "") == "failed" && s.value("id", "") == c.id &&
             s.value("detail", "").rfind(c.reason, 0) == 0;
    })) << c.reason
        << ": " << status().dump();
    EXPECT_EQ(fs::read_symlink(root() / "current"), fs::path("releases/1.4.2")) << c.reason;
  }
  EXPECT_TRUE(runs("1.4.2"));
  EXPECT_EQ(show()["X-Restart-Requests"], "0");  // the updater never restarted it
}

TEST_F(UpdaterWorld, WaitsForTheMaintenanceWindowUnlessUrgent) {
  window_ = "03:00-03:01";  // UTC; the test does not run at 03:00
  const auto now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  if (utc.tm_hour == 3 && utc.tm_min == 0) GTEST_SKIP() << "runs inside the test window";
  start_updater();
  submit(publish("1.5.0", "good"));
  ASSERT_TRUE(wait_until([&] {
    return status().value("detail", "").find("waiting for the maintenance window") !=
           std::string::npos;
  })) << status().dump();
  EXPECT_EQ(status().value("state", ""), "installing");
  EXPECT_EQ(fs::read_symlink(root() / "current"), fs::path("releases/1.4.2"));
  submit(publish("1.5.1", "good", {{"urgent", true}}));
  ASSERT_TRUE(wait_status("upd-1.5.1", "committed")) << status().dump();
}

// kill -9 at every step, then a normal start: the device runs the old or the
// new version at every instant, and the update completes.
class UpdaterKilled : public UpdaterWorld, public ::testing::WithParamInterface<const char*> {};

TEST_P(UpdaterKilled, ResumesAndCommits) {
  const std::string point = GetParam();
  const bool crash = point == "rolling_back";
  start_updater(point);
  // Big enough for several durable chunks (256 KiB each).
  const auto token =
      publish("1.5.0", crash ? "crash" : "good", nlohmann::json::object(), 900 * 1024);
  submit(token);
  ASSERT_EQ(updater_->wait_for(20s).value_or(-1) & 0x7f, SIGKILL) << point;
  expect_current_complete();
  // Killed before the switch: the old version still runs; after it: the new
  // one runs (or, the crashing one, is being restarted by the service manager).
  if (!crash) {
    EXPECT_TRUE(wait_until([&] { return show()["ActiveState"] == "active"; }));
  }
  start_updater();
  ASSERT_TRUE(wait_status("upd-1.5.0", crash ? "rolled_back" : "committed")) << status().dump();
  expect_current_complete();
  EXPECT_TRUE(runs(crash ? "1.4.2" : "1.5.0"));
  if (point == "download") {
    // The second attempt asked only for the rest.
    const auto ranges = server_.ranges();
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_EQ(ranges[0], "");
    EXPECT_EQ(ranges[1].rfind("bytes=", 0), 0u) << ranges[1];
    EXPECT_NE(ranges[1], "bytes=0-");
  }
}

INSTANTIATE_TEST_SUITE_P(EveryStep, UpdaterKilled,
                         ::testing::Values("download", "downloaded", "unpacked", "installed",
                                           "trial_marked", "switched", "restarted",
                                           "committed_link", "rolling_back"));

}  // namespace
}  // namespace updater_test
}  // namespace witryna::test
