#include "tools/bench/ingest/publisher.hpp"

#include <arpa/inet.h>
#include <mqtt/async_client.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>
#include <thread>

namespace witryna::bench {
namespace {

void put_length(std::string& out, std::size_t length) {
  do {
    auto byte = static_cast<unsigned char>(length % 128);
    length /= 128;
    if (length > 0) byte |= 0x80;
    out.push_back(static_cast<char>(byte));
  } while (length > 0);
}

void put_string(std::string& out, std::string_view s) {
  out.push_back(static_cast<char>(s.size() >> 8));
  out.push_back(static_cast<char>(s.size() & 0xff));
  out.append(s);
}

// PUBLISH, QoS 1, not retained.
void put_publish(std::string& out, std::string_view topic, std::uint16_t id,
                 std::string_view payload) {
  out.push_back(static_cast<char>(0x32));
  put_length(out, 2 + topic.size() + 2 + payload.size());
  put_string(out, topic);
  out.push_back(static_cast<char>(id >> 8));
  out.push_back(static_cast<char>(id & 0xff));
  out.append(payload);
}

bool send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool read_exact(int fd, unsigned char* out, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::recv(fd, out + got, size - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

Result<int> connect_raw(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail("mqtt", "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return fail("mqtt", "cannot connect the feed publisher");
  }
  // CONNECT: MQTT 3.1.1, clean session, keep-alive off (the feed connection
  // idles for minutes while a slow consumer catches up).
  std::string body;
  put_string(body, "MQTT");
  body.push_back(4);
  body.push_back(0x02);
  body.push_back(0);
  body.push_back(0);
  put_string(body, "bench-feed");
  std::string packet(1, static_cast<char>(0x10));
  put_length(packet, body.size());
  packet += body;
  unsigned char connack[4];
  if (!send_all(fd, packet) || !read_exact(fd, connack, sizeof connack) || connack[0] != 0x20 ||
      connack[3] != 0) {
    ::close(fd);
    return fail("mqtt", "the broker refused the feed publisher");
  }
  return fd;
}

}  // namespace

Result<std::unique_ptr<FeedPublisher>> FeedPublisher::connect(std::uint16_t port,
                                                              const std::string& resync_topic,
                                                              int window) {
  std::unique_ptr<FeedPublisher> p(new FeedPublisher());
  // Packet ids are reused after 65,535 messages: never while in flight.
  p->window_ = std::clamp(window, 1, 30000);
  auto fd = connect_raw(port);
  if (!fd) return Unexpected(fd.error());
  p->fd_ = *fd;
  try {
    p->client_ = std::make_unique<mqtt::async_client>("tcp://127.0.0.1:" + std::to_string(port),
                                                      "bench-resyncs", nullptr);
    FeedPublisher* self = p.get();
    p->client_->set_message_callback([self](mqtt::const_message_ptr message) {
      const auto request = nlohmann::json::parse(message->get_payload_str(), nullptr, false);
      ++self->resyncs_;
      if (request.is_object() && request.value("have_seq", std::int64_t{0}) > 0) {
        ++self->gap_resyncs_;
      }
    });
    mqtt::connect_options options;
    options.set_clean_session(true);
    options.set_keep_alive_interval(std::chrono::seconds(60));
    p->client_->connect(options)->wait();
    p->client_->subscribe(resync_topic, 1)->wait();
  } catch (const std::exception& e) {
    return fail("mqtt", std::string("resync listener: ") + e.what());
  }
  return p;
}

FeedPublisher::~FeedPublisher() {
  if (fd_ >= 0) ::close(fd_);
  try {
    if (client_ && client_->is_connected()) client_->disconnect()->wait();
  } catch (const std::exception&) {
    // Going away anyway.
  }
}

void FeedPublisher::read_acks(std::size_t expected) {
  unsigned char ack[4];
  for (std::size_t i = 0; i < expected; ++i) {
    // The connection carries nothing but PUBACKs (it subscribes to nothing).
    const bool ok = read_exact(fd_, ack, sizeof ack) && ack[0] == 0x40 && ack[1] == 2;
    {
      std::lock_guard lock(mutex_);
      if (!ok) {
        broken_ = true;
      } else {
        ++acked_;
        last_ack_ = Clock::now();
      }
    }
    cv_.notify_one();
    if (!ok) return;
  }
}

Result<PublishRun> FeedPublisher::publish(const std::string& topic,
                                          const std::vector<std::string>& payloads) {
  {
    std::lock_guard lock(mutex_);
    acked_ = 0;
    broken_ = false;
  }
  PublishRun run;
  run.messages = payloads.size();
  std::thread reader([this, n = payloads.size()] { read_acks(n); });
  constexpr std::size_t kChunk = 64 * 1024;
  std::string chunk;
  chunk.reserve(kChunk + 16 * 1024);
  bool ok = true;
  run.first = Clock::now();
  std::size_t sent = 0;
  while (ok && sent < payloads.size()) {
    // As many as the window allows right now, in one write.
    std::size_t room = 0;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return broken_ || sent - acked_ < static_cast<std::size_t>(window_); });
      if (broken_) break;
      room = static_cast<std::size_t>(window_) - (sent - acked_);
    }
    chunk.clear();
    while (room > 0 && sent < payloads.size() && chunk.size() < kChunk) {
      put_publish(chunk, topic, static_cast<std::uint16_t>(sent % 65535 + 1), payloads[sent]);
      ++sent;
      --room;
    }
    ok = send_all(fd_, chunk);
  }
  if (!ok) ::shutdown(fd_, SHUT_RDWR);
  reader.join();
  std::lock_guard lock(mutex_);
  if (!ok || broken_ || acked_ != payloads.size()) {
    return fail("mqtt", "the feed connection broke after " + std::to_string(acked_) + " acks");
  }
  run.last_ack = last_ack_;
  return run;
}

}  // namespace witryna::bench
