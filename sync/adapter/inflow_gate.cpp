#include "sync/adapter/inflow_gate.hpp"

namespace witryna::sync {

std::shared_ptr<InflowGate> InflowGate::create(std::size_t limit_bytes) {
  return std::shared_ptr<InflowGate>(new InflowGate(limit_bytes));
}

InflowGate::Hold InflowGate::enter(std::size_t bytes) {
  {
    std::unique_lock lock(mutex_);
    const auto fits = [&] { return closed_ || held_ == 0 || held_ + bytes <= limit_; };
    if (!fits()) {
      ++waits_;
      room_.wait(lock, fits);
    }
    held_ += bytes;
  }
  return make_hold(bytes);
}

InflowGate::Hold InflowGate::try_enter(std::size_t bytes) {
  {
    const std::lock_guard lock(mutex_);
    if (!closed_ && held_ != 0 && held_ + bytes > limit_) return nullptr;
    held_ += bytes;
  }
  return make_hold(bytes);
}

InflowGate::Hold InflowGate::make_hold(std::size_t bytes) {
  // The hold keeps the gate alive: it may outlive the client that made it.
  return Hold(static_cast<void*>(this),
              [gate = shared_from_this(), bytes](void*) { gate->release(bytes); });
}

void InflowGate::release(std::size_t bytes) {
  {
    const std::lock_guard lock(mutex_);
    held_ -= bytes;
  }
  room_.notify_all();
}

void InflowGate::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  room_.notify_all();
}

std::size_t InflowGate::held() const {
  const std::lock_guard lock(mutex_);
  return held_;
}

std::size_t InflowGate::waits() const {
  const std::lock_guard lock(mutex_);
  return waits_;
}

}  // namespace witryna::sync
