#include "edge/cli/command.hpp"

#include <CLI/CLI.hpp>

namespace witryna::cli {

Option* Option::required() {
  impl_->required();
  return this;
}

Option* Option::capture_default_str() {
  impl_->capture_default_str();
  return this;
}

Option* Option::envname(const std::string& variable) {
  impl_->envname(variable);
  return this;
}

Option* Option::check(const Range& range) {
  if (range.integral) {
    impl_->check(
        CLI::Range(static_cast<std::int64_t>(range.min), static_cast<std::int64_t>(range.max)));
  } else {
    impl_->check(CLI::Range(range.min, range.max));
  }
  return this;
}

Option* Option::check(const OneOf& allowed) {
  impl_->check(CLI::IsMember(allowed.values));
  return this;
}

Option* Option::check(NonNegative) {
  impl_->check(CLI::NonNegativeNumber);
  return this;
}

Option* Option::excludes(Option* other) {
  impl_->excludes(other->impl_);
  return this;
}

Option* Option::needs(Option* other) {
  impl_->needs(other->impl_);
  return this;
}

Option::operator bool() const {
  return impl_->count() > 0;
}

Command::Command(const std::string& description)
    : owned_(std::make_unique<CLI::App>(description)), app_(owned_.get()) {}

Command::Command(SubcommandOf, CLI::App* app) : app_(app) {}

Command::~Command() = default;

Option* Command::keep(CLI::Option* option) {
  options_.push_back(std::make_unique<Option>(option));
  return options_.back().get();
}

template <OptionValue T>
Option* Command::add_option(const std::string& names, T& into, const std::string& help) {
  return keep(app_->add_option(names, into, help));
}

template Option* Command::add_option(const std::string&, std::string&, const std::string&);
template Option* Command::add_option(const std::string&, std::filesystem::path&,
                                     const std::string&);
template Option* Command::add_option(const std::string&, int&, const std::string&);
template Option* Command::add_option(const std::string&, unsigned&, const std::string&);
template Option* Command::add_option(const std::string&, long&, const std::string&);
template Option* Command::add_option(const std::string&, unsigned long&, const std::string&);
template Option* Command::add_option(const std::string&, long long&, const std::string&);
template Option* Command::add_option(const std::string&, unsigned long long&, const std::string&);
template Option* Command::add_option(const std::string&, unsigned short&, const std::string&);
template Option* Command::add_option(const std::string&, double&, const std::string&);
template Option* Command::add_option(const std::string&, std::optional<std::filesystem::path>&,
                                     const std::string&);
template Option* Command::add_option(const std::string&, std::vector<int>&, const std::string&);
template Option* Command::add_option(const std::string&, std::vector<std::string>&,
                                     const std::string&);

Option* Command::add_flag(const std::string& names, bool& into, const std::string& help) {
  return keep(app_->add_flag(names, into, help));
}

Command* Command::add_subcommand(const std::string& name, const std::string& help) {
  subcommands_.push_back(
      std::make_unique<Command>(SubcommandOf{}, app_->add_subcommand(name, help)));
  return subcommands_.back().get();
}

void Command::require_subcommand(int how_many) {
  app_->require_subcommand(how_many);
}

void Command::require_subcommand(int min, int max) {
  app_->require_subcommand(static_cast<std::size_t>(min), static_cast<std::size_t>(max));
}

bool Command::parsed() const {
  return app_->parsed();
}

std::size_t Command::count(const std::string& name) const {
  return app_->count(name);
}

std::optional<int> Command::parse(int argc, const char* const* argv) {
  try {
    app_->parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app_->exit(error);
  }
  return std::nullopt;
}

}  // namespace witryna::cli
