#include "tools/central/central_node.hpp"

#include <boost/asio/post.hpp>
#include <cassert>
#include <chrono>
#include <cstdio>

#include "edge/core/codes/app_code.hpp"
#include "sync/mqtt/mqtt_errors.hpp"

namespace witryna::central {

namespace {

using std::chrono::milliseconds;

TimePoint wall_now() {
  return std::chrono::floor<Millis>(std::chrono::system_clock::now());
}

Reply error_reply(const Error& error) {
  return Reply{false, error.code + ": " + error.context, nullptr};
}

Reply text_reply(std::string text) {
  return Reply{true, std::move(text), nullptr};
}

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

constexpr const char* kRateKinds[] = {"stock", "reservation", "code", "consent", "erasure"};

}  // namespace

Result<sync::core::Topics> central_topics(const std::string& brand, const std::string& store) {
  return sync::core::Topics::make({brand, store, "central", {}});
}

Json Reply::to_json() const {
  Json out = {{"ok", ok}, {"text", text}};
  if (!data.is_null()) out["data"] = data;
  return out;
}

CentralNode::CentralNode(boost::asio::io_context& io, NodeOptions options,
                         sync::core::Topics topics, WorldState world, ClaimBook claims,
                         EventBook events, SavedCounters counters)
    : io_(io),
      options_(std::move(options)),
      topics_(std::move(topics)),
      world_(std::move(world)),
      claims_(std::move(claims)),
      events_(std::move(events)),
      counters_(counters),
      rng_(options_.seed),
      reconnect_timer_(io),
      reorder_timer_(io) {
  assert(options_.sha256_hex && "NodeOptions::sha256_hex is required");
  if (!options_.received_log.empty()) {
    received_.open(options_.received_log, std::ios::app);
    if (!received_) say("cannot open " + options_.received_log.string() + " for the received log");
  }
}

CentralNode::~CentralNode() = default;

void CentralNode::say(const std::string& line) const {
  if (options_.log) {
    options_.log(line);
  } else {
    std::fprintf(stderr, "witryna-central: %s\n", line.c_str());
  }
}

Result<void> CentralNode::start() {
  std::weak_ptr<int> alive = alive_;
  sync::MqttEvents events;
  events.on_connected = [this, alive](bool) {
    if (!alive.expired()) on_connected();
  };
  events.on_disconnected = [this, alive](const Error& reason) {
    if (alive.expired() || stopping_) return;
    say("broker connection down (" + reason.code + ": " + reason.context + "); retrying in 1 s");
    reconnect_timer_.expires_after(std::chrono::seconds(1));
    reconnect_timer_.async_wait([this, alive](const boost::system::error_code& ec) {
      if (ec || alive.expired() || stopping_ || !client_) return;
      (void)client_->connect();
    });
  };
  events.on_message = [this, alive](const sync::MqttMessage& message) {
    if (!alive.expired()) on_message(message);
  };
  events.on_error = [this, alive](const Error& error) {
    if (!alive.expired()) say("mqtt: " + error.code + ": " + error.context);
  };
  auto created = sync::MqttClient::create(io_, options_.mqtt, std::move(events));
  if (!created) return tl::make_unexpected(created.error());
  client_.emplace(std::move(*created));
  client_->subscribe({{topics_.events(), 1},
                      {topics_.resync(), 1},
                      {topics_.claims(), 1},
                      {topics_.root() + "/device/+/state", 1}});

  bool fresh = true;
  for (const Stream s : core::kAllStreams)
    fresh = fresh && world_.seq(s) == 0;
  if (fresh && options_.publish_initial) {
    // The world as live messages, once: a device that is already subscribed
    // gets it; one that is not asks for snapshots (have_seq 0) anyway.
    for (const Stream s : core::kAllStreams) {
      std::vector<Json> items = world_.live_items(s);
      for (std::size_t i = 0; i < items.size(); i += options_.live_message_items) {
        const std::size_t end = std::min(items.size(), i + options_.live_message_items);
        std::vector<Json> chunk(items.begin() + static_cast<std::ptrdiff_t>(i),
                                items.begin() + static_cast<std::ptrdiff_t>(end));
        (void)publish_items(s, std::move(chunk), false);
      }
    }
    save_state();
  }
  return client_->connect();
}

void CentralNode::stop(std::function<void()> done) {
  stopping_ = true;
  reconnect_timer_.cancel();
  reorder_timer_.cancel();
  for (auto& [kind, timer] : rate_timers_)
    timer->cancel();
  if (!client_) {
    if (done) boost::asio::post(io_, std::move(done));
    return;
  }
  client_->disconnect(std::chrono::milliseconds(2000), [done = std::move(done)](Result<void>) {
    if (done) done();
  });
}

void CentralNode::on_connected() {
  say("connected to " + options_.mqtt.server_uri + " as " + options_.mqtt.client_id);
  flush_pending();
}

void CentralNode::on_message(const sync::MqttMessage& message) {
  if (message.topic == topics_.events()) {
    handle_events(message.payload);
  } else if (message.topic == topics_.resync()) {
    handle_resync(message.payload);
  } else if (message.topic == topics_.claims()) {
    handle_claim(message.payload);
  } else {
    Json state = Json::parse(message.payload, nullptr, false);
    if (state.is_object() && state.contains("device") && state["device"].is_string()) {
      const std::string device = state["device"].get<std::string>();
      device_states_[device] = state;
      ++counts_["state"];
      record({{"kind", "state"}, {"device", device}, {"state", state}});
    }
  }
}

void CentralNode::handle_events(const std::string& payload) {
  if (faults_.silent()) {
    record({{"kind", "ignored"}, {"topic", "events"}, {"reason", "silent"}});
    return;
  }
  auto batch = events_.receive(payload);
  if (!batch) {
    ++counts_["invalid"];
    record({{"kind", "invalid"},
            {"topic", "events"},
            {"error", batch.error().code},
            {"field", batch.error().context}});
    say("events rejected: " + batch.error().code + " (" + batch.error().context + ")");
    return;
  }
  for (const auto& event : batch->fresh) {
    ++counts_["event"];
    if (event.value("type", "") == "code.redeemed") claims_.redeemed(event);
    record({{"kind", "event"}, {"device", batch->device}, {"event", event}});
  }
  for (const auto n : batch->duplicates) {
    ++counts_["duplicate"];
    record({{"kind", "duplicate"}, {"device", batch->device}, {"n", n}});
  }
  if (batch->gaps > 0) {
    record({{"kind", "gap"}, {"device", batch->device}, {"missing", batch->gaps}});
  }
  save_state();
  send({OutKind::kAck, topics_.acks(),
        Json{{"device", batch->device}, {"upto", batch->ack_upto}}.dump()});
}

void CentralNode::handle_resync(const std::string& payload) {
  if (faults_.silent()) {
    record({{"kind", "ignored"}, {"topic", "resync"}, {"reason", "silent"}});
    return;
  }
  Json request = Json::parse(payload, nullptr, false);
  const std::optional<Stream> stream =
      request.is_object() && request.contains("stream") && request["stream"].is_string()
          ? core::stream_from(request["stream"].get<std::string>())
          : std::nullopt;
  if (!stream) {
    ++counts_["invalid"];
    record({{"kind", "invalid"},
            {"topic", "resync"},
            {"error", "invalid_value"},
            {"field", "stream"}});
    return;
  }
  ++counts_["resync"];
  record({{"kind", "resync"}, {"request", request}});
  (void)send_snapshot(*stream, "resync from " + request.value("device", std::string("?")));
}

void CentralNode::handle_claim(const std::string& payload) {
  if (faults_.silent()) {
    record({{"kind", "ignored"}, {"topic", "claims"}, {"reason", "silent"}});
    return;
  }
  auto answer = claims_.answer(payload, wall_now());
  if (!answer) {
    ++counts_["invalid"];
    record({{"kind", "invalid"},
            {"topic", "claims"},
            {"error", answer.error().code},
            {"field", answer.error().context}});
    return;
  }
  ++counts_["claim"];
  record({{"kind", "claim"},
          {"claim", answer->claim},
          {"device", answer->device},
          {"code_hash", answer->code_hash},
          {"result", answer->result},
          {"repeated", answer->repeated}});
  say("claim " + answer->claim + " -> " + answer->result);
  save_state();
  send({OutKind::kClaimResult, topics_.claims_result(), answer->payload().dump()});
}

Reply CentralNode::send_snapshot(Stream stream, const std::string& reason) {
  SnapshotSpec spec;
  spec.stream = stream;
  spec.id = "s-" + std::to_string(++counters_.snapshots);
  spec.upto_seq = world_.seq(stream);
  spec.items_per_part = options_.snapshot_part_items;
  const auto parts = cut_snapshot(spec, world_.live_items(stream));
  save_state();
  say("snapshot " + spec.id + " of " + core::to_string(stream) + " (" + reason +
      "): " + std::to_string(parts.size()) + " parts, upto_seq " + std::to_string(spec.upto_seq));
  for (const auto& part : parts)
    send({OutKind::kStream, topics_.stream(stream), part.dump()});
  return text_reply("snapshot " + spec.id + " of " + core::to_string(stream) + ": " +
                    std::to_string(parts.size()) + " parts");
}

Result<Json> CentralNode::publish_items(Stream stream, std::vector<Json> items, bool journal) {
  if (journal && !options_.state_dir.empty()) {
    if (auto written = append_journal(options_.state_dir / "journal.jsonl", stream, items);
        !written) {
      return tl::make_unexpected(written.error());
    }
  }
  for (const auto& item : items) {
    if (stream == Stream::kCodes) claims_.learn(item);
  }
  auto envelope = world_.next_message(stream, std::move(items), wall_now());
  if (!envelope) return envelope;
  send({OutKind::kStream, topics_.stream(stream), envelope->dump()});
  return envelope;
}

void CentralNode::send(Outgoing message) {
  for (auto& delivery : faults_.route(std::move(message))) {
    if (delivery.delay.count() == 0) {
      deliver(std::move(delivery.message));
      continue;
    }
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, delivery.delay);
    std::weak_ptr<int> alive = alive_;
    timer->async_wait([this, alive, timer, m = std::move(delivery.message)](
                          const boost::system::error_code& ec) mutable {
      if (!ec && !alive.expired()) deliver(std::move(m));
    });
  }
  if (faults_.holding()) {
    // A reorder with nothing following: let the held message go after 2 s.
    std::weak_ptr<int> alive = alive_;
    reorder_timer_.expires_after(std::chrono::seconds(2));
    reorder_timer_.async_wait([this, alive](const boost::system::error_code& ec) {
      if (ec || alive.expired()) return;
      if (auto held = faults_.release_held()) deliver(std::move(*held));
    });
  }
}

