#pragma once
// What kind of thing one scanned or typed string is (codes.md, all sections).
// Pure and syntactic: no keys, no store, no clock. The workflow then verifies a
// token (verify_app_token), looks up a card's profile (card / unknown_card) or
// a code's record (app_code_key), and answers with exactly one Outcome.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "edge/core/codes/ean13.hpp"
#include "edge/core/codes/outcome.hpp"

namespace witryna::core {

struct ScanOptions {
  // config `cards.prefixes`: EAN-13 prefixes of brand loyalty cards.
  std::vector<std::string> card_prefixes = kDefaultCardPrefixes;
};

// A valid EAN-13 with a brand prefix. Profile look-up decides card / unknown_card.
struct CardScan {
  std::string ean;
  friend bool operator==(const CardScan&, const CardScan&) = default;
};
// JWS-shaped; NOT verified yet (verify_app_token).
struct AppTokenScan {
  std::string token;
  friend bool operator==(const AppTokenScan&, const AppTokenScan&) = default;
};
// A normalized 9-symbol app code whose check symbol is right; look it up by
// app_code_key(normalized, sha256).
struct AppCodeScan {
  std::string normalized;
  friend bool operator==(const AppCodeScan&, const AppCodeScan&) = default;
};
// Decided already: malformed, invalid_check_digit, invalid_check or unrecognized.
struct RejectedScan {
  Outcome outcome = Outcome::kUnrecognized;
  friend bool operator==(const RejectedScan&, const RejectedScan&) = default;
};

using ScanClass = std::variant<CardScan, AppTokenScan, AppCodeScan, RejectedScan>;

// Removes one terminator: a trailing CRLF, CR or LF (only one).
[[nodiscard]] std::string_view strip_terminator(std::string_view input);

// True when `text` (terminator already stripped) holds a control character:
// a byte below 0x20, DEL (0x7F), or a UTF-8 encoded C1 control (U+0080–U+009F).
[[nodiscard]] bool has_control_characters(std::string_view text);

// Classifies one scanned or typed string, in this order:
//  1. strip one terminator (CR, LF or CRLF); more than kMaxInputBytes (4096)
//     bytes left, or any control character left → malformed;
//  2. 13 ASCII digits → EAN-13: wrong check digit → invalid_check_digit (for
//     any prefix: it is no valid barcode at all); brand prefix → CardScan;
//     otherwise a product barcode → unrecognized;
//  3. JWS shape (is_jws_shape) → AppTokenScan;
//  4. an app-code attempt → parse_app_code: AppCodeScan, or malformed /
//     invalid_check. An attempt is a string of only ASCII letters, digits,
//     spaces and hyphens, with 7 to 11 symbols once spaces and hyphens are
//     dropped (a code with up to two symbols missing or extra), and that has a
//     letter, a space or hyphen, or exactly 9 symbols: bare digit strings of
//     other lengths are product barcodes (EAN-8, UPC-A, …) → unrecognized.
//     "7K3M-9Q2" is an attempt → malformed;
//  5. anything else (including the empty string) → unrecognized.
// Code entry on the checkout screen knows its input is a code: it calls
// parse_app_code directly, where every other length is malformed.
[[nodiscard]] ScanClass classify_scan(std::string_view input, const ScanOptions& options = {});

}  // namespace witryna::core
