// The built witryna-edge binary on a temp configuration: kill -9 at random
// moments during a stream of redemptions, a sim scanner's scans reaching
// their screen.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "edge/core/codes/app_code.hpp"
#include "edge/crypto/sha256.hpp"
#include "edge/store/outbox.hpp"
#include "edge/store/redemptions.hpp"
#include "edge/store/store.hpp"
#include "tests/app/app_world.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/wait.hpp"

namespace witryna::app::test {
namespace edge_binary_test {
namespace {

#ifndef WITRYNA_EDGE_BIN
#define WITRYNA_EDGE_BIN "witryna-edge"
#endif
#ifndef WITRYNA_SCAN_BIN
#define WITRYNA_SCAN_BIN "witryna-scan"
#endif

std::string binary(const char* relative, const char* fallback) {
  if (const char* dir = std::getenv("WITRYNA_BINARY_DIR")) {
    auto p = std::filesystem::path(dir) / relative;
    if (std::filesystem::exists(p)) return p.string();
  }
  return fallback;
}

class EdgeBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_ / "edge.toml")
        << "[device]\nid = \"PL-WAW-001-edge1\"\nbrand = \"acme\"\n"
        << "store = \"PL-WAW-001\"\n\n[storage]\nstate_dir = \"" << (dir_ / "state").string()
        << "\"\ndb_path = \"" << db_path().string() << "\"\n\n[screen_api]\nsocket = \""
        << socket().string() << "\"\nsocket_group = \"\"\n\n"
        << "[[screens.list]]\nid = \"checkout-1\"\nrole = "
           "\"checkout\"\ntill = \"T1\"\n\n"
        << "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n\n"
        << "[scanners.kiosk-1-sim]\nkind = \"sim\"\npath = \"" << fifo().string()
        << "\"\nscreen = \"kiosk-1\"\n";
    std::filesystem::create_directories(dir_ / "state");
  }

  std::filesystem::path db_path() const { return dir_ / "state" / "witryna.db"; }
  std::filesystem::path socket() const { return dir_ / "screen.sock"; }
  std::filesystem::path fifo() const { return dir_ / "scan-kiosk-1"; }

  witryna::test::ChildProcess spawn() {
    return must(witryna::test::ChildProcess::spawn({binary("edge/witryna-edge", WITRYNA_EDGE_BIN),
                                                    "--config", (dir_ / "edge.toml").string()},
                                                   dir_ / "edge.log"),
                "spawn witryna-edge");
  }

  // A screen attached to the running service (retries while it starts).
  std::unique_ptr<Screen> attach(const std::string& id, const std::string& role,
                                 std::optional<std::string> till) {
    std::unique_ptr<Screen> s;
    const bool ok = witryna::test::wait_until(
        [&] {
          s = std::make_unique<Screen>(socket());
          return s->hello(id, role, till);
        },
        std::chrono::seconds(10));
    return ok ? std::move(s) : nullptr;
  }

  witryna::test::TempDir dir_;
};