void CentralNode::deliver(Outgoing message) {
  if (!client_ || !client_->is_connected()) {
    pending_.push_back(std::move(message));
    return;
  }
  std::weak_ptr<int> alive = alive_;
  std::string topic = message.topic;
  std::string payload = message.payload;
  client_->publish(std::move(topic), std::move(payload), 1, false,
                   [this, alive, message = std::move(message)](Result<void> done) mutable {
                     if (done || alive.expired()) return;
                     if (done.error().code == sync::mqtt_errc::kNotConnected) {
                       // The connection went away before Paho took it: send it after the
                       // next connect rather than lose it.
                       pending_.push_back(std::move(message));
                       return;
                     }
                     say("publish failed: " + done.error().code + ": " + done.error().context);
                   });
}

void CentralNode::flush_pending() {
  std::deque<Outgoing> waiting;
  waiting.swap(pending_);
  for (auto& message : waiting)
    deliver(std::move(message));
}

void CentralNode::save_state() {
  if (options_.state_dir.empty()) return;
  auto saved = write_file_atomic(options_.state_dir / "state.json",
                                 state_document(world_, events_, claims_, counters_).dump());
  if (!saved) say("cannot save state: " + saved.error().context);
}

void CentralNode::record(Json entry) {
  if (!received_.is_open()) return;
  Json line = {{"at", format_rfc3339(wall_now())}};
  line.update(entry);
  received_ << line.dump() << '\n';
  received_.flush();
}

