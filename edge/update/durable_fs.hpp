#pragma once
// Files that survive a power cut at any instant: every write goes to a
// temporary name, is fsync'd, renamed over the target and the folder fsync'd,
// so a reader sees the old content or the new, never a torn one.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::update {

// Fails with errc::kIo (the path and strerror in the context).
[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view content, int mode = 0644);
[[nodiscard]] Result<std::string> read_small_file(const std::filesystem::path& path);
[[nodiscard]] Result<void> fsync_path(const std::filesystem::path& path);
// fsync of the folder holding `path` (makes a rename or create in it durable).
[[nodiscard]] Result<void> fsync_parent(const std::filesystem::path& path);

// Points `link` at `target` atomically: a symlink under a temporary name,
// renamed over `link` (rename(2) replaces a symlink in one step).
[[nodiscard]] Result<void> switch_symlink(const std::filesystem::path& link,
                                          const std::filesystem::path& target);
// The target of the symlink `link`, nullopt when it is missing or not a symlink.
[[nodiscard]] std::optional<std::filesystem::path> symlink_target(
    const std::filesystem::path& link);

// fsync of every file and folder under `root` (an unpacked release).
[[nodiscard]] Result<void> fsync_tree(const std::filesystem::path& root);

}  // namespace witryna::update
