#include "edge/service/log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "edge/core/time.hpp"

namespace witryna::service {

namespace {

constexpr std::array<std::string_view, 4> kNames = {"error", "warn", "info", "debug"};

std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};

struct SinkState {
  std::mutex mutex;
  log::Sink sink;
  // Decided once: stderr does not move between the journal and a terminal.
  bool journal = log::stderr_is_journal();
};

SinkState& sink_state() {
  static SinkState state;
  return state;
}

// syslog priorities: err 3, warning 4, info 6, debug 7.
int priority(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return 3;
    case LogLevel::kWarn:
      return 4;
    case LogLevel::kInfo:
      return 6;
    case LogLevel::kDebug:
      return 7;
  }
  return 6;
}

}  // namespace

std::string_view to_string(LogLevel level) {
  return kNames.at(static_cast<std::size_t>(level));
}

std::optional<LogLevel> log_level_from(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<LogLevel>(i);
  }
  return std::nullopt;
}

namespace log {

void set_level(LogLevel level) {
  g_level.store(static_cast<int>(level));
}

LogLevel level() {
  return static_cast<LogLevel>(g_level.load());
}

bool enabled(LogLevel level) {
  return static_cast<int>(level) <= g_level.load();
}

void set_sink(Sink sink) {
  auto& state = sink_state();
  const std::lock_guard lock(state.mutex);
  state.sink = std::move(sink);
}

std::string line_prefix(LogLevel level, bool journal) {
  if (journal) return "<" + std::to_string(priority(level)) + ">";
  const auto now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
  return format_rfc3339(now) + " " + std::string(to_string(level)) + " ";
}

bool stderr_is_journal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (stream == nullptr) return false;
  const std::string_view text(stream);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  unsigned long long dev = 0;
  unsigned long long ino = 0;
  const auto dev_part = text.substr(0, colon);
  const auto ino_part = text.substr(colon + 1);
  if (std::from_chars(dev_part.data(), dev_part.data() + dev_part.size(), dev).ec != std::errc{} ||
      std::from_chars(ino_part.data(), ino_part.data() + ino_part.size(), ino).ec != std::errc{}) {
    return false;
  }
  struct stat st {};
  if (::fstat(STDERR_FILENO, &st) != 0) return false;
  return static_cast<unsigned long long>(st.st_dev) == dev &&
         static_cast<unsigned long long>(st.st_ino) == ino;
}

void write(LogLevel level, std::string_view message) {
  if (!enabled(level)) return;
  auto& state = sink_state();
  std::string line;
  line.reserve(message.size() + 32);
  const std::lock_guard lock(state.mutex);
  if (state.sink) {
    line.append(message);
  } else {
    line = line_prefix(level, state.journal);
    line.append(message);
  }
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (state.sink) {
    state.sink(level, line);
    return;
  }
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace log
}  // namespace witryna::service