Reply CentralNode::apply_change(Result<Change> change) {
  if (!change) return error_reply(change.error());
  // Items of one stream go out as one message, in the order made.
  std::vector<std::pair<Stream, std::vector<Json>>> grouped;
  for (auto& [stream, item] : change->items) {
    if (grouped.empty() || grouped.back().first != stream) grouped.push_back({stream, {}});
    grouped.back().second.push_back(std::move(item));
  }
  std::string seqs;
  for (auto& [stream, items] : grouped) {
    auto published = publish_items(stream, std::move(items), true);
    if (!published) return error_reply(published.error());
    seqs += std::string(seqs.empty() ? "" : ", ") + core::to_string(stream) + " seq " +
            std::to_string((*published)["seq"].get<std::int64_t>());
  }
  save_state();
  say(change->note + " [" + seqs + "]");
  return text_reply(change->note + " [" + seqs + "]");
}

Result<Change> CentralNode::random_change(const std::string& kind) {
  if (kind == "stock") return random_stock_change(world_, rng_);
  if (kind == "reservation") {
    return new_reservation(world_, rng_, wall_now(), options_.store, ReservationRequest{});
  }
  if (kind == "code") {
    return new_code(world_, rng_, wall_now(), CodeRequest{}, options_.sha256_hex);
  }
  if (kind == "consent") return random_consent_change(world_, rng_, options_.keep_customers);
  return random_erasure(world_, rng_, options_.keep_customers);
}

