#pragma once
// Fault injection on central's outgoing messages, decided as data: for each
// message to send, which deliveries happen (none, one, two, later). Pure; the
// adapter sends the deliveries and runs the delays and the reorder release.
//
// One fault is armed at a time (arming another replaces it) and applies to
// the next `count` messages of its target; `withhold_acks` and `silent` are
// switches on top of it.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::central {

enum class OutKind { kStream, kAck, kClaimResult };

struct Outgoing {
  OutKind kind = OutKind::kStream;
  std::string topic;
  std::string payload;

  friend bool operator==(const Outgoing&, const Outgoing&) = default;
};

struct Delivery {
  std::chrono::milliseconds delay{0};
  Outgoing message;

  friend bool operator==(const Delivery&, const Delivery&) = default;
};

enum class FaultKind { kNone, kDrop, kDuplicate, kReorder, kDelay };
enum class FaultTarget { kStreams, kAcks, kClaims, kAll };

[[nodiscard]] const char* to_string(FaultKind kind);
[[nodiscard]] const char* to_string(FaultTarget target);
[[nodiscard]] std::optional<FaultKind> fault_kind_from(const std::string& name);
[[nodiscard]] std::optional<FaultTarget> fault_target_from(const std::string& name);

struct FaultSpec {
  FaultKind kind = FaultKind::kNone;
  int count = 1;  // messages it applies to (reorder: pairs swapped)
  FaultTarget target = FaultTarget::kStreams;
  std::chrono::milliseconds delay{0};  // kDelay only
};

class FaultInjector {
 public:
  void arm(FaultSpec spec);
  void clear();  // disarms the fault and both switches; a held message is NOT released here
  void set_withhold_acks(bool on) { withhold_acks_ = on; }
  void set_silent(bool on) { silent_ = on; }
  [[nodiscard]] bool withhold_acks() const { return withhold_acks_; }
  [[nodiscard]] bool silent() const { return silent_; }
  [[nodiscard]] const FaultSpec& armed() const { return spec_; }

  // What to send for `message`, in order. Silent: nothing. An ack while acks
  // are withheld: nothing (the caller sends the latest ack when released).
  [[nodiscard]] std::vector<Delivery> route(Outgoing message);
  // The message a reorder is holding back (sent now), if any.
  [[nodiscard]] std::optional<Outgoing> release_held();
  [[nodiscard]] bool holding() const { return held_.has_value(); }

  [[nodiscard]] std::string describe() const;

 private:
  [[nodiscard]] bool applies(OutKind kind) const;

  FaultSpec spec_;
  bool withhold_acks_ = false;
  bool silent_ = false;
  std::optional<Outgoing> held_;
};

}  // namespace witryna::central
