#pragma once
// The control language of witryna-central: one command per line, from stdin,
// the control socket or a --script file (README.md lists them). Parsing is
// pure; the node carries the commands out.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edge/core/result.hpp"

namespace witryna::central {

struct ControlCommand {
  std::string op;                 // "stock", "fault", …
  std::vector<std::string> args;  // whitespace-separated words after op
  std::string rest;               // publish: the raw JSON after the stream name

  friend bool operator==(const ControlCommand&, const ControlCommand&) = default;
};

// Empty lines and lines starting with '#' parse as op "" (nothing to do).
// Errors: errc::kInvalidValue with a message that names the usage.
[[nodiscard]] Result<ControlCommand> parse_control_line(std::string_view line);

// Every command with its arguments, one per line.
[[nodiscard]] std::string control_help();

}  // namespace witryna::central