TEST_F(EdgeBinaryTest, KillNineDuringRedemptionsLosesNoConfirmedRedemptionAndRedeemsNothingTwice) {
  constexpr int kCodes = 100;
  std::vector<std::string> typed;
  std::map<std::string, std::string> hash_of;
  {
    auto db = must(store::open_store(db_path()), "open_store");
    seed(db);
    json items = json::array();
    for (int i = 0; i < kCodes; ++i) {
      char data[9];
      std::snprintf(data, sizeof data, "K%07d", i);
      const auto code = must(core::make_app_code(data));
      typed.push_back(core::format_app_code(code));
      hash_of[typed.back()] = crypto::sha256_hex(code);
      items.push_back({{"code_hash", crypto::sha256_hex(code)},
                       {"benefit", {{"type", "amount"}, {"value", 500}, {"currency", "PLN"}}},
                       {"customer", "C-000123"},
                       {"reason", "crash"},
                       {"valid_to", iso_from_now(std::chrono::hours(24))},
                       {"max_uses", 1},
                       {"scope", "store"},
                       {"ver", 1}});
    }
    must(store::apply_message(db, core::Stream::kCodes, store::ApplyContext::live(2, now_ms()),
                              items),
         "codes");
  }

  std::mt19937 random(12345);
  std::set<std::string> confirmed;  // hashes a screen saw confirmed
  std::size_t next = 0;
  int unseen = 0;  // redeemed, but the screen never saw the confirmation
  int kills = 0;
  while (next < typed.size() && kills < 10) {
    auto child = spawn();
    auto till = attach("checkout-1", "checkout", "T1");
    ASSERT_TRUE(till) << "witryna-edge did not come up";
    // The killer: SIGKILL after a random delay, whatever the service is doing.
    std::atomic<bool> killed = false;
    const auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 90)(random));
    const pid_t pid = child.pid();
    std::thread killer([&, pid, delay] {
      std::this_thread::sleep_for(delay);  // the random moment itself, not a wait for a state
      ::kill(pid, SIGKILL);
      killed = true;
    });
    while (next < typed.size()) {
      const auto& code = typed[next];
      auto entered = till->act("code.enter", {{"code", code}});
      if (entered.value("error", "") == "no result" || entered.value("error", "") == "send failed")
        break;
      if (entered["ok"] != true) {
        // Redeemed before the crash but the confirmation never reached the screen.
        ASSERT_EQ(entered["error"], "already_used") << entered.dump();
        ++unseen;
        ++next;
        continue;
      }
      auto v = till->view_until([](const json& x) {
        return x["mode"] == "code" && x["code"]["status"] == "ok" && x["code"]["redeemed"] == false;
      });
      if (!v) break;
      auto r = till->act("redeem.confirm", {{"ticket", (*v)["code"]["ticket"]}});
      if (r["ok"] == true) {
        confirmed.insert(hash_of[code]);
        ++next;
      } else if (r.value("error", "") == "already_used") {
        ++unseen;
        ++next;
      } else {
        break;  // the service died under us
      }
    }
    killer.join();
    ASSERT_TRUE(child.wait_for(std::chrono::seconds(5)).has_value());
    if (killed) ++kills;
  }
  ASSERT_GT(confirmed.size(), 0u);

  auto db = must(store::open_store(db_path()), "reopen");
  std::map<std::string, int> redeemed_events;
  for (const auto& e : must(store::pending_events(db, 0, 100000))) {
    auto j = json::parse(e.json);
    if (j["type"] == "code.redeemed") ++redeemed_events[j["code_hash"].get<std::string>()];
  }
  const std::size_t with_event = redeemed_events.size();
  for (const auto& hash : confirmed) {
    EXPECT_EQ(redeemed_events[hash], 1) << "a confirmed redemption lost its event";
  }
  for (const auto& [code, hash] : hash_of) {
    const auto uses = must(store::redemption_uses(db, hash));
    EXPECT_LE(uses, 1) << "redeemed twice";
    EXPECT_EQ(uses, redeemed_events[hash]) << "redemption and event disagree";
  }
  std::printf("kills: %d, confirmed: %zu, unseen: %d, redeemed: %zu\n", kills, confirmed.size(),
              unseen, with_event);
}

TEST_F(EdgeBinaryTest, SimScannerScanGoesToItsScreen) {
  {
    auto db = must(store::open_store(db_path()), "open_store");
    seed(db);
  }
  auto child = spawn();
  auto kiosk = attach("kiosk-1", "kiosk", std::nullopt);
  ASSERT_TRUE(kiosk);
  // witryna-scan writes to the scanner's FIFO as a person with a scanner would.
  const auto scan_cli = binary("tools/scan/witryna-scan", WITRYNA_SCAN_BIN);
  bool sent = witryna::test::wait_until([&] {
    auto p = witryna::test::ChildProcess::spawn({scan_cli, "--fifo", fifo().string(), kAnnaCard});
    if (!p) return false;
    auto status = p->wait_for(std::chrono::seconds(5));
    return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
  });
  ASSERT_TRUE(sent);
  auto v = kiosk->view_mode("customer");
  ASSERT_TRUE(v);
  EXPECT_EQ((*v)["customer"]["id"], "C-000123");
  child.signal(SIGTERM);
  auto status = child.wait_for(std::chrono::seconds(5));
  ASSERT_TRUE(status);
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
}

}  // namespace
}  // namespace edge_binary_test
}  // namespace witryna::app::test
