#pragma once
// Tuning of the sync service beyond the service Config: defaults are the
// contract's numbers; tests shorten the timers.

#include <chrono>
#include <cstddef>
#include <string>

#include "sync/core/backoff.hpp"
#include "sync/core/claim_tracker.hpp"
#include "sync/core/outbox_publisher.hpp"
#include "sync/core/stream_message.hpp"
#include "sync/core/stream_sync.hpp"

namespace witryna::sync {

struct SyncOptions {
  std::string version;  // software version for the device state ("1.4.2")
  core::SyncOptions streams;
  core::MessageLimits limits;
  core::ClaimOptions claims;
  core::BackoffOptions backoff;
  // Items applied per store transaction, and snapshot rows examined per
  // completion step: between two batches the io_context runs other work
  // (scans), so a 1,000,000-item snapshot never holds the loop for long.
  std::size_t apply_batch = 500;
  // How often timers of the cores (resync retry, part timeout, claim and ack
  // deadlines, rate-limited state) are looked at.
  std::chrono::milliseconds tick{100};
  // Longest wait in stop() for the offline state to reach the broker.
  std::chrono::milliseconds stop_timeout{2'000};
};

}  // namespace witryna::sync
