// Mutual TLS (mqtt.md): the device's own certificate gets in; no certificate
// or one from another CA does not.

#include <gtest/gtest.h>

#include "sync/mqtt/mqtt_client.hpp"
#include "sync/mqtt/mqtt_errors.hpp"
#include "tests/mqtt/mqtt_peer.hpp"
#include "tests/support/mosquitto.hpp"
#include "tests/support/test_event_loop.hpp"
#include "tests/support/tls_certs.hpp"

namespace witryna::sync {
namespace mqtt_tls_test {
namespace {

class MqttTlsTest : public ::testing::Test {
 protected:
  MqttTlsTest() : broker_(broker_config(certs_)) {}

  static test::MosquittoConfig broker_config(const test::TlsCerts& certs) {
    test::MosquittoConfig config;
    config.plain_listener = false;
    config.tls = test::MosquittoTls{};
    config.tls->ca_file = certs.ca_file();
    config.tls->cert_file = certs.server().cert;
    config.tls->key_file = certs.server().key;
    return config;
  }

  void SetUp() override {
    const auto started = broker_.start();
    ASSERT_TRUE(started) << started.error().context;
  }

  MqttOptions tls_options(std::optional<test::CertFiles> client) const {
    MqttOptions options;
    options.server_uri = broker_.tls_uri();
    options.client_id = certs_.device_id();
    options.tls = MqttTls{certs_.ca_file(), {}, {}, true};
    if (client) {
      options.tls->cert_file = client->cert;
      options.tls->key_file = client->key;
    }
    return options;
  }

  test::TlsCerts certs_;
  test::Mosquitto broker_;
  test::TestEventLoop loop_;
};

TEST_F(MqttTlsTest, DeviceCertificateConnectsAndItsCnIsTheUserName) {
  auto device = MqttPeer::create(loop_, tls_options(certs_.device()));
  ASSERT_TRUE(device);
  ASSERT_TRUE(device->connect()) << (device->disconnects.empty()
                                         ? std::string()
                                         : device->disconnects.front().context)
                                 << "\n"
                                 << broker_.log();
  ASSERT_TRUE(ok(device->subscribe("witryna/v1/acme/device/PL-WAW-001-edge1/cmd")));
  ASSERT_TRUE(ok(device->publish("witryna/v1/acme/device/PL-WAW-001-edge1/cmd", "{}", 1)));
  ASSERT_TRUE(device->wait_messages(1));
  EXPECT_NE(broker_.log().find("u'" + certs_.device_id() + "'"), std::string::npos)
      << broker_.log();
}

TEST_F(MqttTlsTest, ServerCertificateMatchesTheLoopbackAddressToo) {
  MqttOptions options = tls_options(certs_.device());
  options.server_uri = "ssl://127.0.0.1:" + std::to_string(broker_.tls_port());
  auto device = MqttPeer::create(loop_, options);
  ASSERT_TRUE(device);
  EXPECT_TRUE(device->connect());
}

TEST_F(MqttTlsTest, ClientWithoutCertificateIsRefused) {
  auto anonymous = MqttPeer::create(loop_, tls_options(std::nullopt));
  ASSERT_TRUE(anonymous);
  EXPECT_FALSE(anonymous->connect());
  ASSERT_EQ(anonymous->disconnects.size(), 1u);
  EXPECT_EQ(anonymous->disconnects.front().code, mqtt_errc::kConnectFailed);
  EXPECT_FALSE(anonymous->client->is_connected());
}

TEST_F(MqttTlsTest, ClientWithACertificateFromAnotherCaIsRefused) {
  auto rogue = MqttPeer::create(loop_, tls_options(certs_.rogue()));
  ASSERT_TRUE(rogue);
  EXPECT_FALSE(rogue->connect());
  ASSERT_EQ(rogue->disconnects.size(), 1u);
  EXPECT_EQ(rogue->disconnects.front().code, mqtt_errc::kConnectFailed);
}

TEST_F(MqttTlsTest, BrokerNotSignedByTheTrustedCaIsRefused) {
  MqttOptions options = tls_options(certs_.device());
  options.tls->ca_file = certs_.rogue_ca_file();
  auto device = MqttPeer::create(loop_, options);
  ASSERT_TRUE(device);
  EXPECT_FALSE(device->connect());
}

TEST_F(MqttTlsTest, AnotherClientCertificateFromTheCaConnectsUnderItsOwnName) {
  const auto central = certs_.issue_client("central");
  MqttOptions options = tls_options(central);
  options.client_id = "central";
  auto client = MqttPeer::create(loop_, options);
  ASSERT_TRUE(client);
  EXPECT_TRUE(client->connect());
  EXPECT_NE(broker_.log().find("u'central'"), std::string::npos);
}

}  // namespace
}  // namespace mqtt_tls_test
}  // namespace witryna::sync
