#include "tools/central/control.hpp"

#include <array>
#include <cctype>

#include "tools/central/faults.hpp"

namespace witryna::central {

namespace {

struct Syntax {
  std::string_view op;
  std::size_t min_args;
  std::size_t max_args;
  std::string_view usage;
};

constexpr std::array<Syntax, 17> kSyntax = {{
    {"help", 0, 0, "help                                   this list"},
    {"status", 0, 0, "status                                 seqs, counts, faults, rates (JSON)"},
    {"quit", 0, 0, "quit                                   stop the simulator"},
    {"sleep", 1, 1, "sleep MS                               scripts: wait before the next line"},
    {"publish", 2, 2, "publish STREAM {JSON item}             one live item as it is"},
    {"snapshot", 1, 1,
     "snapshot STREAM                        an unrequested snapshot of a stream"},
    {"stock", 2, 3, "stock SKU ON_HAND [RESERVED]           set a stock level"},
    {"reservation", 0, 3,
     "reservation [CUSTOMER [SKU [STATUS]]]  a new reservation (default: ready, random)"},
    {"reservation-status", 2, 2,
     "reservation-status ID STATUS           held|ready|picked_up|cancelled|expired"},
    {"code", 0, 3,
     "code [CUSTOMER [AMOUNT_MINOR [store|brand]]]  a new app code (printed in clear)"},
    {"consent", 3, 3, "consent CUSTOMER NAME true|false       change one consent"},
    {"erase", 1, 1, "erase CUSTOMER                         right-to-erasure: profile tombstone"},
    {"use-code", 1, 1, "use-code CODE|HASH                     mark a code used in another store"},
    {"rate", 2, 2,
     "rate stock|reservation|code|consent|erasure PER_MINUTE   live traffic (0 stops)"},
    {"fault", 1, 4,
     "fault drop|duplicate|reorder [COUNT] [streams|acks|claims|all]\n"
     "fault delay MS [COUNT] [TARGET]\n"
     "fault withhold-acks on|off    fault silent on|off\n"
     "fault garbage [streams|acks|claims]    fault clear"},
    {"devices", 0, 0, "devices                                what each device sent (JSON)"},
    {"#", 0, 0, "# …                                    a comment"},
}};

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i]))
      ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '.') return false;
  }
  return true;
}

Result<void> check_fault(const ControlCommand& c) {
  const auto bad = [] {
    return fail(std::string(errc::kInvalidValue),
                "usage: fault drop|duplicate|reorder [COUNT] [TARGET] | fault delay MS [COUNT] "
                "[TARGET] | fault withhold-acks|silent on|off | fault garbage [TARGET] | fault "
                "clear");
  };
  const std::string& what = c.args[0];
  if (what == "clear") return c.args.size() == 1 ? Result<void>() : bad();
  if (what == "withhold-acks" || what == "silent") {
    return c.args.size() == 2 && (c.args[1] == "on" || c.args[1] == "off") ? Result<void>() : bad();
  }
  if (what == "garbage") {
    if (c.args.size() == 1) return {};
    return c.args.size() == 2 && fault_target_from(c.args[1]) ? Result<void>() : bad();
  }
  const auto kind = fault_kind_from(what);
  if (!kind) return bad();
  std::size_t next = 1;
  if (*kind == FaultKind::kDelay) {
    if (c.args.size() < 2 || !is_number(c.args[1])) return bad();
    next = 2;
  }
  if (next < c.args.size() && is_number(c.args[next])) ++next;
  if (next < c.args.size() && fault_target_from(c.args[next])) ++next;
  return next == c.args.size() ? Result<void>() : bad();
}

}  // namespace

Result<ControlCommand> parse_control_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || is_space(line.back())))
    line.remove_suffix(1);
  std::size_t lead = 0;
  while (lead < line.size() && is_space(line[lead]))
    ++lead;
  line.remove_prefix(lead);
  ControlCommand command;
  if (line.empty() || line.front() == '#') return command;

  std::vector<std::string> words = split_words(line);
  command.op = words.front();
  words.erase(words.begin());
  if (command.op == "publish" && words.size() >= 2) {
    // The item is JSON and may hold spaces: keep everything after the stream name.
    const std::size_t at = line.find(words[0], std::string_view("publish").size());
    const std::size_t after = at + words[0].size();
    command.rest = std::string(line.substr(after));
    while (!command.rest.empty() && is_space(command.rest.front()))
      command.rest.erase(command.rest.begin());
    words.resize(2);
    words[1] = command.rest;
  }
  command.args = std::move(words);

  for (const auto& syntax : kSyntax) {
    if (syntax.op != command.op) continue;
    if (command.args.size() < syntax.min_args || command.args.size() > syntax.max_args) {
      return fail(std::string(errc::kInvalidValue), "usage: " + std::string(syntax.usage));
    }
    if (command.op == "fault") {
      if (auto ok = check_fault(command); !ok) return tl::make_unexpected(ok.error());
    }
    if ((command.op == "sleep" && !is_number(command.args[0])) ||
        (command.op == "rate" && !is_number(command.args[1])) ||
        (command.op == "stock" && (!is_number(command.args[1]) ||
                                   (command.args.size() == 3 && !is_number(command.args[2]))))) {
      return fail(std::string(errc::kInvalidValue), "usage: " + std::string(syntax.usage));
    }
    return command;
  }
  return fail(std::string(errc::kInvalidValue), "unknown command '" + command.op + "' (try: help)");
}

std::string control_help() {
  std::string out;
  for (const auto& syntax : kSyntax) {
    out += syntax.usage;
    out += '\n';
  }
  return out;
}

}  // namespace witryna::central
