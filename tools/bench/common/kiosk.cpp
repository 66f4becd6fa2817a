#include "tools/bench/common/kiosk.hpp"

namespace witryna::bench {

namespace {
constexpr auto kReadTimeout = std::chrono::seconds(10);
}  // namespace

Result<std::vector<Customer>> sample_customers(store::Database& db, std::size_t count) {
  auto stmt = db.prepare("SELECT card, customer FROM cards ORDER BY random() LIMIT ?1");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind_int(1, static_cast<std::int64_t>(count));
  std::vector<Customer> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->column_text(0), stmt->column_text(1)});
  }
  if (out.empty()) return fail(std::string(errc::kNotFound), "the store holds no cards");
  return out;
}

Result<nlohmann::json> await_view(LineSocket& screen, const std::string& mode) {
  while (true) {
    auto line = screen.read_line(kReadTimeout);
    if (!line) return tl::unexpected(line.error());
    auto message = nlohmann::json::parse(*line, nullptr, false);
    if (message.is_discarded()) return fail(std::string(errc::kInvalidJson), "edge sent non-JSON");
    if (auto view = message.find("view"); view != message.end()) {
      if (view->value("mode", "") == mode) return *view;
      if (view->value("mode", "") == "message") {
        return fail("unexpected_message", view->dump());
      }
    }
  }
}

Result<void> hello_kiosk(LineSocket& screen) {
  if (auto hello =
          screen.send(R"({"hello":{"screen":"kiosk-1","role":"kiosk","till":null,"protocol":1}})");
      !hello) {
    return hello;
  }
  auto idle = await_view(screen, "idle");
  if (!idle) return tl::unexpected(idle.error());
  return {};
}

}  // namespace witryna::bench
