#pragma once
// The state folder (storage.state_dir): created if missing (0750) and locked
// for the life of the service, so a second witryna-edge on the same folder
// refuses to start instead of corrupting it.

#include <filesystem>

#include "edge/service/component.hpp"

namespace witryna::service {

class StateDir final : public Component {
 public:
  static constexpr const char* kLockFile = "witryna-edge.lock";

  explicit StateDir(std::filesystem::path dir);
  ~StateDir() override;
  StateDir(const StateDir&) = delete;
  StateDir& operator=(const StateDir&) = delete;

  [[nodiscard]] std::string_view name() const override { return "state"; }
  // Fails with errc::kIo: cannot create, not writable, or locked by another
  // process (the message says which).
  [[nodiscard]] Result<void> start() override;
  void stop() override;

  [[nodiscard]] const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
  int lock_fd_ = -1;
};

}  // namespace witryna::service
