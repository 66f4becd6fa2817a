#pragma once
// Marks the calling thread as background work of the device: named (for
// `top -H`, perf and gdb) and given a lower CPU priority (Linux nice, per
// thread), so that on the appliance's two cores a scan served by the event
// loop gets the CPU before a snapshot part is parsed or the WAL is copied.
// The work still runs whenever the loop has nothing to do: the scheduler
// only lets the loop go first.
//
// Call from the thread itself, first thing. Best effort: a name or priority
// the system refuses leaves the thread as it was (nothing else depends on it).

#include <string_view>

namespace witryna::store {

// How much nicer than the thread that started it a background thread gets
// (at most 19): between an interactive thread and idle-only work; under
// load such a thread gets about a tenth of the CPU share of the loop. Added
// to the process's own nice, so a service started at another priority keeps
// its background threads that far below its loop (the product runs at 0:
// they run at 10).
inline constexpr int kBackgroundNice = 10;

// `name`: at most 15 characters are kept (the kernel's limit).
void become_background_thread(std::string_view name);

}  // namespace witryna::store
