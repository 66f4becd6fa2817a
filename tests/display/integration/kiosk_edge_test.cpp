// End to end with the edge: a small generated store (witryna-datagen's
// generator → witryna-import's importer) served by the real witryna-edge, the
// real witryna-display kiosk on a private Xvfb, and a card "scanned" at the
// kiosk's simulated scanner with witryna-scan. The kiosk must draw the
// customer view: its frame log names the view it put on screen, and the PNG
// of that frame differs from the idle one it replaced.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "display/app/local_clock.hpp"
#include "edge/store/store.hpp"
#include "tests/display/integration/png_check.hpp"
#include "tests/display/integration/x_server.hpp"
#include "tests/support/temp_dir.hpp"
#include "tools/datagen/generator.hpp"
#include "tools/import/importer.hpp"

namespace witryna::test {
namespace kiosk_edge_test {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A PNG the display wrote with --view-shots for a view in `mode` with a rev of
// at least `min_rev` (rev 0 is the neutral view before the edge answered).
std::optional<std::filesystem::path> view_shot(const std::filesystem::path& dir,
                                               const std::string& mode, long min_rev) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const std::string suffix = "-" + mode + ".png";
    if (name.rfind("view-", 0) != 0 || name.size() <= suffix.size() + 5 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const long rev = std::strtol(name.c_str() + 5, nullptr, 10);
    if (rev >= min_rev) return e.path();
  }
  return std::nullopt;
}

// Frames the display reports: "<presented_ns> <started_ns> <rev> <mode> new|same <received_ns>".
struct Frame {
  long long presented_ns = 0;
  long long rev = 0;
  std::string mode;
  bool is_new = false;
};

std::vector<Frame> frames(const std::filesystem::path& log) {
  std::vector<Frame> out;
  std::istringstream in(slurp(log));
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Frame frame;
    long long started = 0;
    std::string kind;
    if (f >> frame.presented_ns >> started >> frame.rev >> frame.mode >> kind) {
      frame.is_new = kind == "new";
      out.push_back(frame);
    }
  }
  return out;
}

class KioskWithEdge : public ::testing::Test {
 protected:
  ~KioskWithEdge() override {
    if (HasFailure()) {
      std::cerr << "witryna-edge said:\n" << slurp(dir / "edge.log") << "\n";
      std::cerr << "witryna-display said:\n" << slurp(dir / "display.log") << "\n";
      std::cerr << "witryna-scan said:\n" << slurp(dir / "scan.log") << "\n";
    }
  }

  // A small brand through the product's own paths; returns the card to scan.
  std::string make_store() {
    datagen::Options o;
    o.customers = 20;
    o.products = 60;
    o.offers = 4;
    o.reservations = 2;
    o.codes = 2;
    o.nearby_stores = 1;
    o.now = display::system_now();
    o.out_dir = dir / "brand";
    EXPECT_TRUE(datagen::generate(o));
    auto db = store::open_store(dir / "state" / "witryna.db");
    EXPECT_TRUE(db);
    if (!db) return {};
    EXPECT_TRUE(tools::import::import_folder(*db, o.out_dir, o.now));
    const auto demo = nlohmann::json::parse(slurp(o.out_dir / "demo.json"), nullptr, false);
    return demo.is_discarded() ? std::string()
                               : demo["customer_full_consent"].value("card", std::string());
  }

  void write_config() {
    std::ofstream(dir / "edge.toml")
        << "[device]\nid = \"PL-WAW-001-edge1\"\nbrand = \"acme\"\nstore = \"PL-WAW-001\"\n\n"
        << "[storage]\nstate_dir = \"" << (dir / "state").string() << "\"\ndb_path = \""
        << (dir / "state" / "witryna.db").string() << "\"\n\n[screen_api]\nsocket = \""
        << (dir / "screen.sock").string() << "\"\nsocket_group = \"\"\n\n"
        << "[[screens.list]]\nid = \"kiosk-1\"\nrole = \"kiosk\"\n\n"
        << "[scanners.kiosk-1-sim]\nkind = \"sim\"\npath = \"" << fifo().string()
        << "\"\nscreen = \"kiosk-1\"\n";
  }

  [[nodiscard]] std::filesystem::path fifo() const { return dir / "scan-kiosk-1.fifo"; }

