#include "sync/mqtt/mqtt_options.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <fstream>

#include "sync/mqtt/mqtt_client.hpp"
#include "sync/mqtt/mqtt_errors.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::sync {
namespace mqtt_options_test {
namespace {

struct UriCase {
  std::string uri;
  bool ok;
  std::string host;
  std::uint16_t port;
  bool tls;
  std::string paho_uri;
};

TEST(ParseServerUri, Table) {
  const std::vector<UriCase> cases = {
      {"tcp://127.0.0.1:1883", true, "127.0.0.1", 1883, false, "tcp://127.0.0.1:1883"},
      {"mqtt://localhost", true, "localhost", 1883, false, "tcp://localhost:1883"},
      {"ssl://broker.example.com:8883", true, "broker.example.com", 8883, true,
       "ssl://broker.example.com:8883"},
      {"mqtts://broker.example.com", true, "broker.example.com", 8883, true,
       "ssl://broker.example.com:8883"},
      {"tcp://[::1]:1884", true, "::1", 1884, false, "tcp://[::1]:1884"},
      {"ssl://broker/", true, "broker", 8883, true, "ssl://broker:8883"},
      {"broker:1883", false, "", 0, false, ""},
      {"ws://broker:80", false, "", 0, false, ""},
      {"tcp://:1883", false, "", 0, false, ""},
      {"tcp://host:0", false, "", 0, false, ""},
      {"tcp://host:65536", false, "", 0, false, ""},
      {"tcp://host:", false, "", 0, false, ""},
      {"tcp://host:12x", false, "", 0, false, ""},
      {"tcp://::1:1883", false, "", 0, false, ""},
      {"tcp://[::1:1883", false, "", 0, false, ""},
      {"tcp://host:1883/path", false, "", 0, false, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.uri);
    const auto parsed = parse_server_uri(c.uri);
    ASSERT_EQ(parsed.has_value(), c.ok);
    if (!c.ok) {
      EXPECT_EQ(parsed.error().code, errc::kConfig);
      continue;
    }
    EXPECT_EQ(parsed->host, c.host);
    EXPECT_EQ(parsed->port, c.port);
    EXPECT_EQ(parsed->tls, c.tls);
    EXPECT_EQ(parsed->paho_uri, c.paho_uri);
  }
}

TEST(IsLoopbackHost, Table) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"localhost", true},
      {"127.0.0.1", true},
      {"127.1.2.3", true},
      {"::1", true},
      {"128.0.0.1", false},
      {"10.0.0.1", false},
      {"127.0.0", false},
      {"127.0.0.256", false},
      {"127.example.com", false},
      {"localhost.evil", false},
      {"", false},
      {"0.0.0.0", false},
  };
  for (const auto& [host, loopback] : cases) {
    EXPECT_EQ(is_loopback_host(host), loopback) << host;
  }
}

class ValidateOptions : public ::testing::Test {
 protected:
  void SetUp() override { std::ofstream(dir_ / "ca.pem") << "x"; }

  MqttOptions tls_options() const {
    MqttOptions options;
    options.server_uri = "ssl://broker.example.com:8883";
    options.client_id = "PL-WAW-001-edge1";
    options.tls = MqttTls{dir_ / "ca.pem", {}, {}, true};
    return options;
  }

  test::TempDir dir_;
};

TEST_F(ValidateOptions, PlainTcpOnlyToLoopback) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"tcp://127.0.0.1:1883", true}, {"tcp://localhost:1883", true},
      {"tcp://[::1]:1883", true},     {"tcp://broker.example.com:1883", false},
      {"mqtt://10.1.2.3", false},     {"tcp://0.0.0.0:1883", false},
  };
  for (const auto& [uri, ok] : cases) {
    SCOPED_TRACE(uri);
    MqttOptions options;
    options.server_uri = uri;
    options.client_id = "dev";
    const auto checked = validate(options);
    ASSERT_EQ(checked.has_value(), ok);
    if (!ok) {
      EXPECT_EQ(checked.error().code, mqtt_errc::kInsecureTransport);
      EXPECT_NE(checked.error().context.find("loopback"), std::string::npos);
    }
  }
}

TEST_F(ValidateOptions, TlsOptionsMustMatchTheScheme) {
  EXPECT_TRUE(validate(tls_options()));

  MqttOptions no_tls = tls_options();
  no_tls.tls.reset();
  EXPECT_EQ(validate(no_tls).error().code, errc::kConfig);

  MqttOptions plain_with_tls = tls_options();
  plain_with_tls.server_uri = "tcp://127.0.0.1:1883";
  EXPECT_EQ(validate(plain_with_tls).error().code, errc::kConfig);
}

TEST_F(ValidateOptions, RejectsBadValues) {
  struct Case {
    const char* name;
    void (*change)(MqttOptions&);
  };
  const std::vector<Case> cases = {
      {"missing ca file", [](MqttOptions& o) { o.tls->ca_file = "/nonexistent/ca.pem"; }},
      {"cert without key", [](MqttOptions& o) { o.tls->cert_file = o.tls->ca_file; }},
      {"missing cert file",
       [](MqttOptions& o) {
         o.tls->cert_file = "/nonexistent/c.pem";
         o.tls->key_file = o.tls->ca_file;
       }},
      {"empty client id", [](MqttOptions& o) { o.client_id.clear(); }},
      {"empty will topic",
       [](MqttOptions& o) {
         o.will = MqttWill{"", "x", 1, true};
       }},
      {"will qos 3",
       [](MqttOptions& o) {
         o.will = MqttWill{"t", "x", 3, true};
       }},
      {"keep alive too long", [](MqttOptions& o) { o.keep_alive = std::chrono::seconds(70000); }},
      {"zero connect timeout", [](MqttOptions& o) { o.connect_timeout = {}; }},
      {"zero in flight", [](MqttOptions& o) { o.max_inflight = 0; }},
      {"zero buffer", [](MqttOptions& o) { o.max_buffered_messages = 0; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    MqttOptions options = tls_options();
    c.change(options);
    const auto checked = validate(options);
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().code, errc::kConfig);
  }
}

TEST(MqttClientCreate, RefusesPlainTcpToANonLoopbackHostBeforeConnecting) {
  boost::asio::io_context io;
  MqttOptions options;
  options.server_uri = "tcp://192.0.2.10:1883";  // TEST-NET-1: nothing ever answers there
  options.client_id = "PL-WAW-001-edge1";
  bool any_event = false;
  MqttEvents events;
  events.on_connected = [&](bool) { any_event = true; };
  events.on_disconnected = [&](const Error&) { any_event = true; };
  const auto created = MqttClient::create(io, options, std::move(events));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, mqtt_errc::kInsecureTransport);
  io.run();
  EXPECT_FALSE(any_event);
}

TEST(MqttClientCreate, StartsDisconnected) {
  boost::asio::io_context io;
  MqttOptions options;
  options.server_uri = "tcp://127.0.0.1:1";
  options.client_id = "dev";
  auto created = MqttClient::create(io, options, {});
  ASSERT_TRUE(created) << created.error().context;
  EXPECT_EQ(created->state(), MqttState::kDisconnected);
  EXPECT_FALSE(created->is_connected());
}

}  // namespace
}  // namespace mqtt_options_test
}  // namespace witryna::sync
