#include "sync/core/inbound_payloads.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "edge/core/codec/field_reader.hpp"
#include "sync/core/reasons.hpp"

namespace witryna::sync::core {
namespace {

using ::witryna::core::FieldReader;

Result<nlohmann::json> parse_small(std::string_view payload, std::string_view what) {
  if (payload.size() > kMaxSmallPayloadBytes) {
    return fail(std::string(reason::kPayloadTooLarge), std::string(what));
  }
  auto doc = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return fail(std::string(errc::kInvalidJson), std::string(what));
  return doc;
}

}  // namespace

Result<Ack> parse_ack(std::string_view payload) {
  const auto doc = parse_small(payload, "ack");
  if (!doc) return tl::unexpected(doc.error());
  FieldReader r(*doc);
  Ack a;
  a.device = r.string("device");
  a.upto = r.integer("upto");
  if (r.ok() && a.upto < 0) r.fail(errc::kInvalidValue, "upto");
  return ::witryna::core::finish(r, std::move(a));
}

Result<ClaimResultMessage> parse_claim_result(std::string_view payload) {
  const auto doc = parse_small(payload, "claim result");
  if (!doc) return tl::unexpected(doc.error());
  FieldReader r(*doc);
  ClaimResultMessage m;
  m.claim = r.string("claim");
  const auto result = r.string("result");
  if (r.ok()) {
    if (const auto parsed = claim_result_from(result)) {
      m.result = *parsed;
    } else {
      r.fail(errc::kInvalidValue, "result");
    }
  }
  return ::witryna::core::finish(r, std::move(m));
}

const char* to_string(Command::Kind k) {
  switch (k) {
    case Command::Kind::kResync:
      return "resync";
    case Command::Kind::kRestart:
      return "restart";
    case Command::Kind::kScreenshot:
      return "screenshot";
    case Command::Kind::kUnknown:
      return "unknown";
  }
  return "?";
}

Result<Command> parse_command(std::string_view payload) {
  const auto doc = parse_small(payload, "command");
  if (!doc) return tl::unexpected(doc.error());
  FieldReader r(*doc);
  Command c;
  c.id = r.string("id");
  c.name = r.string("cmd");
  c.screen = r.string_or("screen");
  if (!r.ok()) return tl::unexpected(*r.error());
  for (const auto k :
       {Command::Kind::kResync, Command::Kind::kRestart, Command::Kind::kScreenshot}) {
    if (c.name == to_string(k)) c.kind = k;
  }
  if (c.kind == Command::Kind::kScreenshot && c.screen.empty()) {
    r.fail(errc::kMissingField, "screen");
  }
  return ::witryna::core::finish(r, std::move(c));
}

}  // namespace witryna::sync::core
