#pragma once
// The one place that chooses how expected failures are carried: move to
// std::expected by changing this file only.

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace witryna {

// An expected failure. `code` is a reason the contract names where there is
// one (e.g. "malformed", "bad_signature", "unknown_code"), otherwise one of
// the codes in `errc`. `context` is for logs and people: never personal data,
// never a card number, code or token.
struct Error {
  std::string code;
  std::string context;

  friend bool operator==(const Error&, const Error&) = default;
};

template <typename T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

[[nodiscard]] inline Unexpected fail(std::string code, std::string context = {}) {
  return Unexpected(Error{std::move(code), std::move(context)});
}

// Error codes for failures the contract does not name itself.
namespace errc {
inline constexpr std::string_view kInvalidJson = "invalid_json";
inline constexpr std::string_view kMissingField = "missing_field";
inline constexpr std::string_view kWrongType = "wrong_type";
inline constexpr std::string_view kInvalidValue = "invalid_value";
inline constexpr std::string_view kConfig = "config_invalid";
inline constexpr std::string_view kStorage = "storage";
inline constexpr std::string_view kSchemaTooNew = "schema_too_new";
inline constexpr std::string_view kNotFound = "not_found";
inline constexpr std::string_view kIo = "io";
inline constexpr std::string_view kOutboxFull = "outbox_full";
inline constexpr std::string_view kProtocol = "protocol";
}  // namespace errc

}  // namespace witryna
