#pragma once
// App codes typed by a cashier (codes.md §3): 8 data symbols + 1 check symbol
// from Crockford's base32 alphabet, shown as XXXX-XXXX-C.
//
// The check is Luhn mod 32 over the symbol values 0–31. It catches every
// single-symbol substitution and every swap of two different neighbouring
// symbols EXCEPT "0Z" <-> "Z0": in Luhn mod N the values 0 and N−1 are both
// fixed points of the doubling step, just as "09" <-> "90" in the decimal Luhn
// check. codes.md claims every swap is caught; the algorithm it fixes cannot.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "edge/core/result.hpp"

namespace witryna::core {

inline constexpr std::string_view kCrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kAppCodeDataSymbols = 8;
inline constexpr std::size_t kAppCodeSymbols = 9;

// The value 0–31 of an (already normalized, uppercase) symbol; nullopt outside
// the alphabet.
[[nodiscard]] std::optional<int> crockford_value(char symbol);

// Drops spaces and hyphens, uppercases ASCII letters, reads O as 0 and I, L as
// 1. Other characters are kept as they are (they then fail the alphabet
// check). Does not validate.
[[nodiscard]] std::string normalize_app_code(std::string_view typed);

// The Luhn mod 32 check symbol for 8 data symbols (normalized). Fails with
// "malformed" when `data` is not 8 symbols of the alphabet. For whoever MAKES
// codes (the data generator, tests).
[[nodiscard]] Result<char> app_code_check_symbol(std::string_view data);

// `data` (8 symbols) followed by its check symbol: a valid normalized code.
[[nodiscard]] Result<std::string> make_app_code(std::string_view data);

// True when `normalized` is 9 symbols of the alphabet whose Luhn mod 32 sum is 0.
[[nodiscard]] bool app_code_check_ok(std::string_view normalized);

// "XXXX-XXXX-C" for a normalized 9-symbol code (precondition: 9 characters).
[[nodiscard]] std::string format_app_code(std::string_view normalized);

// Normalizes and validates what a cashier typed. Returns the 9-symbol
// normalized code, or fails with "malformed" (a symbol outside the alphabet
// or a length other than 9) or "invalid_check" (wrong check symbol).
// The code-entry workflow calls this directly; a scan goes through classify_scan.
[[nodiscard]] Result<std::string> parse_app_code(std::string_view typed);

// The hash port: lowercase hex SHA-256 of the given bytes. The core holds no
// crypto library; the adapter passes witryna::crypto::sha256_hex.
using Sha256Hex = std::function<std::string(std::string_view)>;

// The look-up key stored and sent for a code: sha256 hex of the normalized
// 9-symbol code (ASCII). Never log or send the code itself.
[[nodiscard]] std::string app_code_key(std::string_view normalized, const Sha256Hex& sha256_hex);

}  // namespace witryna::core
