#include "edge/update/updater.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <system_error>

#include "edge/core/update/update_state.hpp"
#include "edge/crypto/sha256.hpp"
#include "edge/service/log.hpp"
#include "edge/update/durable_fs.hpp"
#include "edge/update/file_sha256.hpp"

namespace witryna::update {

namespace fs = std::filesystem;
namespace log = service::log;
using core::UpdateEvent;
using core::UpdateState;

namespace {

constexpr const char* kTar = "/bin/tar";

// Where a test may kill the updater (UpdaterOptions::fault_at), in step order.
//   download        after the first durable chunk of the artifact
//   downloaded      the artifact complete, not yet verified
//   unpacked        the release unpacked under its temporary name
//   installed       releases/<version> complete, `current` not yet switched
//   trial_marked    the journal says trial, `current` not yet switched
//   switched        `current` switched, restart not yet issued
//   restarted       restart issued, not yet written to the journal
//   committed_link  `committed` moved, the journal still says trial
//   rolling_back    rollback decided and written, `current` not yet moved back

}  // namespace

Updater::Updater(UpdaterOptions options, const core::SignatureVerifier& fleet_keys,
                 const ServiceManager& service, std::function<int()> local_minute)
    : options_(std::move(options)),
      keys_(fleet_keys),
      service_(service),
      local_minute_(std::move(local_minute)) {}

void Updater::fault(std::string_view point) const {
  if (options_.fault_at == point) {
    log::warn("fault injection: killing the updater at ", point);
    ::raise(SIGKILL);
  }
}

fs::path Updater::part_file() const {
  return options_.root / "updater" / "download" / (journal_.id + ".part");
}

fs::path Updater::release_dir(const std::string& version) const {
  return options_.root / "releases" / version;
}

core::Version Updater::running_semver() const {
  // A release folder that is not a version (hand-made) counts as 0.0.0:
  // every signed manifest is newer than it.
  return core::parse_version(running_version()).value_or(core::Version{});
}

std::string Updater::running_version() const {
  for (const char* link : {"committed", "current"}) {
    if (auto target = symlink_target(options_.root / link)) return target->filename().string();
  }
  return WITRYNA_VERSION;
}

void Updater::save() {
  if (auto saved = save_journal(options_.root / "updater" / "journal.json", journal_); !saved)
    log::error("updater: cannot write the journal: ", saved.error().context);
  if (auto saved = save_status(options_.spool / "status.json", journal_); !saved)
    log::warn("updater: cannot write the status for the edge: ", saved.error().context);
}

void Updater::transition(UpdateEvent event, std::string detail) {
  const auto next = core::next_update_state(journal_.state, event);
  if (!next) {
    log::error("updater: no transition from ", core::to_string(journal_.state), " on ",
               core::to_string(event));
    return;
  }
  log::info("update ", journal_.id, ": ", core::to_string(journal_.state), " -> ",
            core::to_string(*next), detail.empty() ? "" : ": ", detail);
  journal_.state = *next;
  journal_.detail = std::move(detail);
  save();
}

Result<void> Updater::open() {
  std::error_code ec;
  fs::create_directories(options_.root / "updater" / "download", ec);
  fs::create_directories(options_.root / "releases", ec);
  fs::create_directories(options_.spool, ec);
  if (ec)
    return fail(std::string(errc::kIo), "cannot create folders under " + options_.root.string());
  auto loaded = load_journal(options_.root / "updater" / "journal.json");
  if (!loaded) return Unexpected(loaded.error());
  journal_ = std::move(*loaded);
  // A first start (or a root set up by the package): committed = current.
  if (!symlink_target(options_.root / "committed")) {
    if (auto current = symlink_target(options_.root / "current")) {
      if (auto linked = switch_symlink(options_.root / "committed", *current); !linked)
        return linked;
    }
  }
  if (journal_.state == UpdateState::kTrial) {
    log::info("updater: resuming the trial of ", journal_.version, " (failures ",
              journal_.progress.failures, ", starts ", journal_.progress.starts, ")");
  }
  save();
  return {};
}

void Updater::check_inbox() {
  // A trial is judged to its end first; the manifest waits in the inbox.
  if (journal_.state == UpdateState::kTrial) return;
  // Take the token out of the inbox first: the edge may drop a newer one
  // while this one is being handled, and that one must not be lost. A token
  // taken by an updater that was killed before handling it comes first.
  std::error_code ec;
  const auto inbox = options_.spool / "inbox.taken";
  if (!fs::exists(inbox, ec)) {
    if (!fs::exists(options_.spool / "inbox.jws", ec)) return;
    fs::rename(options_.spool / "inbox.jws", inbox, ec);
    if (ec) return;
  }
  auto text = read_small_file(inbox);
  if (!text) return;
  std::string token = *text;
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
    token.pop_back();
  const auto digest = crypto::sha256_hex(token);
  if (digest == journal_.last_inbox_sha256) {
    fs::remove(inbox, ec);
    return;
  }

  auto manifest = core::verify_update_signature(token, keys_);
  const auto refuse = [&](const Error& error, const std::string& id) {
    log::warn("updater: manifest refused: ", error.code, ": ", error.context);
    journal_.last_inbox_sha256 = digest;
    if (core::next_update_state(journal_.state, UpdateEvent::kRefused) == UpdateState::kFailed) {
      journal_.id = id;
      journal_.version.clear();
      journal_.percent = 0;
    }
    transition(UpdateEvent::kRefused, error.code + ": " + error.context);
  };
  if (!manifest) {
    refuse(manifest.error(), "");
  } else if (manifest->id == journal_.id && journal_.state != UpdateState::kFailed) {
    // The retained message again (every reconnect): already handled.
    journal_.last_inbox_sha256 = digest;
    save();
  } else if (auto versions = core::check_update_versions(*manifest, running_semver()); !versions) {
    refuse(versions.error(), manifest->id);
  } else {
    // A newer manifest replaces an unfinished one: its partial download goes.
    if (!journal_.id.empty()) {
      fs::remove(part_file(), ec);
      fs::remove(part_file().string() + ".progress", ec);
    }
    journal_.last_inbox_sha256 = digest;
    journal_.id = manifest->id;
    journal_.version = manifest->version.to_string();
    journal_.from_version = running_version();
    journal_.url = manifest->artifact.url;
    journal_.sha256 = manifest->artifact.sha256;
    journal_.size = manifest->artifact.size;
    journal_.health_timeout_s = manifest->health_timeout_s;
    journal_.urgent = manifest->urgent;
    journal_.percent = 0;
    journal_.restarted = false;
    journal_.rolling_back = false;
    journal_.progress = {};
    next_download_ms_ = 0;
    transition(UpdateEvent::kAccepted,
               "version " + journal_.version + " signed by " + manifest->kid);
  }
  fs::remove(inbox, ec);
}

void Updater::download() {
  bool faulted = false;
  const auto progress = [&](std::int64_t have) {
    const int percent = static_cast<int>(have * 100 / std::max<std::int64_t>(journal_.size, 1));
    if (percent != journal_.percent) {
      journal_.percent = percent;
      save();
    }
    if (!faulted) {
      faulted = true;
      fault("download");
    }
  };
  auto got =
      download_resuming(journal_.url, part_file(), journal_.size, options_.download, progress);
  if (!got) {
    if (got.error().code == core::update_error::kSizeMismatch) {
      std::error_code ec;
      fs::remove(part_file(), ec);
      fs::remove(part_file().string() + ".progress", ec);
      transition(UpdateEvent::kDownloaded, "");
      transition(UpdateEvent::kVerifyFailed, got.error().code + ": " + got.error().context);
      return;
    }
    // The link is down (or the server): keep the part, try again later.
    journal_.detail = got.error().code + ": " + got.error().context;
    save();
    return;
  }
  journal_.percent = 100;
  fault("downloaded");
  transition(UpdateEvent::kDownloaded, "");
}

void Updater::verify() {
  std::error_code ec;
  const auto size = fs::file_size(part_file(), ec);
  auto digest = file_sha256_hex(part_file());
  if (ec || static_cast<std::int64_t>(size) != journal_.size) {
    fs::remove(part_file(), ec);
    fs::remove(part_file().string() + ".progress", ec);
    transition(UpdateEvent::kVerifyFailed, std::string(core::update_error::kSizeMismatch) +
                                               ": the artifact is not " +
                                               std::to_string(journal_.size) + " bytes");
    return;
  }
  if (!digest || *digest != journal_.sha256) {
    fs::remove(part_file(), ec);
    fs::remove(part_file().string() + ".progress", ec);
    transition(UpdateEvent::kVerifyFailed,
               std::string(core::update_error::kSha256Mismatch) +
                   ": the artifact's SHA-256 differs from the manifest's");
    return;
  }
  transition(UpdateEvent::kVerified, "");
}

void Updater::install() {
  const auto target = release_dir(journal_.version);
  std::error_code ec;
  if (!fs::exists(target / "bin" / "witryna-edge", ec)) {
    // Unpack under a temporary name, make it durable, then rename: a
    // releases/<version> folder is always complete.
    const auto staging = options_.root / "releases" / ("." + journal_.version + ".partial");
    fs::remove_all(staging, ec);
    fs::remove_all(target, ec);
    fs::create_directories(staging, ec);
    auto unpacked = run_command({kTar, "-xf", part_file().string(), "-C", staging.string(),
                                 "--no-same-owner", "--no-same-permissions"});
    struct stat st {};
    const auto edge = staging / "bin" / "witryna-edge";
    if (!unpacked || ::stat(edge.c_str(), &st) != 0 || (st.st_mode & S_IXUSR) == 0) {
      fs::remove_all(staging, ec);
      transition(UpdateEvent::kInstallFailed,
                 std::string(core::update_error::kInstall) +
                     (unpacked ? ": the artifact has no executable bin/witryna-edge"
                               : ": cannot unpack: " + unpacked.error().context));
      return;
    }
    fault("unpacked");
    if (auto synced = fsync_tree(staging); !synced) {
      transition(UpdateEvent::kInstallFailed, "install: " + synced.error().context);
      return;
    }
    fs::rename(staging, target, ec);
    if (ec || !fsync_parent(target)) {
      transition(UpdateEvent::kInstallFailed,
                 "install: cannot rename the release: " + ec.message());
      return;
    }
    fault("installed");
  }
  if (!core::may_install_now(journal_.urgent, options_.window, local_minute_())) {
    const auto waiting =
        "installed, waiting for the maintenance window " + options_.window.to_string();
    if (journal_.detail != waiting) {
      journal_.detail = waiting;
      save();
    }
    return;
  }
  // Journal first: a resumed trial knows it must (re)do the switch and restart.
  journal_.restarted = false;
  journal_.progress = {};
  transition(UpdateEvent::kSwitched, "switching to " + journal_.version);
  fault("trial_marked");
}

void Updater::judge(std::int64_t now_ms) {
  if (journal_.rolling_back) {
    finish_rollback();
    return;
  }
  const auto target = fs::path("releases") / journal_.version;
  if (!journal_.restarted) {
    if (symlink_target(options_.root / "current") != target) {
      if (auto switched = switch_symlink(options_.root / "current", target); !switched) {
        roll_back("cannot switch: " + switched.error().context);
        return;
      }
    }
    fault("switched");
    // The old version's process must not be judged as the new one's while
    // the (non-blocking) restart is under way.
    ignore_pid_ = service_.snapshot().value_or(core::ServiceSnapshot{}).main_pid;
    if (auto restarted = service_.restart(); !restarted) {
      log::warn("updater: restart failed, trying again: ", restarted.error().context);
      return;
    }
    fault("restarted");
    journal_.restarted = true;
    journal_.detail = "trial of " + journal_.version;
    save();
    run_.reset();
  }
  if (!run_) run_ = core::TrialRun{.since_ms = now_ms};
  auto snapshot = service_.snapshot();
  if (!snapshot) {
    log::warn("updater: cannot read the service state: ", snapshot.error().context);
    snapshot = core::ServiceSnapshot{};
  }
  if (ignore_pid_ != 0 && snapshot->main_pid == ignore_pid_) {
    *snapshot = core::ServiceSnapshot{};  // still the process we restarted away from
  } else if (snapshot->main_pid != 0) {
    ignore_pid_ = 0;
  }
  auto policy = options_.trial;
  policy.health_timeout_ms = journal_.health_timeout_s * 1000;
  const auto step = core::judge_trial(policy, journal_.progress, *run_, *snapshot, now_ms);
  run_ = step.run;
  if (step.progress != journal_.progress) {
    journal_.progress = step.progress;
    if (!step.detail.empty()) journal_.detail = step.detail;
    save();
  }
  switch (step.verdict) {
    case core::TrialVerdict::kWait:
      return;
    case core::TrialVerdict::kRestart:
      log::warn("updater: trial of ", journal_.version, ": ", step.detail, "; restarting it");
      journal_.detail = step.detail;
      save();
      ignore_pid_ = snapshot->main_pid;
      (void)service_.restart();
      return;
    case core::TrialVerdict::kRollBack:
      roll_back(step.detail);
      return;
    case core::TrialVerdict::kCommit:
      if (auto linked = switch_symlink(options_.root / "committed", target); !linked) {
        log::error("updater: cannot commit: ", linked.error().context);
        return;
      }
      fault("committed_link");
      transition(UpdateEvent::kHealthy, step.detail);
      collect_garbage();
      return;
  }
}

void Updater::roll_back(const std::string& why) {
  log::warn("updater: rolling back ", journal_.version, ": ", why);
  journal_.rolling_back = true;
  journal_.detail = std::string(core::update_error::kUnhealthy) + ": " + why;
  save();
  fault("rolling_back");
  finish_rollback();
}

void Updater::finish_rollback() {
  auto committed = symlink_target(options_.root / "committed");
  if (committed && symlink_target(options_.root / "current") != committed) {
    if (auto switched = switch_symlink(options_.root / "current", *committed); !switched) {
      log::error("updater: cannot switch back: ", switched.error().context);
      return;
    }
  }
  if (auto restarted = service_.restart(); !restarted) {
    log::warn("updater: restart after rollback failed, trying again: ", restarted.error().context);
    return;
  }
  journal_.rolling_back = false;
  run_.reset();
  transition(UpdateEvent::kUnhealthy, journal_.detail);
}

void Updater::collect_garbage() {
  // Keep what `current` and `committed` point at; everything else goes.
  std::error_code ec;
  const auto current = symlink_target(options_.root / "current");
  const auto committed = symlink_target(options_.root / "committed");
  for (const auto& entry : fs::directory_iterator(options_.root / "releases", ec)) {
    const auto name = fs::path("releases") / entry.path().filename();
    if (name == current || name == committed) continue;
    fs::remove_all(entry.path(), ec);
  }
  fs::remove(part_file(), ec);
  fs::remove(part_file().string() + ".progress", ec);
}

void Updater::step(std::int64_t now_ms) {
  check_inbox();
  switch (journal_.state) {
    case UpdateState::kDownloading:
      if (now_ms >= next_download_ms_) {
        download();
        if (journal_.state == UpdateState::kDownloading) {
          next_download_ms_ = now_ms + download_backoff_ms_;
          download_backoff_ms_ = std::min<std::int64_t>(download_backoff_ms_ * 2, 60'000);
        } else {
          download_backoff_ms_ = 1000;
        }
      }
      return;
    case UpdateState::kVerifying:
      verify();
      return;
    case UpdateState::kInstalling:
      install();
      return;
    case UpdateState::kTrial:
      judge(now_ms);
      return;
    case UpdateState::kIdle:
    case UpdateState::kCommitted:
    case UpdateState::kRolledBack:
    case UpdateState::kFailed:
      return;
  }
}

}  // namespace witryna::update
