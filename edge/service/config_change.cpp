// Which keys may change how (live / restart) and by whom (fleet or only the
// local file), the fleet's merge-patch, and planning a switch of configuration.
#include <algorithm>
#include <array>

#include "edge/service/config.hpp"
#include "edge/service/config_reader.hpp"

namespace witryna::service {

namespace {

using nlohmann::json;

struct KeyRule {
  std::string_view path;
  ApplyMode apply;
  RemotePolicy remote;
};

// One row per section or key; the most specific row that is the key or one of
// its parents decides, and a parent key is as strict as its strictest child.
// Keep in step with firmware_config/schema.md.
constexpr std::array kRules = {
    KeyRule{"device", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
    KeyRule{"storage", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
    KeyRule{"screen_api", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
    KeyRule{"screen_api.tls.cert", ApplyMode::kRestart, RemotePolicy::kSecret},
    KeyRule{"screen_api.tls.key", ApplyMode::kRestart, RemotePolicy::kSecret},
    KeyRule{"screen_api.tls.client_ca", ApplyMode::kRestart, RemotePolicy::kSecret},
    KeyRule{"mqtt", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
    KeyRule{"mqtt.tls", ApplyMode::kRestart, RemotePolicy::kSecret},
    KeyRule{"cards", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"offers", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"redemption", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"screens.idle_after_s", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"screens.list", ApplyMode::kRestart, RemotePolicy::kAllowed},
    KeyRule{"sync", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"outbox", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"log", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"keys", ApplyMode::kRestart, RemotePolicy::kSecret},
    KeyRule{"update", ApplyMode::kLive, RemotePolicy::kAllowed},
    KeyRule{"display", ApplyMode::kRestart, RemotePolicy::kAllowed},
    KeyRule{"scanners", ApplyMode::kRestart, RemotePolicy::kLocalOnly},
    KeyRule{"points", ApplyMode::kLive, RemotePolicy::kAllowed},
};

// `ancestor` is `path` or one of its parents, on dot boundaries.
bool covers(std::string_view ancestor, std::string_view path) {
  return path == ancestor || (path.size() > ancestor.size() && path.starts_with(ancestor) &&
                              path[ancestor.size()] == '.');
}

// Whatever the table says, a key named like a secret is one.
bool named_like_secret(std::string_view path) {
  for (std::string_view word : {"password", "passphrase", "secret", "private", "token"}) {
    if (path.find(word) != std::string_view::npos) return true;
  }
  return false;
}

struct Decision {
  ApplyMode apply = ApplyMode::kRestart;
  RemotePolicy remote = RemotePolicy::kAllowed;
};

Decision decide(std::string_view path) {
  const KeyRule* specific = nullptr;
  Decision d;
  bool stricter_child_restart = false;
  RemotePolicy strictest_child = RemotePolicy::kAllowed;
  for (const auto& rule : kRules) {
    if (covers(rule.path, path)) {
      if (specific == nullptr || rule.path.size() > specific->path.size()) specific = &rule;
    } else if (covers(path, rule.path)) {
      strictest_child = std::max(strictest_child, rule.remote);
      stricter_child_restart = stricter_child_restart || rule.apply == ApplyMode::kRestart;
    }
  }
  if (specific != nullptr) {
    d.apply = specific->apply;
    d.remote = specific->remote;
  }
  if (stricter_child_restart) d.apply = ApplyMode::kRestart;
  d.remote = std::max(d.remote, strictest_child);
  if (named_like_secret(path)) d.remote = RemotePolicy::kSecret;
  return d;
}

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Leaves a merge-patch touches: every non-object value (null removes).
void patch_leaves(const json& patch, const std::string& path, std::vector<std::string>& out) {
  if (!patch.is_object()) {
    out.push_back(path);
    return;
  }
  for (const auto& [key, value] : patch.items())
    patch_leaves(value, join_path(path, key), out);
}

void diff(const json& before, const json& after, const std::string& path,
          std::vector<std::string>& out) {
  if (before.is_object() && after.is_object()) {
    for (const auto& [key, value] : before.items()) {
      const auto it = after.find(key);
      if (it == after.end()) {
        out.push_back(join_path(path, key));
      } else {
        diff(value, *it, join_path(path, key), out);
      }
    }
    for (const auto& [key, value] : after.items()) {
      if (!before.contains(key)) out.push_back(join_path(path, key));
    }
    return;
  }
  if (before != after) out.push_back(path);
}

json::json_pointer pointer_of(std::string_view dotted) {
  json::json_pointer pointer;
  std::size_t start = 0;
  while (start <= dotted.size()) {
    const auto dot = dotted.find('.', start);
    const auto part =
        dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start);
    pointer /= std::string(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return pointer;
}

}  // namespace

ApplyMode apply_mode(std::string_view key_path) {
  return decide(key_path).apply;
}

RemotePolicy remote_policy(std::string_view key_path) {
  return decide(key_path).remote;
}

Result<nlohmann::json> merge_desired(nlohmann::json local, const nlohmann::json& desired_partial) {
  if (!desired_partial.is_object()) {
    return fail(std::string(errc::kConfig),
                "the desired config must be a JSON object of sections, got " +
                    detail::describe(desired_partial));
  }
  std::vector<std::string> leaves;
  patch_leaves(desired_partial, "", leaves);
  std::string problems;
  for (const auto& leaf : leaves) {
    std::string problem;
    switch (remote_policy(leaf)) {
      case RemotePolicy::kAllowed:
        continue;
      case RemotePolicy::kSecret:
        problem = leaf +
                  " is a secret or a trust anchor (keys, key paths, passwords): it is never "
                  "accepted from the fleet";
        break;
      case RemotePolicy::kLocalOnly:
        problem = leaf + " can be set only in the configuration file on the device";
        break;
    }
    if (!problems.empty()) problems += '\n';
    problems += problem;
  }
  if (!problems.empty()) return fail(std::string(errc::kConfig), std::move(problems));
  local.merge_patch(desired_partial);
  return local;
}

std::vector<std::string> changed_keys(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<std::string> out;
  diff(before, after, "", out);
  std::sort(out.begin(), out.end());
  return out;
}

Result<ConfigChange> plan_config_change(const Config& running, const Config& next) {
  const json running_doc = config_to_json(running);
  const json next_doc = config_to_json(next);
  ConfigChange change{{}, {}, running};
  json effective = running_doc;
  for (const auto& key : changed_keys(running_doc, next_doc)) {
    if (apply_mode(key) == ApplyMode::kRestart) {
      change.restart.push_back(key);
      continue;
    }
    change.live.push_back(key);
    const auto pointer = pointer_of(key);
    if (next_doc.contains(pointer)) {
      effective[pointer] = next_doc[pointer];
    } else {
      effective[pointer.parent_pointer()].erase(pointer.back());
    }
  }
  auto config = config_from_json(effective);
  if (!config) return tl::make_unexpected(config.error());
  change.effective = std::move(*config);
  return change;
}

}  // namespace witryna::service