  XServer x;
  TempDir dir;
};

TEST_F(KioskWithEdge, AScanAtTheSimulatedScannerAppearsOnTheKiosk) {
  ASSERT_TRUE(x.ok());
  std::filesystem::create_directories(dir / "state");
  std::filesystem::create_directories(dir / "shots");
  const std::string card = make_store();
  ASSERT_FALSE(card.empty());
  write_config();

  Child edge({WITRYNA_EDGE_EXE, "--config", (dir / "edge.toml").string()}, {},
             (dir / "edge.log").string());
  ASSERT_TRUE(edge.started());
  // A small kiosk window (portrait, as on the shop floor) keeps software GL quick.
  Child kiosk({WITRYNA_DISPLAY_EXE,
               "--socket",
               (dir / "screen.sock").string(),
               "--screen",
               "kiosk-1",
               "--role",
               "kiosk",
               "--windowed",
               "--width",
               "540",
               "--height",
               "960",
               "--language",
               "en",
               "--attract-s",
               "600",
               "--view-shots",
               (dir / "shots").string(),
               "--frame-log",
               (dir / "frames.log").string()},
              {"DISPLAY=" + x.display()}, (dir / "display.log").string());
  ASSERT_TRUE(kiosk.started());

  // The edge's idle view on screen first.
  std::optional<std::filesystem::path> idle;
  ASSERT_TRUE(wait_until(
      [&] {
        idle = view_shot(dir / "shots", "idle", 1);
        return idle.has_value() || !edge.running() || !kiosk.running();
      },
      std::chrono::seconds(30)));
  ASSERT_TRUE(idle) << "no idle view drawn";
  long idle_rev = std::strtol(idle->filename().c_str() + 5, nullptr, 10);

  // The card, as a scanner at the kiosk reads it: witryna-scan writes the
  // FIFO the edge's simulated scanner reads (retried until the edge opened it).
  ASSERT_TRUE(wait_until(
      [&] {
        Child scan({WITRYNA_SCAN_EXE, "--fifo", fifo().string(), card}, {},
                   (dir / "scan.log").string());
        return scan.wait(std::chrono::seconds(5)) == 0;
      },
      std::chrono::seconds(20)));

  std::optional<std::filesystem::path> customer;
  ASSERT_TRUE(wait_until(
      [&] {
        customer = view_shot(dir / "shots", "customer", idle_rev + 1);
        return customer.has_value() || !kiosk.running();
      },
      std::chrono::seconds(30)));
  ASSERT_TRUE(customer) << "the scan never reached the kiosk's screen";

  // The display says it put a customer view on screen, after the idle one.
  bool idle_seen = false;
  bool customer_after_idle = false;
  for (const auto& f : frames(dir / "frames.log")) {
    if (f.is_new && f.mode == "idle" && f.rev >= 1) idle_seen = true;
    if (f.is_new && f.mode == "customer" && idle_seen && f.rev > idle_rev)
      customer_after_idle = true;
  }
  EXPECT_TRUE(customer_after_idle);

  // And the pixels changed: the attract slide gave way to the customer's screen.
  const Pixels before = load_png(*idle);
  const Pixels after = load_png(*customer);
  ASSERT_EQ(before.width, 540);
  ASSERT_EQ(before.height, 960);
  ASSERT_EQ(after.width, before.width);
  ASSERT_EQ(after.height, before.height);
  EXPECT_GT(distinct_colours(after), 50u);  // a drawn screen, not a blank one
  EXPECT_GT(mean_difference(before, after, Region{0, 0, after.width, after.height}), 5.0);
  const std::filesystem::path kept = WITRYNA_SCREENSHOT_DIR;
  std::filesystem::create_directories(kept);
  std::filesystem::copy_file(*idle, kept / "e2e-kiosk-idle.png",
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(*customer, kept / "e2e-kiosk-customer.png",
                             std::filesystem::copy_options::overwrite_existing);

  kiosk.signal(SIGTERM);
  EXPECT_EQ(kiosk.wait(std::chrono::seconds(10)), 0);
  edge.signal(SIGTERM);
  EXPECT_EQ(edge.wait(std::chrono::seconds(10)), 0);
}

}  // namespace
}  // namespace kiosk_edge_test
}  // namespace witryna::test
