#pragma once
// Topic names of mqtt.md ("Names"), built from the device's identity, and
// incoming topics parsed back. root = witryna/v1/{brand}.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"
#include "sync/core/types.hpp"

namespace witryna::sync::core {

// Who this device is. `groups` are the fleet groups it listens to
// (`{root}/group/{group}/desired|update`); it may be empty.
struct Identity {
  std::string brand;
  std::string store;
  std::string device;
  std::vector<std::string> groups;
};

enum class TopicKind {
  kStream,        // central → store: a stream (`TopicRef::stream` says which)
  kAcks,          // central → store: {"device","upto"}
  kClaimsResult,  // central → store: {"claim","result"}
  kEvents,        // store → central: the outbox
  kResync,        // store → central: resync requests
  kClaims,        // store → central: code claims
  kState,         // device → fleet: device state and Last Will (retained)
  kDesired,       // fleet → device or group (retained)
  kUpdate,        // fleet → device or group (retained)
  kCmd,           // fleet → device
  kCmdResult,     // device → fleet
};

[[nodiscard]] const char* to_string(TopicKind kind);
// True for the kinds this device receives (and subscribes to).
[[nodiscard]] bool is_inbound(TopicKind kind);

struct TopicRef {
  TopicKind kind = TopicKind::kStream;
  std::optional<Stream> stream;  // set for kStream only
  std::string group;             // kDesired/kUpdate of a group; empty: the device's own

  friend bool operator==(const TopicRef&, const TopicRef&) = default;
};

class Topics {
 public:
  // Every name must be non-empty and free of '/', '+', '#' and NUL;
  // otherwise errc::kConfig with the field ("brand", "store", "device", "groups").
  [[nodiscard]] static Result<Topics> make(Identity identity);

  [[nodiscard]] const Identity& identity() const { return id_; }
  [[nodiscard]] const std::string& root() const { return root_; }

  [[nodiscard]] std::string stream(Stream s) const;
  [[nodiscard]] std::string acks() const;
  [[nodiscard]] std::string claims_result() const;
  [[nodiscard]] std::string events() const;
  [[nodiscard]] std::string resync() const;
  [[nodiscard]] std::string claims() const;
  [[nodiscard]] std::string state() const;
  [[nodiscard]] std::string desired() const;
  [[nodiscard]] std::string update() const;
  [[nodiscard]] std::string group_desired(std::string_view group) const;
  [[nodiscard]] std::string group_update(std::string_view group) const;
  [[nodiscard]] std::string cmd() const;
  [[nodiscard]] std::string cmd_result() const;

  // Every topic this device receives, all QoS 1: the six streams, acks,
  // claims/result, its desired/update/cmd and those of its groups.
  [[nodiscard]] std::vector<std::string> subscriptions() const;

  // Any topic of the table for this brand, store, device and its groups;
  // nullopt for anything else (another store or device, unknown suffix,
  // empty levels, wildcards). Callers drop inbound messages on a topic whose
  // kind is not is_inbound().
  [[nodiscard]] std::optional<TopicRef> parse(std::string_view topic) const;

 private:
  explicit Topics(Identity identity);
  [[nodiscard]] std::string store_topic(std::string_view leaf) const;
  [[nodiscard]] std::string device_topic(std::string_view leaf) const;

  Identity id_;
  std::string root_;
};

}  // namespace witryna::sync::core
