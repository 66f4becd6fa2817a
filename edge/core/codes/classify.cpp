#include "edge/core/codes/classify.hpp"

#include "edge/core/codes/app_code.hpp"
#include "edge/core/codes/app_token.hpp"
#include "edge/core/codes/jws.hpp"

namespace witryna::core {
namespace {

constexpr std::size_t kMinCodeAttemptSymbols = 7;
constexpr std::size_t kMaxCodeAttemptSymbols = 11;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_app_code_attempt(std::string_view text) {
  std::size_t symbols = 0;
  bool all_digits = true;
  bool separated = false;
  for (const char c : text) {
    if (c == ' ' || c == '-') {
      separated = true;
      continue;
    }
    if (!is_ascii_alnum(c)) return false;
    ++symbols;
    if (c < '0' || c > '9') all_digits = false;
  }
  if (symbols < kMinCodeAttemptSymbols || symbols > kMaxCodeAttemptSymbols) return false;
  return !all_digits || separated || symbols == kAppCodeSymbols;
}

}  // namespace

std::string_view strip_terminator(std::string_view input) {
  if (input.ends_with("\r\n")) return input.substr(0, input.size() - 2);
  if (input.ends_with('\r') || input.ends_with('\n')) return input.substr(0, input.size() - 1);
  return input;
}

bool has_control_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

ScanClass classify_scan(std::string_view input, const ScanOptions& options) {
  const std::string_view text = strip_terminator(input);
  if (text.size() > kMaxInputBytes || has_control_characters(text)) {
    return RejectedScan{Outcome::kMalformed};
  }
  if (is_ean13_shape(text)) {
    if (!is_valid_ean13(text)) return RejectedScan{Outcome::kInvalidCheckDigit};
    if (is_brand_card(text, options.card_prefixes)) return CardScan{std::string(text)};
    return RejectedScan{Outcome::kUnrecognized};
  }
  if (is_jws_shape(text)) return AppTokenScan{std::string(text)};
  if (is_app_code_attempt(text)) {
    auto code = parse_app_code(text);
    if (code) return AppCodeScan{std::move(*code)};
    return RejectedScan{outcome_from_string(code.error().code).value_or(Outcome::kMalformed)};
  }
  return RejectedScan{Outcome::kUnrecognized};
}

}  // namespace witryna::core
