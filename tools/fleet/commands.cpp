#include "tools/fleet/commands.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/service/config.hpp"
#include "edge/update/durable_fs.hpp"
#include "sync/core/uuid.hpp"
#include "tools/fleet/core/device_table.hpp"
#include "tools/fleet/core/fleet_payloads.hpp"
#include "tools/fleet/core/fleet_topics.hpp"
#include "tools/fleet/core/manifest_token.hpp"

namespace witryna::fleet {
namespace {

using Clock = std::chrono::system_clock;
using std::chrono::milliseconds;

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int signal_number) {
  g_stop_signal = signal_number;
}

void install_stop_signals() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool stop_requested() {
  return g_stop_signal != 0;
}

TimePoint now() {
  return std::chrono::time_point_cast<Millis>(Clock::now());
}

int error_exit(int code, const std::string& message) {
  std::fprintf(stderr, "witryna-fleet: %s\n", message.c_str());
  return code;
}

int error_exit(int code, const Error& error) {
  return error_exit(code, error.code + (error.context.empty() ? "" : ": " + error.context));
}

bool stdout_is_tty() {
  return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

std::string clock_text(TimePoint t) {
  return format_rfc3339(t).substr(11, 8);
}

std::string join(const std::vector<std::string>& names, std::string_view separator = ",") {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (const char c : text) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

Result<std::string> read_text(const std::filesystem::path& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(std::string(errc::kIo), std::string(what) + " " + path.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<void> check_target(const Target& target) {
  if (target.device.empty() == target.group.empty())
    return fail(std::string(errc::kConfig), "give exactly one of --device and --group");
  if (!target.device.empty()) return check_topic_name(target.device, "device");
  return check_topic_name(target.group, "group");
}

// The manifest file: read, its claims checked like a device checks them (and
// the signature when a key is given).
Result<std::pair<std::string, core::UpdateManifest>> load_manifest(
    const std::filesystem::path& file, const std::filesystem::path& verify_key) {
  auto text = read_text(file, "manifest");
  if (!text) return tl::unexpected(text.error());
  const std::string token(trim_token(*text));
  std::optional<crypto::Ed25519KeyRing> keys;
  if (!verify_key.empty()) {
    auto parts = core::parse_jws(token);
    if (!parts) return tl::unexpected(parts.error());
    keys.emplace();
    if (auto added = keys->add_pem_file(parts->kid, verify_key); !added)
      return tl::unexpected(added.error());
  }
  auto manifest = read_manifest_token(token, keys ? &*keys : nullptr);
  if (!manifest)
    return fail(
        manifest.error().code,
        "manifest " + file.string() + ": " + manifest.error().code +
            (manifest.error().context.empty() ? "" : " (" + manifest.error().context + ")"));
  return std::make_pair(token, std::move(*manifest));
}

std::string new_command_id() {
  std::random_device random;
  const std::uint64_t high = (std::uint64_t{random()} << 32) | random();
  const std::uint64_t low = (std::uint64_t{random()} << 32) | random();
  return sync::core::IdGenerator(high, low).next();
}

// Redraws a block of lines in place on a terminal.
class Screen {
 public:
  void draw(const std::vector<std::string>& lines) {
    std::string out;
    if (drawn_ > 0) out += "\x1b[" + std::to_string(drawn_) + "A\x1b[J";
    for (const auto& line : lines)
      out += line + "\n";
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    drawn_ = lines.size();
  }

 private:
  std::size_t drawn_ = 0;
};

}  // namespace

Result<std::vector<DeviceEntry>> read_devices_file(const std::filesystem::path& path) {
  auto text = read_text(path, "devices file");
  if (!text) return tl::unexpected(text.error());
  std::vector<DeviceEntry> entries;
  std::istringstream lines(*text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    auto words = split_list(line);
    if (words.empty()) continue;
    DeviceEntry entry;
    entry.device = words.front();
    entry.groups.assign(words.begin() + 1, words.end());
    for (const auto& name : words) {
      if (auto ok = check_topic_name(name, "name"); !ok)
        return fail(std::string(errc::kConfig),
                    path.string() + ":" + std::to_string(number) + ": " + ok.error().context);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// ---------------------------------------------------------------------------

int publish_config(const Common& common, const PublishConfigArgs& args) {
  install_stop_signals();
  if (auto ok = check_target(args.target); !ok) return error_exit(kExitInput, ok.error());
  if (args.wait && args.target.device.empty())
    return error_exit(kExitInput, "--wait needs --device (a group has no single state to watch)");
  auto topics = FleetTopics::make(common.brand);
  if (!topics) return error_exit(kExitInput, topics.error());
  auto text = read_text(args.file, "configuration");
  if (!text) return error_exit(kExitInput, text.error());
  const auto config = nlohmann::json::parse(*text, nullptr, false);
  if (config.is_discarded())
    return error_exit(kExitInput, args.file.string() + " is not valid JSON");
  // The device refuses secrets and local-only keys (fleet.md): say so here,
  // before anything is published, with the same rules.
  if (auto merged = service::merge_desired(nlohmann::json::object(), config); !merged)
    return error_exit(kExitInput, "refused before publishing: " + merged.error().context);
  auto payload = desired_payload(args.config_ver, config);
  if (!payload) return error_exit(kExitInput, payload.error());

  const bool to_device = !args.target.device.empty();
  const std::string topic =
      to_device ? topics->desired(args.target.device) : topics->group_desired(args.target.group);
  std::optional<DeviceReport> latest;
  auto link = FleetLink::open(common.link, [&](const sync::MqttMessage& message) {
    if (message.payload.empty()) return;
    if (auto report = parse_device_report(message.payload)) latest = std::move(*report);
  });
  if (!link) return error_exit(kExitBroker, link.error());
  if (args.wait) {
    if (auto ok = (*link)->subscribe({topics->state(args.target.device)}); !ok)
      return error_exit(kExitBroker, ok.error());
  }
  if (auto ok = (*link)->publish({{topic, *payload, true}}); !ok)
    return error_exit(kExitBroker, ok.error());
  std::printf("published config_ver %lld to %s (retained)\n",
              static_cast<long long>(args.config_ver), topic.c_str());
  if (!args.wait) {
    (*link)->close();
    return kExitOk;
  }
  const auto ver = args.config_ver;
  const auto settled = [&] {
    if (!latest) return false;
    const auto& s = latest->state;
    return s.config_ver >= ver || (s.config_error && s.config_error->config_ver == ver);
  };
  const bool done = (*link)->run_until([&] { return settled() || stop_requested(); },
                                       std::chrono::duration_cast<milliseconds>(*args.wait));
  (*link)->close();
  if (stop_requested()) return kExitInterrupted;
  if (!done)
    return error_exit(kExitBroker, args.target.device + " did not report config_ver " +
                                       std::to_string(ver) + " in time");
  const auto& s = latest->state;
  if (s.config_ver >= ver) {
    std::printf("%s applied config_ver %lld\n", args.target.device.c_str(),
                static_cast<long long>(s.config_ver));
    return kExitOk;
  }
  return error_exit(kExitRefused, args.target.device + " refused config_ver " +
                                      std::to_string(ver) + ": " + s.config_error->error);
}

// ---------------------------------------------------------------------------

int publish_update(const Common& common, const PublishUpdateArgs& args) {
  if (auto ok = check_target(args.target); !ok) return error_exit(kExitInput, ok.error());
  auto topics = FleetTopics::make(common.brand);
  if (!topics) return error_exit(kExitInput, topics.error());
  const bool to_device = !args.target.device.empty();
  const std::string topic =
      to_device ? topics->update(args.target.device) : topics->group_update(args.target.group);
  std::string payload;
  std::string what = "cleared the update manifest on ";
  if (!args.clear) {
    if (args.manifest.empty()) return error_exit(kExitInput, "--manifest (or --clear) is needed");
    auto loaded = load_manifest(args.manifest, args.verify_key);
    if (!loaded) return error_exit(kExitInput, loaded.error().context);
    payload = loaded->first;
    what = "published update " + loaded->second.id + " (" + loaded->second.version.to_string() +
           ") to ";
  }
  auto link = FleetLink::open(common.link);
  if (!link) return error_exit(kExitBroker, link.error());
  if (auto ok = (*link)->publish({{topic, payload, true}}); !ok)
    return error_exit(kExitBroker, ok.error());
  (*link)->close();
  std::printf("%s%s (retained)\n", what.c_str(), topic.c_str());
  return kExitOk;
}

// ---------------------------------------------------------------------------

namespace {

// The rollout's devices: the canary, then the others.
struct RolloutDevices {
  std::vector<std::string> canary;
  std::vector<std::string> all;
};

Result<RolloutDevices> rollout_devices(const RolloutArgs& args) {
  RolloutDevices out;
  std::vector<DeviceEntry> entries;
  if (args.devices.empty()) return fail(std::string(errc::kConfig), "--devices is needed");
  if (std::filesystem::is_regular_file(args.devices)) {
    auto read = read_devices_file(args.devices);
    if (!read) return tl::unexpected(read.error());
    entries = std::move(*read);
  } else {
    // Not a file: a comma list, or one device. A lone word that looks like a
    // path is a file name mistyped, not a device.
    if (args.devices.find(',') == std::string::npos &&
        args.devices.find_first_of("/.") != std::string::npos)
      return fail(std::string(errc::kIo), "devices file " + args.devices + " does not exist");
    for (auto& name : split_list(args.devices))
      entries.push_back({std::move(name), {}});
  }
  for (const auto& e : entries)
    out.all.push_back(e.device);
  if (!args.canary.empty() == !args.canary_group.empty())
    return fail(std::string(errc::kConfig), "give exactly one of --canary and --canary-group");
  if (!args.canary_group.empty()) {
    for (const auto& e : entries) {
      for (const auto& g : e.groups) {
        if (g == args.canary_group) out.canary.push_back(e.device);
      }
    }
    if (out.canary.empty())
      return fail(std::string(errc::kConfig),
                  "no device of the devices file is in group " + args.canary_group);
  } else {
    out.canary = args.canary;
  }
  return out;
}

std::string outcome_cell(const Rollout& r, std::string_view device, TimePoint t) {
  const auto wave = r.wave_of(device);
  std::string text = wave ? (*wave == 0 ? "canary" : "wave " + std::to_string(*wave)) : "-";
  const auto o = r.outcome(device);
  text += " ";
  text += r.silent(device, t) ? "SILENT" : to_string(o);
  return text;
}

std::string progress_line(const Rollout& r, TimePoint t) {
  const auto p = r.progress(t);
  return "rollout " + r.target().update_id + " (" + r.target().version.to_string() + "): wave " +
         std::to_string(p.waves_published) + "/" + std::to_string(p.waves_total) + ", published " +
         std::to_string(p.published) + "/" + std::to_string(p.devices_total) + ": " +
         std::to_string(p.committed) + " committed, " + std::to_string(p.in_progress) +
         " in progress, " + std::to_string(p.waiting) + " waiting, " + std::to_string(p.failed) +
         " failed (stop above " + r.policy().max_failures.to_string() + "), " +
         std::to_string(p.silent) + " silent";
}

}  // namespace

int rollout(const Common& common, const RolloutArgs& args) {
  install_stop_signals();
  auto topics = FleetTopics::make(common.brand);
  if (!topics) return error_exit(kExitInput, topics.error());
  auto loaded = load_manifest(args.manifest, args.verify_key);
  if (!loaded) return error_exit(kExitInput, loaded.error().context);
  const auto& [token, manifest] = *loaded;
  auto devices = rollout_devices(args);
  if (!devices) return error_exit(kExitInput, devices.error());
  auto plan = make_wave_plan(devices->canary, devices->all, args.batch);
  if (!plan) return error_exit(kExitInput, plan.error());
  auto limit = parse_failure_limit(args.max_failures);
  if (!limit) return error_exit(kExitInput, limit.error());
  RolloutPolicy policy;
  policy.max_failures = *limit;
  policy.max_silent = args.max_silent;
  policy.silent_timeout = args.silent_timeout;
  if (args.silent_timeout.count() <= manifest.health_timeout_s)
    std::fprintf(stderr,
                 "witryna-fleet: warning: --silent-timeout %llds is not above the manifest's "
                 "health_timeout_s %llds: a device in trial may look silent\n",
                 static_cast<long long>(args.silent_timeout.count()),
                 static_cast<long long>(manifest.health_timeout_s));

  std::vector<std::string> order;
  for (const auto& wave : plan->waves)
    order.insert(order.end(), wave.begin(), wave.end());
  Rollout state(std::move(*plan), {manifest.id, manifest.version}, policy);
  DeviceTable table;
  const bool redraw = args.table && stdout_is_tty();
  std::map<std::string, std::string, std::less<>> said;  // non-TTY: last outcome printed
  bool changed = false;

  auto link = FleetLink::open(common.link, [&](const sync::MqttMessage& message) {
    const auto device = topics->device_of_state(message.topic);
    if (!device || message.payload.empty()) return;
    auto report = parse_device_report(message.payload);
    if (!report || report->state.device != *device) return;  // not the contract's: ignored
    const auto t = now();
    state.on_report(*report, t);
    table.upsert(*report, t);
    changed = true;
  });
  if (!link) return error_exit(kExitBroker, link.error());
  std::vector<std::string> filters;
  for (const auto& d : order)
    filters.push_back(topics->state(d));
  if (auto ok = (*link)->subscribe(filters); !ok) return error_exit(kExitBroker, ok.error());
  // The retained states first: devices already on this version count as done.
  (*link)->run_until_quiet(milliseconds(300), std::chrono::seconds(3));

  Screen screen;
  RolloutProgress last_summary;
  const auto show = [&](bool force) {
    const auto t = now();
    if (redraw) {
      TableOptions options;
      options.devices = order;
      options.extra_title = "WAVE";
      options.extra = [&](std::string_view d) { return outcome_cell(state, d, t); };
      options.width = terminal_width();
      auto lines = render_table(table, t, options);
      lines.push_back(progress_line(state, t));
      screen.draw(lines);
      return;
    }
    bool any = false;
    for (const auto& d : order) {
      std::string cell = outcome_cell(state, d, t);
      if (const auto* row = table.find(d);
          row != nullptr && state.outcome(d) != Outcome::kNotPublished)
        cell += " " + progress_cell(row->report);
      auto& before = said[d];
      if (cell == before) continue;
      before = cell;
      if (state.outcome(d) == Outcome::kNotPublished && !state.silent(d, t)) continue;
      std::printf("%s %s %s\n", clock_text(t).c_str(), d.c_str(), cell.c_str());
      any = true;
    }
    // The summary when a device reached an end (or went silent), not on every step.
    auto p = state.progress(t);
    p.in_progress = p.waiting = 0;
    if (force || (any && p != last_summary))
      std::printf("%s %s\n", clock_text(t).c_str(), progress_line(state, t).c_str());
    last_summary = p;
    std::fflush(stdout);
  };

  std::printf("rollout %s (%s): %zu devices in %zu waves (canary %s), stop above %s failed\n",
              manifest.id.c_str(), manifest.version.to_string().c_str(), order.size(),
              state.plan().waves.size(), join(state.plan().waves.front()).c_str(),
              limit->to_string().c_str());
  auto last_draw = std::chrono::steady_clock::now() - std::chrono::hours(1);
  while (true) {
    if (stop_requested()) {
      show(true);
      std::printf("interrupted: waves published so far stay published; nothing more is sent\n");
      (*link)->close();
      return kExitInterrupted;
    }
    const auto t = now();
    const auto decision = state.decide(t);
    switch (decision.action) {
      case RolloutAction::kPublishWave: {
        std::vector<Publication> publications;
        for (const auto& d : decision.devices)
          publications.push_back({topics->update(d), token, true});
        if (auto ok = (*link)->publish(std::move(publications)); !ok) {
          std::fprintf(stderr, "witryna-fleet: wave %zu not published yet (%s: %s); retrying\n",
                       decision.wave, ok.error().code.c_str(), ok.error().context.c_str());
          (void)(*link)->run_until([&] { return stop_requested(); }, std::chrono::seconds(2));
          continue;
        }
        state.on_wave_published(decision.wave, now());
        if (!redraw)
          std::printf("%s wave %zu/%zu published: %s\n", clock_text(now()).c_str(),
                      decision.wave + 1, state.plan().waves.size(), join(decision.devices).c_str());
        show(true);
        continue;
      }
      case RolloutAction::kStopFailures:
      case RolloutAction::kStopSilent: {
        const bool failures = decision.action == RolloutAction::kStopFailures;
        show(true);
        if (failures) {
          std::printf(
              "STOPPED: %zu failed, above the limit of %s (%s): no further wave is "
              "published\n",
              decision.devices.size(), limit->to_string().c_str(), join(decision.devices).c_str());
        } else {
          std::printf(
              "STOPPED: %zu silent for %llds, above the limit of %zu (%s): no further "
              "wave is published\n",
              decision.devices.size(), static_cast<long long>(args.silent_timeout.count()),
              args.max_silent, join(decision.devices).c_str());
        }
        if (!args.keep_published) {
          // Devices published to that have not started cannot have the
          // manifest yet (offline): withdraw it so that they never do.
          std::vector<Publication> withdraw;
          std::vector<std::string> names;
          for (const auto& d : order) {
            if (state.outcome(d) == Outcome::kWaiting) {
              withdraw.push_back({topics->update(d), "", true});
              names.push_back(d);
            }
          }
          if (!withdraw.empty()) {
            if (auto ok = (*link)->publish(std::move(withdraw)); ok) {
              std::printf(
                  "withdrawn (retained manifest cleared) from devices that had not reported it: "
                  "%s; one that already received it may still install it\n",
                  join(names).c_str());
            } else {
              std::fprintf(stderr, "witryna-fleet: could not withdraw the manifest: %s\n",
                           ok.error().context.c_str());
            }
          }
        }
        (*link)->close();
        return failures ? kExitFailures : kExitSilent;
      }
      case RolloutAction::kDone: {
        show(true);
        const auto p = state.progress(now());
        std::printf("DONE: %zu committed, %zu failed, %zu silent of %zu devices\n", p.committed,
                    p.failed, p.silent, p.devices_total);
        (*link)->close();
        return kExitOk;
      }
      case RolloutAction::kWait:
        break;
    }
    const auto since_draw = std::chrono::steady_clock::now() - last_draw;
    if (changed && since_draw > milliseconds(redraw ? 200 : 0)) {
      show(false);
      changed = false;
      last_draw = std::chrono::steady_clock::now();
    }
    // Wake on a state, or once a second for the silence clock; while a
    // redraw is held back, just let the throttle pass (no busy loop).
    const bool held_back = changed;
    (void)(*link)->run_until([&] { return (!held_back && changed) || stop_requested(); },
                             held_back ? milliseconds(50) : milliseconds(1000));
  }
}

// ---------------------------------------------------------------------------

int watch(const Common& common, const WatchArgs& args) {
  install_stop_signals();
  auto topics = FleetTopics::make(common.brand);
  if (!topics) return error_exit(kExitInput, topics.error());
  for (const auto& d : args.devices) {
    if (auto ok = check_topic_name(d, "device"); !ok) return error_exit(kExitInput, ok.error());
  }
  DeviceTable table;
  const bool redraw = !args.once && stdout_is_tty();
  bool changed = false;
  auto link = FleetLink::open(common.link, [&](const sync::MqttMessage& message) {
    const auto device = topics->device_of_state(message.topic);
    if (!device || message.payload.empty()) return;
    auto report = parse_device_report(message.payload);
    if (!report) {
      std::fprintf(stderr, "witryna-fleet: %s: unreadable state (%s %s)\n", device->c_str(),
                   report.error().code.c_str(), report.error().context.c_str());
      return;
    }
    if (report->state.device != *device) return;
    const auto t = now();
    table.upsert(*report, t);
    changed = true;
    if (!args.once && !redraw) {
      const auto* row = table.find(*device);
      std::printf("%s %s %s %s config %lld %s\n", clock_text(t).c_str(), device->c_str(),
                  row->report.state.status.c_str(),
                  row->report.state.version.empty() ? "-" : row->report.state.version.c_str(),
                  static_cast<long long>(row->report.state.config_ver),
                  progress_cell(row->report).c_str());
      std::fflush(stdout);
    }
  });
  if (!link) return error_exit(kExitBroker, link.error());
  std::vector<std::string> filters;
  if (args.devices.empty()) {
    filters.push_back(topics->all_states());
  } else {
    for (const auto& d : args.devices)
      filters.push_back(topics->state(d));
  }
  if (auto ok = (*link)->subscribe(filters); !ok) return error_exit(kExitBroker, ok.error());
  TableOptions options;
  options.devices = args.devices;
  if (args.once) {
    (*link)->run_until_quiet(args.settle, std::chrono::seconds(10));
    for (const auto& line : render_table(table, now(), options))
      std::printf("%s\n", line.c_str());
    (*link)->close();
    return kExitOk;
  }
  Screen screen;
  auto last_draw = std::chrono::steady_clock::now() - std::chrono::hours(1);
  while (!stop_requested()) {
    const auto since = std::chrono::steady_clock::now() - last_draw;
    // On a terminal: at most 4 redraws a second, and once a second for the ages.
    if (redraw && (since > std::chrono::seconds(1) || (changed && since > milliseconds(250)))) {
      options.width = terminal_width();
      screen.draw(render_table(table, now(), options));
      changed = false;
      last_draw = std::chrono::steady_clock::now();
    }
    const bool held_back = redraw && changed;
    (void)(*link)->run_until([&] { return stop_requested() || (redraw && !held_back && changed); },
                             held_back ? milliseconds(50) : milliseconds(250));
  }
  (*link)->close();
  return kExitOk;
}

// ---------------------------------------------------------------------------

int command(const Common& common, const CmdArgs& args) {
  install_stop_signals();
  auto topics = FleetTopics::make(common.brand);
  if (!topics) return error_exit(kExitInput, topics.error());
  if (auto ok = check_topic_name(args.device, "device"); !ok)
    return error_exit(kExitInput, ok.error());
  if (args.cmd == "screenshot" && args.out.empty())
    return error_exit(kExitInput, "screenshot needs --out FILE.png");
  const std::string id = new_command_id();
  auto payload = command_payload(args.cmd, id, args.screen);
  if (!payload) return error_exit(kExitInput, payload.error());

  std::optional<sync::core::CommandResult> answer;
  auto link = FleetLink::open(common.link, [&](const sync::MqttMessage& message) {
    auto result = parse_command_result(message.payload);
    if (result && result->id == id) answer = std::move(*result);
  });
  if (!link) return error_exit(kExitBroker, link.error());
  // Subscribed before publishing, so the answer cannot come first.
  if (auto ok = (*link)->subscribe({topics->cmd_result(args.device)}); !ok)
    return error_exit(kExitBroker, ok.error());
  if (auto ok = (*link)->publish({{topics->cmd(args.device), *payload, false}}); !ok)
    return error_exit(kExitBroker, ok.error());
  const bool answered = (*link)->run_until([&] { return answer.has_value() || stop_requested(); },
                                           std::chrono::duration_cast<milliseconds>(args.wait));
  (*link)->close();
  if (stop_requested() && !answer) return kExitInterrupted;
  if (!answered)
    return error_exit(kExitBroker, args.device + " did not answer " + args.cmd + " within " +
                                       std::to_string(args.wait.count()) +
                                       " s (offline? the command waits in its session)");
  if (!answer->ok)
    return error_exit(kExitRefused, args.device + " answered " + args.cmd + " not ok: " +
                                        (answer->detail.empty() ? "(no detail)" : answer->detail));
  if (args.cmd != "screenshot") {
    std::printf("%s: %s ok%s%s\n", args.device.c_str(), args.cmd.c_str(),
                answer->detail.empty() ? "" : ": ", answer->detail.c_str());
    return kExitOk;
  }
  if (!answer->png_base64)
    return error_exit(kExitRefused, args.device + " answered the screenshot without png_base64");
  auto png = base64_decode(*answer->png_base64);
  if (!png || !looks_like_png(*png))
    return error_exit(kExitRefused, args.device + " sent a screenshot that is not a PNG");
  if (auto written = update::write_file_atomically(args.out, *png, 0644); !written)
    return error_exit(kExitInput, written.error());
  std::printf("%s\n", args.out.c_str());
  return kExitOk;
}

}  // namespace witryna::fleet
