#pragma once
// The service log: one line per message on stderr. Under systemd (stderr is
// the journal, JOURNAL_STREAM matches it) each line starts with a syslog
// priority prefix `<3>`…`<7>` that journald turns into the priority; otherwise
// with a UTC timestamp and the level name.
//
// RULE — never log personal or secret data: no card numbers, no app codes (in
// clear), no tokens, no names, no key material. Log a customer id at most, a
// hash (code_hash) preferably; an error message coming from elsewhere must be
// checked for this before it is logged.
//
// Thread-safe: any thread may log; lines never interleave.

#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace witryna::service {

enum class LogLevel { kError, kWarn, kInfo, kDebug };

[[nodiscard]] std::string_view to_string(LogLevel level);  // "error", "warn", "info", "debug"
[[nodiscard]] std::optional<LogLevel> log_level_from(std::string_view name);

namespace log {

// Messages less severe than `level` are dropped. Default: info.
void set_level(LogLevel level);
[[nodiscard]] LogLevel level();
[[nodiscard]] bool enabled(LogLevel level);

// Where finished lines go (without the trailing newline). Default: stderr
// with the prefix described above. Tests install a capturing sink; pass an
// empty function to restore stderr. The sink is called under the log's lock.
using Sink = std::function<void(LogLevel level, std::string_view line)>;
void set_sink(Sink sink);

// Writes `message` at `level` if enabled. Newlines in `message` become spaces
// so that one message is always one line.
void write(LogLevel level, std::string_view message);

// The prefix for one line: "<6>" under the journal, else
// "2026-11-22T10:00:00.123Z info " (exposed for tests).
[[nodiscard]] std::string line_prefix(LogLevel level, bool journal);
// True when stderr is connected to the journal (JOURNAL_STREAM names the
// same device:inode as fd 2).
[[nodiscard]] bool stderr_is_journal();

// log::info("ready, state in ", path) — the parts are streamed only when the
// level is enabled.
template <typename... Parts>
void at(LogLevel level, const Parts&... parts) {
  if (!enabled(level)) return;
  std::ostringstream out;
  (out << ... << parts);
  write(level, out.str());
}
template <typename... Parts>
void error(const Parts&... parts) {
  at(LogLevel::kError, parts...);
}
template <typename... Parts>
void warn(const Parts&... parts) {
  at(LogLevel::kWarn, parts...);
}
template <typename... Parts>
void info(const Parts&... parts) {
  at(LogLevel::kInfo, parts...);
}
template <typename... Parts>
void debug(const Parts&... parts) {
  at(LogLevel::kDebug, parts...);
}

}  // namespace log
}  // namespace witryna::service