void CentralNode::schedule_rate(const std::string& kind) {
  const double per_minute = rates_[kind];
  auto& timer = rate_timers_[kind];
  if (!timer) timer = std::make_unique<boost::asio::steady_timer>(io_);
  timer->cancel();
  if (per_minute <= 0 || stopping_) return;
  const auto period = milliseconds(static_cast<std::int64_t>(60000.0 / per_minute));
  timer->expires_after(std::max(period, milliseconds(10)));
  std::weak_ptr<int> alive = alive_;
  timer->async_wait([this, alive, kind](const boost::system::error_code& ec) {
    if (ec || alive.expired() || stopping_) return;
    (void)apply_change(random_change(kind));
    schedule_rate(kind);
  });
}

Reply CentralNode::fault_command(const ControlCommand& c) {
  const std::string& what = c.args[0];
  if (what == "clear") {
    faults_.clear();
    if (auto held = faults_.release_held()) deliver(std::move(*held));
    for (const auto& [device, ranges] : events_.devices()) {
      send(
          {OutKind::kAck, topics_.acks(), Json{{"device", device}, {"upto", ranges.max()}}.dump()});
    }
    return text_reply("faults cleared");
  }
  if (what == "withhold-acks") {
    const bool on = c.args[1] == "on";
    faults_.set_withhold_acks(on);
    if (!on) {
      // What the device waited for: one cumulative ack per device.
      for (const auto& [device, ranges] : events_.devices()) {
        send({OutKind::kAck, topics_.acks(),
              Json{{"device", device}, {"upto", ranges.max()}}.dump()});
      }
    }
    return text_reply(faults_.describe());
  }
  if (what == "silent") {
    faults_.set_silent(c.args[1] == "on");
    return text_reply(faults_.describe());
  }
  if (what == "garbage") {
    const auto target = c.args.size() == 2 ? *fault_target_from(c.args[1]) : FaultTarget::kStreams;
    std::string topic = topics_.stream(Stream::kStock);
    if (target == FaultTarget::kAcks) topic = topics_.acks();
    if (target == FaultTarget::kClaims) topic = topics_.claims_result();
    deliver({OutKind::kStream, topic, "{\"stream\":\"stock\",\"seq\": garbage \x01"});
    if (target == FaultTarget::kAll) {
      deliver({OutKind::kAck, topics_.acks(), "not json"});
      deliver({OutKind::kClaimResult, topics_.claims_result(), "[1,2"});
    }
    return text_reply("garbage published on " + topic);
  }
  FaultSpec spec;
  spec.kind = *fault_kind_from(what);
  std::size_t next = 1;
  if (spec.kind == FaultKind::kDelay) {
    spec.delay = milliseconds(std::stoll(c.args[1]));
    next = 2;
  }
  if (next < c.args.size() && fault_target_from(c.args[next]) == std::nullopt) {
    spec.count = std::stoi(c.args[next]);
    ++next;
  }
  if (next < c.args.size()) spec.target = *fault_target_from(c.args[next]);
  faults_.arm(spec);
  return text_reply(faults_.describe());
}

