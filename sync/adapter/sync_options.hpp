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
  // Longest time one loop step spends applying items (it commits and posts
  // the next step then): a scan waits at most about this long for the store.
  std::chrono::microseconds apply_slice{2'000};
  // While applying, every this many items the loop asks whether input waits
  // (InboundPipeline::Hooks::input_waiting: a screen request) and ends its
  // step early when it does; 0 never asks. Each ask is a poll(2), ~1 us,
  // against ~15 us per profile applied.
  std::size_t yield_check_items = 8;
  // A live message of at most this many items may share a transaction with
  // the live messages queued behind it; a larger one is applied in slices.
  std::size_t join_items = 100;
  // Bytes of received messages waiting to be parsed or applied, beyond which
  // no more are read off the socket (backpressure, sync/adapter/inflow_gate.hpp).
  std::size_t inflow_bytes = 4 * 1024 * 1024;
  // A message of at most this many bytes is parsed on the loop when the
  // parse worker has nothing in flight (sync/adapter/parse_worker.hpp);
  // 0 sends every non-empty message to the worker.
  std::size_t inline_parse_bytes = 4 * 1024;
  // How often timers of the cores (resync retry, part timeout, claim and ack
  // deadlines, rate-limited state) are looked at.
  std::chrono::milliseconds tick{100};
  // Longest wait in stop() for the offline state to reach the broker.
  std::chrono::milliseconds stop_timeout{2'000};
};

}  // namespace witryna::sync
