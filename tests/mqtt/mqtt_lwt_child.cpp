// A device stand-in for the Last Will test: connects with a will, publishes
// its retained "birth" on the same topic, then waits to be killed.
// Usage: mqtt_lwt_child <server uri> <client id> <state topic> <birth> <will>

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <string>

#include "sync/mqtt/mqtt_client.hpp"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s <uri> <client id> <state topic> <birth> <will>\n", argv[0]);
    return 2;
  }
  const std::string topic = argv[3];
  const std::string birth = argv[4];

  boost::asio::io_context io;
  witryna::sync::MqttOptions options;
  options.server_uri = argv[1];
  options.client_id = argv[2];
  options.will = witryna::sync::MqttWill{topic, argv[5], 1, true};

  witryna::sync::MqttClient* client = nullptr;
  witryna::sync::MqttEvents events;
  events.on_connected = [&](bool) { client->publish(topic, birth, 1, true); };
  events.on_disconnected = [&](const witryna::Error& reason) {
    std::fprintf(stderr, "disconnected: %s %s\n", reason.code.c_str(), reason.context.c_str());
    io.stop();
  };
  auto created = witryna::sync::MqttClient::create(io, options, events);
  if (!created) {
    std::fprintf(stderr, "%s: %s\n", created.error().code.c_str(), created.error().context.c_str());
    return 1;
  }
  client = &*created;
  if (auto connected = client->connect(); !connected) {
    std::fprintf(stderr, "%s\n", connected.error().context.c_str());
    return 1;
  }
  auto work = boost::asio::make_work_guard(io);
  io.run();
  return 1;
}
