#pragma once
// A command line, parsed by CLI11, behind a header that does not include it.
//
// CLI11 2.1 (Debian 12) is header-only and defines its validators as objects
// in every translation unit that includes it: each main() that did cost 6-8 s
// of compile time (13-14 s under the sanitizers), twelve times per build. Here
// it is compiled once, in command.cpp. The names follow CLI11's, so a main
// reads as it would with CLI::App.
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace witryna::cli {

// Accepted values, inclusive; integral bounds print as integers in the help.
struct Range {
  Range(std::integral auto lowest, std::integral auto highest)
      : min(static_cast<double>(lowest)), max(static_cast<double>(highest)), integral(true) {}
  Range(std::floating_point auto lowest, std::floating_point auto highest)
      : min(lowest), max(highest), integral(false) {}
  double min;
  double max;
  bool integral;
};
struct OneOf {
  std::vector<std::string> values;
};
struct NonNegative {};

// The value types an option can be read into (command.cpp instantiates each).
template <typename T>
concept OptionValue = std::same_as<T, std::string> || std::same_as<T, std::filesystem::path> ||
    std::same_as<T, int> || std::same_as<T, unsigned> || std::same_as<T, long> ||
    std::same_as<T, unsigned long> || std::same_as<T, long long> ||
    std::same_as<T, unsigned long long> || std::same_as<T, unsigned short> ||
    std::same_as<T, double> || std::same_as<T, std::vector<std::string>> ||
    std::same_as<T, std::vector<int>> || std::same_as<T, std::optional<std::filesystem::path>>;

class Option {
 public:
  explicit Option(CLI::Option* impl) : impl_(impl) {}

  Option* required();
  Option* capture_default_str();  // the help shows the value it starts with
  Option* envname(const std::string& variable);
  Option* check(const Range& range);
  Option* check(const OneOf& allowed);
  Option* check(NonNegative);
  Option* excludes(Option* other);
  Option* needs(Option* other);

  // Given on the command line (or from its environment variable).
  explicit operator bool() const;

 private:
  CLI::Option* impl_;
};

class Command {
  struct SubcommandOf {};

 public:
  // The program's own command line.
  explicit Command(const std::string& description);
  Command(SubcommandOf, CLI::App* app);
  ~Command();
  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;

  template <OptionValue T>
  Option* add_option(const std::string& names, T& into, const std::string& help = {});
  Option* add_flag(const std::string& names, bool& into, const std::string& help = {});
  Command* add_subcommand(const std::string& name, const std::string& help);
  void require_subcommand(int how_many);
  void require_subcommand(int min, int max);

  // This (sub)command was given.
  [[nodiscard]] bool parsed() const;
  explicit operator bool() const { return parsed(); }
  // How often an option was given.
  [[nodiscard]] std::size_t count(const std::string& name) const;

  // Parses the program's arguments. nullopt: go on. Otherwise the program
  // should exit with the status given: 0 after --help (printed to stdout), a
  // CLI11 error status after a refusal (its message printed to stderr).
  [[nodiscard]] std::optional<int> parse(int argc, const char* const* argv);

 private:
  Option* keep(CLI::Option* option);

  std::unique_ptr<CLI::App> owned_;  // the program's; subcommands belong to it
  CLI::App* app_ = nullptr;
  std::vector<std::unique_ptr<Option>> options_;
  std::vector<std::unique_ptr<Command>> subcommands_;
};

}  // namespace witryna::cli
