#pragma once
// A whole store for the workflow tests: a real SQLite file seeded through the
// store's normal apply path, the Workflows and the real ScreenServer on a
// real Unix socket, run by an io_context on its own thread, and screens as
// line clients (as a screen of another maker would be).

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "edge/app/offline_claims.hpp"
#include "edge/app/workflows.hpp"
#include "edge/core/codes/app_token.hpp"
#include "edge/crypto/ed25519_key_ring.hpp"
#include "edge/crypto/ed25519_signer.hpp"
#include "edge/screen/screen_server.hpp"
#include "edge/store/db/database.hpp"
#include "tests/support/io_thread.hpp"
#include "tests/support/line_client.hpp"
#include "tests/support/temp_dir.hpp"

namespace witryna::app::test {

using nlohmann::json;

template <typename T>
T must(Result<T> r, const char* what = "call") {
  if (!r) {
    throw std::runtime_error(std::string(what) + ": " + r.error().code + " " + r.error().context);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

inline constexpr const char* kStore = "PL-WAW-001";
inline constexpr const char* kKid = "test-kid";
inline constexpr const char* kAnnaCard = "2900000123458";  // consents all given
inline constexpr const char* kBobCard = "2900000000018";   // consents all refused

// RFC 3339 of now + offset, for seed items.
[[nodiscard]] std::string iso_from_now(std::chrono::milliseconds offset);
[[nodiscard]] TimePoint now_ms();

// The default seed: two customers, dresses and a store-wide offer, stock,
// nearby stores, codes of every scope, one ready reservation (R-9001).
[[nodiscard]] json seed_catalog();
[[nodiscard]] json seed_profiles();
[[nodiscard]] json seed_stock();
[[nodiscard]] json seed_codes();
[[nodiscard]] json seed_reservations();
[[nodiscard]] json seed_nearby();
// Applies the default seed to `db` (live messages, seq 1).
void seed(store::Database& db);

// The screens of the default options: kiosk-1, kiosk-2, checkout-1 (T1), checkout-2 (T2).
[[nodiscard]] WorkflowOptions default_options();

// One screen on the socket.
class Screen {
 public:
  explicit Screen(const std::filesystem::path& socket) : client_(socket) {}

  // Sends hello; true when the first view arrived.
  bool hello(const std::string& id, const std::string& role,
             std::optional<std::string> till = std::nullopt);
  // Sends one action and returns its result object ({"id","ok","error"}).
  json act(json action);
  json act(const std::string& name, json fields = json::object());
  // The result with `id` of an action sent with client().send_line.
  std::optional<json> wait_result(const json& id,
                                  std::chrono::milliseconds deadline = std::chrono::seconds(5));
  // The newest view seen; reads on until `pred(view)` holds (deadline 5 s).
  template <typename Pred>
  std::optional<json> view_until(Pred pred,
                                 std::chrono::milliseconds deadline = std::chrono::seconds(5)) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    for (;;) {
      if (last_view_ && pred(*last_view_)) return last_view_;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      if (!read_one(left)) return std::nullopt;
    }
  }
  std::optional<json> view_mode(const std::string& mode) {
    return view_until([&](const json& v) { return v.value("mode", "") == mode; });
  }
  [[nodiscard]] const std::optional<json>& last_view() const { return last_view_; }
  [[nodiscard]] const std::vector<json>& others() const { return others_; }
  // Raw access for garbage tests.
  witryna::test::LineClient& client() { return client_; }

 private:
  bool read_one(std::chrono::milliseconds deadline);

  witryna::test::LineClient client_;
  int next_id_ = 1;
  std::optional<json> last_view_;
  std::vector<json> results_;
  std::vector<json> others_;  // errors, requests
};

class AppWorld {
 public:
  using ClaimsFactory = std::function<std::unique_ptr<core::CodeClaims>(boost::asio::io_context&)>;
  // `claims`: the CodeClaims port to use (default: OfflineClaims).
  explicit AppWorld(WorkflowOptions options = default_options(), bool seeded = true,
                    ClaimsFactory claims = {});
  ~AppWorld();
  AppWorld(const AppWorld&) = delete;
  AppWorld& operator=(const AppWorld&) = delete;

  [[nodiscard]] std::filesystem::path socket() const { return dir_ / "screen.sock"; }
  [[nodiscard]] std::unique_ptr<Screen> screen(const std::string& id, const std::string& role,
                                               std::optional<std::string> till = std::nullopt);

  // Runs `fn` on the service thread (where the Database and Workflows live).
  template <typename Fn>
  auto call(Fn fn) -> decltype(fn()) {
    return io_.call(std::move(fn));
  }
  store::Database& db() { return *db_; }
  Workflows& workflows() { return *workflows_; }

  // Every event in the outbox, parsed (service thread inside).
  std::vector<json> events();
  std::vector<json> events_of(const std::string& type);
  // Applies a live message of `stream` (service thread inside) and tells the
  // workflows, as sync would.
  void central(const std::string& stream, const json& items);

  // An app token signed with the test key.
  std::string token(const std::string& sub, core::AppTokenType typ, std::string res = {},
                    std::chrono::seconds iat_offset = std::chrono::seconds(0),
                    std::chrono::seconds lifetime = std::chrono::seconds(300));

  int events_written() const { return events_written_; }

 private:
  witryna::test::TempDir dir_;
  witryna::test::IoThread io_;
  std::optional<store::Database> db_;
  crypto::Ed25519Signer signer_;
  crypto::Ed25519KeyRing keys_;
  std::unique_ptr<core::CodeClaims> claims_;
  std::unique_ptr<Workflows> workflows_;
  std::unique_ptr<screen::ScreenServer> server_;
  int jti_ = 0;
  std::atomic<int> events_written_{0};
};

}  // namespace witryna::app::test