Reply CentralNode::execute(const ControlCommand& c) {
  try {
    if (c.op.empty()) return text_reply("");
    if (c.op == "help") return text_reply(control_help());
    if (c.op == "status") return Reply{true, status().dump(), status()};
    if (c.op == "devices") {
      Json out = Json::object();
      for (const auto& [device, ranges] : events_.devices()) {
        out[device] = {{"upto", ranges.max()}, {"held", events_.held(device)}};
      }
      for (const auto& [device, state] : device_states_)
        out[device]["state"] = state;
      return Reply{true, out.dump(), out};
    }
    if (c.op == "quit") {
      if (on_quit_) boost::asio::post(io_, on_quit_);
      return text_reply("stopping");
    }
    if (c.op == "sleep") return text_reply("");  // scripts handle it
    if (c.op == "publish" || c.op == "snapshot") {
      const auto stream = core::stream_from(c.args[0]);
      if (!stream)
        return error_reply(Error{std::string(errc::kInvalidValue), "no stream " + c.args[0]});
      if (c.op == "snapshot") return send_snapshot(*stream, "asked by the operator");
      Json item = Json::parse(c.args[1], nullptr, false);
      if (item.is_discarded()) return error_reply(Error{std::string(errc::kInvalidJson), "item"});
      Change change;
      change.items.emplace_back(*stream, std::move(item));
      change.note = std::string("published one ") + core::to_string(*stream) + " item";
      return apply_change(std::move(change));
    }
    if (c.op == "stock") {
      std::optional<std::int64_t> reserved;
      if (c.args.size() == 3) reserved = std::stoll(c.args[2]);
      return apply_change(set_stock(world_, c.args[0], std::stoll(c.args[1]), reserved));
    }
    if (c.op == "reservation") {
      ReservationRequest request;
      if (!c.args.empty()) request.customer = c.args[0];
      if (c.args.size() >= 2) request.sku = c.args[1];
      if (c.args.size() >= 3) request.status = c.args[2];
      return apply_change(new_reservation(world_, rng_, wall_now(), options_.store, request));
    }
    if (c.op == "reservation-status") {
      return apply_change(reservation_status(world_, c.args[0], c.args[1]));
    }
    if (c.op == "code") {
      CodeRequest request;
      if (!c.args.empty()) request.customer = c.args[0];
      if (c.args.size() >= 2) request.amount_minor = std::stoll(c.args[1]);
      if (c.args.size() >= 3) request.scope = c.args[2];
      return apply_change(new_code(world_, rng_, wall_now(), request, options_.sha256_hex));
    }
    if (c.op == "consent") {
      if (c.args[2] != "true" && c.args[2] != "false") {
        return error_reply(Error{std::string(errc::kInvalidValue), "true or false"});
      }
      return apply_change(set_consent(world_, c.args[0], c.args[1], c.args[2] == "true"));
    }
    if (c.op == "erase") return apply_change(erase_customer(world_, c.args[0]));
    if (c.op == "use-code") {
      std::string hash = c.args[0];
      if (!is_hex64(hash)) {
        const std::string normalized = core::normalize_app_code(hash);
        hash = core::app_code_key(normalized, options_.sha256_hex);
      }
      if (!claims_.use_elsewhere(hash)) {
        return error_reply(Error{std::string(errc::kNotFound), "no such code"});
      }
      save_state();
      return text_reply("code used elsewhere; uses now " + std::to_string(claims_.uses(hash)));
    }
    if (c.op == "rate") {
      const std::string& kind = c.args[0];
      bool known = false;
      for (const char* k : kRateKinds)
        known = known || kind == k;
      if (!known) {
        return error_reply(Error{std::string(errc::kInvalidValue),
                                 "rate kinds: stock, reservation, code, consent, erasure"});
      }
      rates_[kind] = std::stod(c.args[1]);
      schedule_rate(kind);
      return text_reply("rate " + kind + " " + c.args[1] + "/min");
    }
    if (c.op == "fault") return fault_command(c);
  } catch (const std::exception& e) {
    // std::stoll and friends on a word that only looked like a number.
    return error_reply(Error{std::string(errc::kInvalidValue), e.what()});
  }
  return error_reply(Error{std::string(errc::kInvalidValue), "unknown command " + c.op});
}

Json CentralNode::status() const {
  Json out;
  out["connected"] = connected();
  out["broker"] = options_.mqtt.server_uri;
  out["brand"] = options_.brand;
  out["store"] = options_.store;
  for (const Stream s : core::kAllStreams) {
    out["seqs"][core::to_string(s)] = world_.seq(s);
    out["live"][core::to_string(s)] = world_.live_count(s);
  }
  out["devices"] = Json::object();
  for (const auto& [device, ranges] : events_.devices()) {
    out["devices"][device] = {{"upto", ranges.max()}, {"held", events_.held(device)}};
  }
  out["received"] = counts_;
  out["faults"] = faults_.describe();
  out["rates"] = rates_;
  out["pending"] = pending_.size();
  return out;
}

}  // namespace witryna::central
