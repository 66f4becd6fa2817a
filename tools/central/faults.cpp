#include "tools/central/faults.hpp"

namespace witryna::central {

const char* to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::kNone:
      return "none";
    case FaultKind::kDrop:
      return "drop";
    case FaultKind::kDuplicate:
      return "duplicate";
    case FaultKind::kReorder:
      return "reorder";
    case FaultKind::kDelay:
      return "delay";
  }
  return "none";
}

const char* to_string(FaultTarget target) {
  switch (target) {
    case FaultTarget::kStreams:
      return "streams";
    case FaultTarget::kAcks:
      return "acks";
    case FaultTarget::kClaims:
      return "claims";
    case FaultTarget::kAll:
      return "all";
  }
  return "streams";
}

std::optional<FaultKind> fault_kind_from(const std::string& name) {
  for (auto k : {FaultKind::kDrop, FaultKind::kDuplicate, FaultKind::kReorder, FaultKind::kDelay}) {
    if (name == to_string(k)) return k;
  }
  return std::nullopt;
}

std::optional<FaultTarget> fault_target_from(const std::string& name) {
  for (auto t :
       {FaultTarget::kStreams, FaultTarget::kAcks, FaultTarget::kClaims, FaultTarget::kAll}) {
    if (name == to_string(t)) return t;
  }
  return std::nullopt;
}

void FaultInjector::arm(FaultSpec spec) {
  spec_ = spec;
  if (spec_.count < 1) spec_.kind = FaultKind::kNone;
}

void FaultInjector::clear() {
  spec_ = FaultSpec{};
  withhold_acks_ = false;
  silent_ = false;
}

bool FaultInjector::applies(OutKind kind) const {
  switch (spec_.target) {
    case FaultTarget::kAll:
      return true;
    case FaultTarget::kStreams:
      return kind == OutKind::kStream;
    case FaultTarget::kAcks:
      return kind == OutKind::kAck;
    case FaultTarget::kClaims:
      return kind == OutKind::kClaimResult;
  }
  return false;
}

std::vector<Delivery> FaultInjector::route(Outgoing message) {
  if (silent_) return {};
  if (message.kind == OutKind::kAck && withhold_acks_) return {};
  if (spec_.kind == FaultKind::kNone || !applies(message.kind)) {
    return {Delivery{std::chrono::milliseconds(0), std::move(message)}};
  }
  const auto used_one = [this] {
    if (--spec_.count <= 0) spec_ = FaultSpec{};
  };
  switch (spec_.kind) {
    case FaultKind::kDrop:
      used_one();
      return {};
    case FaultKind::kDuplicate: {
      used_one();
      Delivery first{std::chrono::milliseconds(0), message};
      return {first, Delivery{std::chrono::milliseconds(0), std::move(message)}};
    }
    case FaultKind::kDelay: {
      const auto delay = spec_.delay;
      used_one();
      return {Delivery{delay, std::move(message)}};
    }
    case FaultKind::kReorder: {
      if (!held_) {
        held_ = std::move(message);
        return {};
      }
      used_one();
      Delivery later{std::chrono::milliseconds(0), std::move(*held_)};
      held_.reset();
      return {Delivery{std::chrono::milliseconds(0), std::move(message)}, std::move(later)};
    }
    case FaultKind::kNone:
      break;
  }
  return {Delivery{std::chrono::milliseconds(0), std::move(message)}};
}

std::optional<Outgoing> FaultInjector::release_held() {
  std::optional<Outgoing> out = std::move(held_);
  held_.reset();
  return out;
}

std::string FaultInjector::describe() const {
  std::string out;
  if (spec_.kind == FaultKind::kNone) {
    out = "no fault armed";
  } else {
    out = std::string(to_string(spec_.kind)) + " x" + std::to_string(spec_.count) + " on " +
          to_string(spec_.target);
    if (spec_.kind == FaultKind::kDelay)
      out += " by " + std::to_string(spec_.delay.count()) + " ms";
  }
  if (withhold_acks_) out += "; acks withheld";
  if (silent_) out += "; silent";
  if (held_) out += "; holding one message";
  return out;
}

}  // namespace witryna::central
