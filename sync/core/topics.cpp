#include "sync/core/topics.hpp"

#include <algorithm>
#include <utility>

namespace witryna::sync::core {
namespace {

bool valid_level(std::string_view name) {
  return !name.empty() &&
         name.find_first_of(std::string_view("/+#\0", 4)) == std::string_view::npos;
}

std::vector<std::string_view> split_levels(std::string_view topic) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto slash = topic.find('/', start);
    out.push_back(topic.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

// The streams carried under {root}/store/{store}/<name>.
std::optional<Stream> store_stream(std::string_view leaf) {
  if (leaf == "catalog" || leaf == "nearby") return std::nullopt;
  return ::witryna::core::stream_from(leaf);
}

}  // namespace

const char* to_string(TopicKind kind) {
  switch (kind) {
    case TopicKind::kStream:
      return "stream";
    case TopicKind::kAcks:
      return "acks";
    case TopicKind::kClaimsResult:
      return "claims_result";
    case TopicKind::kEvents:
      return "events";
    case TopicKind::kResync:
      return "resync";
    case TopicKind::kClaims:
      return "claims";
    case TopicKind::kState:
      return "state";
    case TopicKind::kDesired:
      return "desired";
    case TopicKind::kUpdate:
      return "update";
    case TopicKind::kCmd:
      return "cmd";
    case TopicKind::kCmdResult:
      return "cmd_result";
  }
  return "?";
}

bool is_inbound(TopicKind kind) {
  switch (kind) {
    case TopicKind::kStream:
    case TopicKind::kAcks:
    case TopicKind::kClaimsResult:
    case TopicKind::kDesired:
    case TopicKind::kUpdate:
    case TopicKind::kCmd:
      return true;
    case TopicKind::kEvents:
    case TopicKind::kResync:
    case TopicKind::kClaims:
    case TopicKind::kState:
    case TopicKind::kCmdResult:
      return false;
  }
  return false;
}

Result<Topics> Topics::make(Identity identity) {
  if (!valid_level(identity.brand)) return fail(std::string(errc::kConfig), "brand");
  if (!valid_level(identity.store)) return fail(std::string(errc::kConfig), "store");
  if (!valid_level(identity.device)) return fail(std::string(errc::kConfig), "device");
  for (const auto& g : identity.groups) {
    if (!valid_level(g)) return fail(std::string(errc::kConfig), "groups");
  }
  return Topics(std::move(identity));
}

Topics::Topics(Identity identity) : id_(std::move(identity)), root_("witryna/v1/" + id_.brand) {}

std::string Topics::store_topic(std::string_view leaf) const {
  std::string out = root_ + "/store/" + id_.store + "/";
  out += leaf;
  return out;
}

std::string Topics::device_topic(std::string_view leaf) const {
  std::string out = root_ + "/device/" + id_.device + "/";
  out += leaf;
  return out;
}

std::string Topics::stream(Stream s) const {
  switch (s) {
    case Stream::kCatalog:
      return root_ + "/catalog";
    case Stream::kNearby:
      return root_ + "/nearby/" + id_.store;
    case Stream::kStock:
    case Stream::kProfiles:
    case Stream::kReservations:
    case Stream::kCodes:
      return store_topic(::witryna::core::to_string(s));
  }
  return {};
}

std::string Topics::acks() const {
  return store_topic("acks");
}
std::string Topics::claims_result() const {
  return store_topic("claims/result");
}
std::string Topics::events() const {
  return store_topic("events");
}
std::string Topics::resync() const {
  return store_topic("resync");
}
std::string Topics::claims() const {
  return store_topic("claims");
}
std::string Topics::state() const {
  return device_topic("state");
}
std::string Topics::desired() const {
  return device_topic("desired");
}
std::string Topics::update() const {
  return device_topic("update");
}
std::string Topics::cmd() const {
  return device_topic("cmd");
}
std::string Topics::cmd_result() const {
  return device_topic("cmd/result");
}

std::string Topics::group_desired(std::string_view group) const {
  std::string out = root_ + "/group/";
  out += group;
  return out + "/desired";
}

std::string Topics::group_update(std::string_view group) const {
  std::string out = root_ + "/group/";
  out += group;
  return out + "/update";
}

std::vector<std::string> Topics::subscriptions() const {
  std::vector<std::string> out;
  for (const auto s : kAllStreams)
    out.push_back(stream(s));
  out.push_back(acks());
  out.push_back(claims_result());
  out.push_back(desired());
  out.push_back(update());
  out.push_back(cmd());
  for (const auto& g : id_.groups) {
    out.push_back(group_desired(g));
    out.push_back(group_update(g));
  }
  return out;
}

std::optional<TopicRef> Topics::parse(std::string_view topic) const {
  const auto l = split_levels(topic);
  if (l.size() < 4 || l[0] != "witryna" || l[1] != "v1" || l[2] != id_.brand) return std::nullopt;
  const std::size_t n = l.size() - 3;  // levels below the root
  const auto at = [&](std::size_t i) { return l[3 + i]; };
  const auto make_ref = [](TopicKind kind, std::optional<Stream> s = std::nullopt,
                           std::string group = {}) {
    return TopicRef{kind, s, std::move(group)};
  };

  if (n == 1 && at(0) == "catalog") return make_ref(TopicKind::kStream, Stream::kCatalog);
  if (n == 2 && at(0) == "nearby" && at(1) == id_.store) {
    return make_ref(TopicKind::kStream, Stream::kNearby);
  }
  if (at(0) == "store" && n >= 3 && at(1) == id_.store) {
    if (n == 4) {
      if (at(2) == "claims" && at(3) == "result") return make_ref(TopicKind::kClaimsResult);
      return std::nullopt;
    }
    if (n != 3) return std::nullopt;
    const auto leaf = at(2);
    if (const auto s = store_stream(leaf)) return make_ref(TopicKind::kStream, *s);
    if (leaf == "acks") return make_ref(TopicKind::kAcks);
    if (leaf == "events") return make_ref(TopicKind::kEvents);
    if (leaf == "resync") return make_ref(TopicKind::kResync);
    if (leaf == "claims") return make_ref(TopicKind::kClaims);
    return std::nullopt;
  }
  if (at(0) == "device" && n >= 3 && at(1) == id_.device) {
    if (n == 4) {
      if (at(2) == "cmd" && at(3) == "result") return make_ref(TopicKind::kCmdResult);
      return std::nullopt;
    }
    if (n != 3) return std::nullopt;
    const auto leaf = at(2);
    if (leaf == "state") return make_ref(TopicKind::kState);
    if (leaf == "desired") return make_ref(TopicKind::kDesired);
    if (leaf == "update") return make_ref(TopicKind::kUpdate);
    if (leaf == "cmd") return make_ref(TopicKind::kCmd);
    return std::nullopt;
  }
  if (at(0) == "group" && n == 3 &&
      std::find(id_.groups.begin(), id_.groups.end(), at(1)) != id_.groups.end()) {
    if (at(2) == "desired") return make_ref(TopicKind::kDesired, std::nullopt, std::string(at(1)));
    if (at(2) == "update") return make_ref(TopicKind::kUpdate, std::nullopt, std::string(at(1)));
  }
  return std::nullopt;
}

}  // namespace witryna::sync::core
