#include "tools/fleet/core/device_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace witryna::fleet {
namespace device_table_test {
namespace {

using std::chrono::seconds;

const TimePoint kT0 = from_unix_seconds(1'795'000'000);

DeviceReport parsed(const char* payload) {
  auto r = parse_device_report(payload);
  EXPECT_TRUE(r) << payload;
  return r ? *r : DeviceReport{};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ProgressCell, ShowsEachUpdateState) {
  struct Case {
    const char* payload;
    const char* cell;
  };
  const Case cases[] = {
      {R"({"device":"d"})", "-"},
      {R"({"device":"d","update":{"id":"u","state":"downloading","detail":"50%"}})",
       "downloading [#####     ] 50%"},
      {R"({"device":"d","update":{"id":"u","state":"downloading","detail":"100%"}})",
       "downloading [##########] 100%"},
      {R"({"device":"d","update":{"id":"u","state":"verifying","detail":""}})", "verifying"},
      {R"({"device":"d","update":{"id":"u","state":"committed","detail":"ok"}})", "committed"},
      {R"({"device":"d","update":{"id":"u","state":"rolled_back","detail":"unhealthy"}})",
       "rolled_back: unhealthy"},
      {R"({"device":"d","update":{"id":"u","state":"failed","detail":"sha256_mismatch"}})",
       "failed: sha256_mismatch"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(progress_cell(parsed(c.payload)), c.cell) << c.payload;
}

TEST(DeviceTable, RowsAlignedSortedAndSummed) {
  DeviceTable table;
  table.upsert(parsed(R"({"device":"b-2","store":"S1","status":"online","version":"1.5.0",
    "config_ver":8,"update":{"id":"upd-42","state":"committed","detail":""}})"),
               kT0);
  table.upsert(parsed(R"({"device":"a-1","store":"S1","status":"online","version":"1.4.2",
    "config_ver":7,"config_error":{"config_ver":8,"error":"bad value"},
    "update":{"id":"upd-42","state":"downloading","detail":"30%"}})"),
               kT0 + seconds(2));
  const auto lines = render_table(table, kT0 + seconds(5));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[0].starts_with("DEVICE"));
  EXPECT_TRUE(lines[1].starts_with("a-1"));
  EXPECT_TRUE(lines[2].starts_with("b-2"));
  EXPECT_EQ(lines[0].find("PROGRESS"), lines[1].find("downloading"));
  EXPECT_EQ(lines[1].find("upd-42"), lines[2].find("upd-42"));
  EXPECT_TRUE(contains(lines[1], "7 (v8 refused: bad value)"));
  EXPECT_TRUE(contains(lines[1], "3s ago"));
  EXPECT_TRUE(contains(lines[2], "5s ago"));
  EXPECT_EQ(lines[3], "2 devices: 2 online, 0 offline | update: 1 committed, 1 downloading");
}

TEST(DeviceTable, TheWillMarksOfflineAndKeepsTheRest) {
  DeviceTable table;
  table.upsert(parsed(R"({"device":"d","store":"S","status":"online","version":"1.4.2",
    "update":{"id":"u","state":"trial","detail":""}})"),
               kT0);
  table.upsert(parsed(R"({"device":"d","store":"S","status":"offline"})"), kT0 + seconds(1));
  const auto* row = table.find("d");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->report.state.status, "offline");
  EXPECT_EQ(row->report.state.version, "1.4.2");
  EXPECT_EQ(progress_cell(row->report), "trial");
  EXPECT_EQ(row->last_seen, kT0 + seconds(1));
}

TEST(DeviceTable, ChosenDevicesExtraColumnAndWidth) {
  DeviceTable table;
  table.upsert(parsed(R"({"device":"d1","status":"online"})"), kT0);
  TableOptions options;
  options.devices = {"d2", "d1"};
  options.extra_title = "WAVE";
  options.extra = [](std::string_view d) { return d == "d1" ? "canary" : "wave 1"; };
  const auto lines = render_table(table, kT0, options);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[0].starts_with("WAVE"));
  EXPECT_TRUE(lines[1].starts_with("wave 1  d2"));
  EXPECT_TRUE(contains(lines[1], "no state yet"));
  EXPECT_TRUE(lines[2].starts_with("canary  d1"));
  EXPECT_EQ(lines[3], "2 devices: 1 online, 0 offline, 1 no state yet");
  options.width = 12;
  for (const auto& line : render_table(table, kT0, options))
    EXPECT_LE(line.size(), 12u);
}

}  // namespace
}  // namespace device_table_test
}  // namespace witryna::fleet
