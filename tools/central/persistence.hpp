#pragma once
// Where the simulator keeps what must survive its restart, in a folder:
//   journal.jsonl  every item it published live, one {"stream","item"} a line
//                  (replayed over the brand data at start)
//   state.json     the seq of every stream, the events held per device (as
//                  ranges of n) and the uses of every code
// state.json is replaced atomically (write + rename); the journal is
// appended and flushed per message. A crash loses at most the last line.

#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

#include "edge/core/result.hpp"
#include "tools/central/claim_book.hpp"
#include "tools/central/event_book.hpp"
#include "tools/central/world_state.hpp"

namespace witryna::central {

// Reads <dir>/<stream>.jsonl for every stream (a file may be missing: an
// empty stream) into `world`, and teaches `claims` the codes. Errors:
// errc::kIo (cannot read), errc::kInvalidJson / kInvalidValue (file:line).
[[nodiscard]] Result<std::size_t> load_brand(const std::filesystem::path& dir, WorldState& world,
                                             ClaimBook& claims);

[[nodiscard]] Result<void> append_journal(const std::filesystem::path& file, Stream stream,
                                          const std::vector<Json>& items);
// Applies every line of the journal; a torn last line is ignored.
[[nodiscard]] Result<std::size_t> replay_journal(const std::filesystem::path& file,
                                                 WorldState& world, ClaimBook& claims);

struct SavedCounters {
  std::int64_t snapshots = 0;
};

[[nodiscard]] Json state_document(const WorldState& world, const EventBook& events,
                                  const ClaimBook& claims, const SavedCounters& counters);
[[nodiscard]] Result<void> restore_state(const Json& doc, WorldState& world, EventBook& events,
                                         ClaimBook& claims, SavedCounters& counters);

// Everything central starts from: the brand data in `brand_dir`, then (when
// `state_dir` is not empty) the journal replayed over it and state.json.
struct RestoredWorld {
  WorldState world;
  ClaimBook claims;
  EventBook events;
  SavedCounters counters;
  std::size_t brand_items = 0;
  std::size_t replayed = 0;
  bool continued = false;  // state.json was there
};
[[nodiscard]] Result<RestoredWorld> restore_world(const std::filesystem::path& brand_dir,
                                                  const std::filesystem::path& state_dir);

[[nodiscard]] Result<void> write_file_atomic(const std::filesystem::path& file,
                                             const std::string& text);
[[nodiscard]] Result<std::string> read_text_file(const std::filesystem::path& file);

}  // namespace witryna::central
