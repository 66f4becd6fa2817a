#include "drivers/scanner_spec.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <ostream>
#include <string>

#include "drivers/make_scanner.hpp"

namespace witryna::drivers {
namespace scanner_spec_test {
namespace {

ScannerSpec spec_of(ScannerKind kind, std::function<void(ScannerSpec&)> edit = {}) {
  ScannerSpec spec;
  spec.id = "s1";
  spec.kind = kind;
  spec.path = "/dev/null";
  if (edit) edit(spec);
  return spec;
}

struct Case {
  const char* name;
  ScannerSpec spec;
  std::string problem;  // empty: valid; else a part of the message
};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

class SpecTable : public ::testing::TestWithParam<Case> {};

TEST_P(SpecTable, Validates) {
  const auto& c = GetParam();
  const auto valid = validate(c.spec);
  if (c.problem.empty()) {
    EXPECT_TRUE(valid.has_value()) << valid.error().context;
    return;
  }
  ASSERT_FALSE(valid.has_value());
  EXPECT_EQ(valid.error().code, errc::kConfig);
  EXPECT_NE(valid.error().context.find(c.problem), std::string::npos) << valid.error().context;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SpecTable,
    ::testing::Values(
        Case{"hid", spec_of(ScannerKind::kHid), ""},
        Case{"serial", spec_of(ScannerKind::kSerial), ""},
        Case{"sim_fifo", spec_of(ScannerKind::kSim), ""},
        Case{"sim_port_only",
             spec_of(ScannerKind::kSim,
                     [](auto& s) {
                       s.path.clear();
                       s.port = 7601;
                     }),
             ""},
        Case{"no_id", spec_of(ScannerKind::kHid, [](auto& s) { s.id.clear(); }), "no id"},
        Case{"hid_without_path", spec_of(ScannerKind::kHid, [](auto& s) { s.path.clear(); }),
             "scanner s1: kind hid needs path"},
        Case{"hid_zero_timeout",
             spec_of(ScannerKind::kHid, [](auto& s) { s.timeout = std::chrono::milliseconds(0); }),
             "timeout"},
        Case{"serial_without_path", spec_of(ScannerKind::kSerial, [](auto& s) { s.path.clear(); }),
             "needs path"},
        Case{"serial_zero_baud", spec_of(ScannerKind::kSerial, [](auto& s) { s.baud = 0; }),
             "baud"},
        Case{"serial_nine_data_bits",
             spec_of(ScannerKind::kSerial, [](auto& s) { s.data_bits = 9; }), "data_bits"},
        Case{"sim_without_input", spec_of(ScannerKind::kSim, [](auto& s) { s.path.clear(); }),
             "path (a FIFO) or port"},
        Case{"zero_reopen_interval",
             spec_of(ScannerKind::kSerial,
                     [](auto& s) { s.reopen_interval = std::chrono::milliseconds(0); }),
             "reopen_interval"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ScannerSpec, NamesRoundTrip) {
  for (auto kind : {ScannerKind::kHid, ScannerKind::kSerial, ScannerKind::kSim}) {
    EXPECT_EQ(parse_scanner_kind(to_string(kind)), kind);
  }
  for (auto parity : {Parity::kNone, Parity::kOdd, Parity::kEven}) {
    EXPECT_EQ(parse_parity(to_string(parity)), parity);
  }
  for (auto bits : {StopBits::kOne, StopBits::kOnePointFive, StopBits::kTwo}) {
    EXPECT_EQ(parse_stop_bits(to_string(bits)), bits);
  }
  EXPECT_EQ(parse_scanner_kind("usb"), std::nullopt);
  EXPECT_EQ(parse_parity("mark"), std::nullopt);
  EXPECT_EQ(parse_stop_bits("3"), std::nullopt);
}

TEST(MakeScanner, RefusesAnInvalidSpecAndBuildsEachKind) {
  boost::asio::io_context io;
  auto bad = make_scanner(io, spec_of(ScannerKind::kHid, [](auto& s) { s.path.clear(); }), {});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, errc::kConfig);

  for (auto kind : {ScannerKind::kHid, ScannerKind::kSerial, ScannerKind::kSim}) {
    auto made = make_scanner(io, spec_of(kind), {});
    ASSERT_TRUE(made.has_value()) << made.error().context;
    EXPECT_EQ((*made)->id(), "s1");
    EXPECT_FALSE((*made)->connected());  // not started
  }
}

}  // namespace
}  // namespace scanner_spec_test
}  // namespace witryna::drivers
